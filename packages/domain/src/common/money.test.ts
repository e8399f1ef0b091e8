import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatMoney, parseMoney } from "./money.js";

describe("formatMoney", () => {
  it("formats cents as Australian dollars by default", () => {
    expect(formatMoney(9500)).toBe("$95.00");
    expect(formatMoney(9550)).toBe("$95.50");
    expect(formatMoney(5)).toBe("$0.05");
    expect(formatMoney(0)).toBe("$0.00");
    expect(formatMoney(109550)).toBe("$1,095.50");
    expect(formatMoney(100_000_000)).toBe("$1,000,000.00");
  });

  it("takes the currency and locale", () => {
    expect(formatMoney(9500, "AUD", "en-AU")).toBe("$95.00");
    expect(formatMoney(9500, "USD", "en-US")).toBe("$95.00");
    // ICU puts a no-break space after the code.
    expect(formatMoney(9500, "USD", "en-AU")).toMatch(/^USD\s95\.00$/);
  });

  it("rejects anything but whole cents", () => {
    expect(() => formatMoney(95.5)).toThrow(RangeError);
    expect(() => formatMoney(Number.NaN)).toThrow(RangeError);
    expect(() => formatMoney(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe("parseMoney", () => {
  it.each([
    ["95", 9500],
    ["95.5", 9550],
    ["95.50", 9550],
    ["0.05", 5],
    ["0", 0],
    ["$95", 9500],
    ["  $95.00  ", 9500],
    ["$ 95", 9500],
    ["A$95", 9500],
    ["1095.50", 109550],
    ["$1,095.50", 109550],
    ["1,000,000", 100_000_000],
  ])("parses %j as %i cents", (input, cents) => {
    expect(parseMoney(input)).toBe(cents);
  });

  it.each([
    "",
    "   ",
    "$",
    "abc",
    "95abc",
    "-5",
    "-$5.00",
    "95.",
    ".5",
    "95.555",
    "1,0,9,5",
    "10,00",
    ",100",
    "1e3",
    "0x10",
    "95 50",
    "$$95",
    "99999999999999999999",
  ])("rejects %j", (input) => {
    expect(parseMoney(input)).toBeNull();
  });

  it("round-trips whatever formatMoney prints", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000_00 }), (cents) => {
        expect(parseMoney(formatMoney(cents))).toBe(cents);
      }),
    );
  });
});
