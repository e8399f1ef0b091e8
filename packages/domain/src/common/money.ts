/**
 * Formats whole cents as a price, e.g. `formatMoney(9500, "AUD", "en-AU")` → "$95.00".
 * Whole amounts keep their cents so a price list lines up. Throws a RangeError
 * for anything but an integer number of cents.
 */
export function formatMoney(cents: number, currency = "AUD", locale = "en-AU"): string {
  if (!Number.isInteger(cents)) throw new RangeError(`Cents must be an integer, got ${cents}`);
  return new Intl.NumberFormat(locale, { style: "currency", currency }).format(cents / 100);
}

// Plain digits ("1095") or digits grouped in threes ("1,095"), then up to two decimals.
const AMOUNT = /^(?:\d+|\d{1,3}(?:,\d{3})+)(?:\.\d{1,2})?$/;

/**
 * Parses a non-negative price typed by a person ("95", "95.5", "$1,095.50",
 * "A$ 95") into cents, or null when it is not a price (negative, more than two
 * decimals, misplaced commas, too large to count exactly).
 */
export function parseMoney(input: string): number | null {
  const cleaned = input.trim().replace(/^A?\$\s*/, "");
  if (!AMOUNT.test(cleaned)) return null;
  const [whole = "", fraction = ""] = cleaned.replace(/,/g, "").split(".");
  const cents = Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
  return Number.isSafeInteger(cents) ? cents : null;
}
