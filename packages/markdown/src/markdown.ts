import { randomUUID } from "node:crypto";
import {
  Marked,
  type RendererObject,
  type TokenizerAndRendererExtension,
  type Tokens,
} from "marked";
import sanitizeHtml from "sanitize-html";

/** A YouTube video to embed; `id` is always validated before it gets here. */
interface YouTubeEmbed {
  id: string;
  title: string;
}

const VIDEO_ID = /^[A-Za-z0-9_-]{11}$/;
const DEFAULT_VIDEO_TITLE = "YouTube video";

// `::youtube{id="…" title="…"}` alone on a line (up to three spaces of indent, like any block).
const DIRECTIVE_LINE = /^ {0,3}::youtube\{([^}\n]*)\}[ \t]*(?:\n+|$)/;
// A line holding nothing but a link to a YouTube video.
const BARE_LINK_LINE =
  /^ {0,3}https?:\/\/(?:www\.|m\.)?(?:youtube\.com\/(?:watch\?(?:[^\s#]*&)?v=|embed\/)|youtu\.be\/)([A-Za-z0-9_-]{11})(?:[?&#][^\s]*)?[ \t]*(?:\n+|$)/;
// Where the next embed line starts, so a paragraph right above one does not swallow it.
const EMBED_LINE_START = new RegExp(
  `^(?:${DIRECTIVE_LINE.source.slice(1)}|${BARE_LINK_LINE.source.slice(1)})`,
  "m",
);

function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

/** Reads `key="value"` pairs of a directive; values cannot contain a double quote. */
export function parseDirectiveAttributes(source: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const match of source.matchAll(/([A-Za-z][\w-]*)="([^"]*)"/g)) {
    attributes[match[1]!] = match[2]!;
  }
  return attributes;
}

// YouTube's play button, drawn here: the poster is ours, nothing is fetched from the video host.
const PLAY_ICON =
  '<svg viewBox="0 0 68 48" width="68" height="48" focusable="false">' +
  '<path d="M66.5 7.7c-.8-2.9-2.5-5.4-5.4-6.2C55.8.1 34 0 34 0S12.2.1 6.9 1.6c-3 .7-4.6 3.2-5.4 6.1C.1 13 0 24 0 24s.1 11 1.5 16.3c.8 2.9 2.5 5.4 5.4 6.2C12.2 47.9 34 48 34 48s21.8-.1 27.1-1.6c3-.7 4.6-3.2 5.4-6.1C67.9 35 68 24 68 24s-.1-11-1.5-16.3z" fill="currentColor"/>' +
  '<path d="M45 24 27 14v20z" fill="#fff"/></svg>';

/** The privacy-enhanced player's address for a video (what the iframe loads once asked). */
export function youTubePlayerSrc(id: string): string {
  if (!VIDEO_ID.test(id)) throw new RangeError(`Not a YouTube video id: ${id}`);
  return `https://www.youtube-nocookie.com/embed/${id}`;
}

/**
 * A click-to-load player for one video: a poster drawn on the page (the title and a play
 * button; no image from the video host) that is a link to the video. Nothing is requested from
 * YouTube until the visitor activates it: then `activateVideoFacades` swaps in the
 * privacy-enhanced player; without JavaScript the link opens the video on YouTube. Built only
 * from a validated id and an escaped title, never from the post's own HTML.
 */
export function youTubeEmbedHtml({ id, title }: YouTubeEmbed): string {
  const src = youTubePlayerSrc(id);
  const safeTitle = escapeHtml(title);
  return (
    `<div class="video-embed video-facade">` +
    `<a class="video-facade__play" href="https://www.youtube.com/watch?v=${id}"` +
    ` data-video-src="${src}" data-video-title="${safeTitle}">` +
    `<span class="video-facade__title"><span class="visually-hidden">Play video: </span>${safeTitle}</span>` +
    `<span class="video-facade__button" aria-hidden="true">${PLAY_ICON}</span>` +
    `<span class="video-facade__note">Plays from YouTube when you start it</span>` +
    `</a></div>`
  );
}

interface YouTubeToken extends Tokens.Generic {
  type: "youtube";
  raw: string;
  embed: YouTubeEmbed | null;
}

/** A marked block extension for embed lines; `render` decides what an embed becomes. */
function youTubeExtension(render: (embed: YouTubeEmbed) => string): TokenizerAndRendererExtension {
  return {
    name: "youtube",
    level: "block",
    start(src: string) {
      return src.match(EMBED_LINE_START)?.index;
    },
    tokenizer(src: string): YouTubeToken | undefined {
      const directive = DIRECTIVE_LINE.exec(src);
      if (directive) {
        const { id = "", title } = parseDirectiveAttributes(directive[1]!);
        // An invalid directive is dropped rather than shown as raw text.
        const embed = VIDEO_ID.test(id)
          ? { id, title: title?.trim() || DEFAULT_VIDEO_TITLE }
          : null;
        return { type: "youtube", raw: directive[0], embed };
      }
      const link = BARE_LINK_LINE.exec(src);
      if (link) {
        return {
          type: "youtube",
          raw: link[0],
          embed: { id: link[1]!, title: DEFAULT_VIDEO_TITLE },
        };
      }
      return undefined;
    },
    renderer(token) {
      const { embed } = token as YouTubeToken;
      return embed ? render(embed) : "";
    },
  };
}

const TEXT_ENTITIES: Record<string, string> = {
  "&amp;": "&",
  "&lt;": "<",
  "&gt;": ">",
  "&quot;": '"',
  "&#39;": "'",
  "&#x27;": "'",
  "&nbsp;": " ",
};

const TEXT_ENTITY_PATTERN = /&(?:amp|lt|gt|quot|nbsp|#39|#x27);/g;

function decodeTextEntities(html: string): string {
  return html.replace(TEXT_ENTITY_PATTERN, (entity) => TEXT_ENTITIES[entity] ?? entity);
}

// Ids the page around a post already uses: a heading called "Main" must not steal the skip link's target.
const RESERVED_IDS = new Set(["main", "footer-contact", "footer-explore", "more-by-author"]);

/** A heading's anchor id: lowercase words joined by hyphens, "section" when nothing is left. */
export function headingSlug(text: string): string {
  const slug = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return slug || "section";
}

/** Gives each heading of one document a unique id: "warm-up", then "warm-up-2", … */
function headingIds(): (text: string) => string {
  const used = new Set<string>();
  return (text) => {
    const base = headingSlug(text);
    let id = base;
    for (let n = 2; used.has(id) || RESERVED_IDS.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    return id;
  };
}

/**
 * Image size convention: a title ending in `=WIDTHxHEIGHT` gives the image's intrinsic size,
 * so the page reserves its space before it loads; the rest of the title stays its title.
 * `![A runner mid-stride](/images/run.jpg "=800x450")` or `(... "On the track =800x450")`.
 * (Marked cannot parse the `(src =800x450)` form, so the size rides in the title.)
 */
export function parseImageTitle(title: string | null | undefined): {
  title: string | null;
  width: number | null;
  height: number | null;
} {
  const match = title?.match(/^(.*?)\s*=(\d{1,5})x(\d{1,5})\s*$/);
  if (!match) return { title: title?.trim() || null, width: null, height: null };
  const width = Number(match[2]);
  const height = Number(match[3]);
  const valid = width > 0 && height > 0;
  return {
    title: match[1]!.trim() || null,
    width: valid ? width : null,
    height: valid ? height : null,
  };
}

/**
 * Headings become link targets: an id from their text, and their text a link to themselves
 * (one link whose name is the heading, easier for screen readers than a separate "#").
 * A heading that already holds a link only gets the id: links cannot nest.
 */
function contentRenderer(): RendererObject {
  const nextId = headingIds();
  return {
    heading({ tokens, depth }) {
      const inner = this.parser.parseInline(tokens);
      const text = decodeTextEntities(inner.replace(/<[^>]*>/g, ""));
      const id = nextId(text);
      // The page title is the one h1; headings in a body start one level below it.
      const level = Math.min(6, Math.max(2, depth));
      const content = /<a[\s>]/i.test(inner)
        ? inner
        : `<a class="heading-anchor" href="#${id}">${inner}</a>`;
      return `<h${level} id="${id}">${content}</h${level}>\n`;
    },
    image({ href, title, text }) {
      const size = parseImageTitle(title);
      const attributes = [
        `src="${escapeHtml(href)}"`,
        `alt="${escapeHtml(text)}"`,
        size.title ? `title="${escapeHtml(size.title)}"` : "",
        size.width ? `width="${size.width}" height="${size.height}"` : "",
        'loading="lazy" decoding="async"',
      ];
      return `<img ${attributes.filter(Boolean).join(" ")}>`;
    },
  };
}

const HEADING_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Keeps a heading's id only when it is one of ours in shape. */
function keepSafeHeadingId(tagName: string, attribs: sanitizeHtml.Attributes) {
  const { id, ...rest } = attribs;
  return { tagName, attribs: id && HEADING_ID.test(id) ? { ...rest, id } : rest };
}

const sanitizeOptions: sanitizeHtml.IOptions = {
  allowedTags: [...sanitizeHtml.defaults.allowedTags, "img", "del"],
  allowedAttributes: {
    a: ["href", "title", "class"],
    img: ["src", "alt", "title", "width", "height", "loading", "decoding"],
    h2: ["id"],
    h3: ["id"],
    h4: ["id"],
    h5: ["id"],
    h6: ["id"],
    ol: ["start"],
    th: ["align"],
    td: ["align"],
    code: ["class"],
  },
  allowedClasses: { code: [/^language-[\w-]+$/], a: ["heading-anchor"] },
  allowedSchemes: ["http", "https", "mailto", "tel"],
  allowedSchemesByTag: { img: ["http", "https"] },
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  transformTags: {
    // The page title is the one h1; headings in a body start one level below it.
    h1: (_tagName, attribs) => keepSafeHeadingId("h2", attribs),
    h2: keepSafeHeadingId,
    h3: keepSafeHeadingId,
    h4: keepSafeHeadingId,
    h5: keepSafeHeadingId,
    h6: keepSafeHeadingId,
    img: (tagName, attribs) => ({
      tagName,
      attribs: { ...attribs, loading: "lazy", decoding: "async" },
    }),
  },
};

/**
 * Renders trusted-shape, untrusted-content markdown (posts, bios, service descriptions)
 * to HTML that is safe to inject: raw HTML is sanitised away, and YouTube directive or
 * bare-link lines become privacy-enhanced embeds.
 */
export function renderMarkdown(markdown: string): string {
  const embeds: YouTubeEmbed[] = [];
  // Embeds become numbered placeholders with a per-render random marker a post author
  // cannot guess, and are swapped for players only after sanitising.
  const marker = `youtube-embed-${randomUUID().replaceAll("-", "")}`;
  const placeholder = (embed: YouTubeEmbed) => `<p>${marker}-${embeds.push(embed) - 1}</p>\n`;
  const marked = new Marked({ gfm: true }).use({
    extensions: [youTubeExtension(placeholder)],
    renderer: contentRenderer(),
  });
  const html = marked.parse(markdown, { async: false });
  const safe = sanitizeHtml(html, sanitizeOptions);
  return safe.replace(new RegExp(`<p>${marker}-(\\d+)</p>`, "g"), (_, index: string) => {
    const embed = embeds[Number(index)];
    return embed ? youTubeEmbedHtml(embed) : "";
  });
}

/** Markdown as plain text on one line, for meta descriptions and excerpts. */
export function markdownToPlainText(markdown: string): string {
  const marked = new Marked({ gfm: true }).use({ extensions: [youTubeExtension(() => "")] });
  const html = marked.parse(markdown, { async: false });
  const text = sanitizeHtml(html.replace(/<\/(p|h[1-6]|li|blockquote)>/g, " "), {
    allowedTags: [],
    allowedAttributes: {},
  });
  return text
    .replace(TEXT_ENTITY_PATTERN, (entity) => TEXT_ENTITIES[entity] ?? entity)
    .replace(/\s+/g, " ")
    .trim();
}
