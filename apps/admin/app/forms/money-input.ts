import { parseMoney, priceCentsSchema } from "@clinic/domain";
import { z } from "zod";

/** A price as staff type it in a form: "95", "95.00" or "$1,095.50". */
export const MONEY_INPUT_HINT = "In dollars, e.g. 95.00";

/**
 * A form field holding a price in dollars, parsed to whole cents with the domain's
 * `parseMoney` and then held to the same limits as stored prices.
 */
export function moneyInputSchema(label = "Price") {
  return z
    .string({ message: `Enter the ${label.toLowerCase()}` })
    .trim()
    .min(1, `Enter the ${label.toLowerCase()}`)
    .transform((value, ctx) => {
      const cents = parseMoney(value);
      if (cents === null) {
        ctx.addIssue({
          code: "custom",
          message: `${label} must be an amount in dollars, such as 95 or 95.50`,
        });
        return z.NEVER;
      }
      return cents;
    })
    .pipe(priceCentsSchema);
}

/** Cents as the value of a price input: "95.00" (no currency sign, no grouping). */
export function centsToMoneyInput(cents: number): string {
  if (!Number.isInteger(cents)) throw new RangeError(`Cents must be an integer, got ${cents}`);
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}
