// Letters that Unicode decomposition leaves alone but readers expect spelled out in ASCII.
const LETTERS: Record<string, string> = {
  ß: "ss",
  æ: "ae",
  œ: "oe",
  ø: "o",
  đ: "d",
  ð: "d",
  ł: "l",
  þ: "th",
  ı: "i",
};

/**
 * Turns a title or name into a URL slug: lowercase ASCII letters and digits
 * separated by single hyphens. Accents are folded ("Café" → "cafe"), `&` reads
 * "and", apostrophes vanish ("Joey's" → "joeys"). Longer slugs are cut to at
 * most `maxLength` characters, on a word boundary when one is reasonably near.
 * Returns "" when the text has no letters or digits.
 */
export function slugify(text: string, maxLength = 80): string {
  const slug = text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[ßæœøđðłþı]/g, (c) => LETTERS[c] ?? c)
    .replace(/&/g, " and ")
    .replace(/['‘’ʼ`]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength);
  // The cut already ends a word: keep it whole.
  if (slug[maxLength] === "-") return cut;
  const lastHyphen = cut.lastIndexOf("-");
  return (lastHyphen > maxLength / 2 ? cut.slice(0, lastHyphen) : cut).replace(/-+$/, "");
}
