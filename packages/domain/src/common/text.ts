const WORDS_PER_MINUTE = 220;

// A word is a run of letters or digits, joined by inner apostrophes or hyphens ("don't", "warm-up").
const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

/**
 * Estimated reading time in whole minutes (at least 1) for plain or markdown
 * text. Fenced code, HTML tags (embedded videos) and link targets are not counted.
 */
export function readingMinutes(text: string): number {
  const prose = text
    .replace(/```[\s\S]*?```/g, " ")
    .replace(/<[^>]*>/g, " ")
    .replace(/\]\([^)]*\)/g, "] ");
  const words = prose.match(WORD)?.length ?? 0;
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}

/**
 * Shortens text to at most `max` characters, ellipsis included, with
 * whitespace collapsed. It cuts on a word boundary when one is reasonably near
 * and adds "…"; text that already fits is returned whole, without an ellipsis.
 */
export function excerpt(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  let cut = flat.slice(0, max - 1);
  // Never split a surrogate pair (emoji).
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  const lastSpace = cut.lastIndexOf(" ");
  const wordEndsAtCut = flat[cut.length] === " ";
  const kept = !wordEndsAtCut && lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut;
  return `${kept.replace(/[\s,.;:\-–—(]+$/, "")}…`;
}
