export interface TextPart {
  text: string;
  /** Set when the part is a web address, to show as a link. */
  href?: string;
}

const WEB_ADDRESS = /https?:\/\/[^\s<>"')\]]+/g;

/**
 * Plain text split into text and web addresses, so an email's links can be clicked. A
 * sentence's closing punctuation stays text; only http(s) addresses become links.
 */
export function textWithLinks(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(WEB_ADDRESS)) {
    const address = match[0].replace(/[.,;:!?]+$/, "");
    const start = match.index;
    if (start > last) parts.push({ text: text.slice(last, start) });
    parts.push({ text: address, href: address });
    last = start + address.length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}
