import { randomUUID } from "node:crypto";
import { Marked, type TokenizerAndRendererExtension, type Tokens } from "marked";
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

/**
 * The privacy-enhanced player for one video. Built only from a validated id and an
 * escaped title, never from the post's own HTML.
 */
export function youTubeEmbedHtml({ id, title }: YouTubeEmbed): string {
  if (!VIDEO_ID.test(id)) throw new RangeError(`Not a YouTube video id: ${id}`);
  return (
    `<div class="video-embed"><iframe src="https://www.youtube-nocookie.com/embed/${id}"` +
    ` title="${escapeHtml(title)}" loading="lazy"` +
    ` allow="accelerometer; clipboard-write; encrypted-media; gyroscope; picture-in-picture; web-share"` +
    ` referrerpolicy="strict-origin-when-cross-origin" allowfullscreen></iframe></div>`
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

const sanitizeOptions: sanitizeHtml.IOptions = {
  allowedTags: [...sanitizeHtml.defaults.allowedTags, "img", "del"],
  allowedAttributes: {
    a: ["href", "title"],
    img: ["src", "alt", "title", "width", "height", "loading"],
    ol: ["start"],
    th: ["align"],
    td: ["align"],
    code: ["class"],
  },
  allowedClasses: { code: [/^language-[\w-]+$/] },
  allowedSchemes: ["http", "https", "mailto", "tel"],
  allowedSchemesByTag: { img: ["http", "https"] },
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  transformTags: {
    // The page title is the one h1; headings in a body start one level below it.
    h1: "h2",
    img: (tagName, attribs) => ({ tagName, attribs: { ...attribs, loading: "lazy" } }),
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
  const marked = new Marked({ gfm: true }).use({ extensions: [youTubeExtension(placeholder)] });
  const html = marked.parse(markdown, { async: false });
  const safe = sanitizeHtml(html, sanitizeOptions);
  return safe.replace(new RegExp(`<p>${marker}-(\\d+)</p>`, "g"), (_, index: string) => {
    const embed = embeds[Number(index)];
    return embed ? youTubeEmbedHtml(embed) : "";
  });
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

/** Markdown as plain text on one line, for meta descriptions and excerpts. */
export function markdownToPlainText(markdown: string): string {
  const marked = new Marked({ gfm: true }).use({ extensions: [youTubeExtension(() => "")] });
  const html = marked.parse(markdown, { async: false });
  const text = sanitizeHtml(html.replace(/<\/(p|h[1-6]|li|blockquote)>/g, " "), {
    allowedTags: [],
    allowedAttributes: {},
  });
  return text
    .replace(/&(?:amp|lt|gt|quot|nbsp|#39|#x27);/g, (entity) => TEXT_ENTITIES[entity] ?? entity)
    .replace(/\s+/g, " ")
    .trim();
}
