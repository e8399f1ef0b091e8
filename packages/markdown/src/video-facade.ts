/**
 * The browser half of the click-to-load player (`youTubeEmbedHtml`): one listener on the
 * document turns an activated poster into the privacy-enhanced player, playing. A link is
 * activated by a click and by Enter alike, so the poster is keyboard operable as it is.
 * Browser-safe: no Node imports.
 */

const PLAYER_SRC = /^https:\/\/www\.youtube-nocookie\.com\/embed\/[A-Za-z0-9_-]{11}$/;

/** Replaces a poster link with its player; false for a link that isn't a valid poster. */
export function playVideo(link: HTMLAnchorElement): boolean {
  const src = link.dataset.videoSrc ?? "";
  if (!PLAYER_SRC.test(src)) return false;
  const frame = link.ownerDocument.createElement("iframe");
  frame.src = `${src}?autoplay=1`;
  frame.title = link.dataset.videoTitle || "YouTube video";
  frame.allow =
    "accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture; web-share";
  frame.referrerPolicy = "strict-origin-when-cross-origin";
  frame.allowFullscreen = true;
  link.replaceWith(frame);
  // Focus follows the visitor's action into the player (keyboard users stay where they were).
  frame.focus();
  return true;
}

/** Listens on `root` for activated posters; returns the function that stops listening. */
export function activateVideoFacades(root: Document | HTMLElement = document): () => void {
  const onClick = (event: Event) => {
    const mouse = event as MouseEvent;
    // A modified click (new tab, new window) keeps the link's own behaviour.
    if (mouse.button !== 0 || mouse.metaKey || mouse.ctrlKey || mouse.shiftKey || mouse.altKey) {
      return;
    }
    const target = event.target as Element | null;
    const link = target?.closest?.("a.video-facade__play");
    if (link instanceof HTMLAnchorElement && playVideo(link)) event.preventDefault();
  };
  root.addEventListener("click", onClick);
  return () => root.removeEventListener("click", onClick);
}
