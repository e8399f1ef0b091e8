import { describe, expect, it } from "vitest";
import { centsToMoneyInput, moneyInputSchema } from "./money-input";

const schema = moneyInputSchema("Price");

describe("moneyInputSchema", () => {
  it.each([
    ["95", 9500],
    ["95.00", 9500],
    ["95.5", 9550],
    [" $1,095.50 ", 109550],
    ["0", 0],
    ["10000.00", 1_000_000],
  ])("reads %j as %i cents", (input, cents) => {
    expect(schema.parse(input)).toBe(cents);
  });

  it.each(["", "   "])("asks for a price when the field is empty (%j)", (input) => {
    const result = schema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("Enter the price");
  });

  it.each(["-5", "95.999", "ninety", "9,50", "1.2.3"])(
    "refuses %j with a plain message",
    (input) => {
      const result = schema.safeParse(input);
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toBe(
        "Price must be an amount in dollars, such as 95 or 95.50",
      );
    },
  );

  it("refuses prices above the stored limit", () => {
    const result = schema.safeParse("10000.01");
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("Price must be at most 10,000.00");
  });

  it("asks for a price when the field is missing from the form", () => {
    expect(schema.safeParse(undefined).error?.issues[0]?.message).toBe("Enter the price");
  });
});

describe("centsToMoneyInput", () => {
  it.each([
    [9500, "95.00"],
    [9550, "95.50"],
    [5, "0.05"],
    [0, "0.00"],
    [109550, "1095.50"],
  ])("shows %i cents as %j, which reads back the same", (cents, text) => {
    expect(centsToMoneyInput(cents)).toBe(text);
    expect(schema.parse(text)).toBe(cents);
  });

  it("refuses fractions of a cent", () => {
    expect(() => centsToMoneyInput(1.5)).toThrow(RangeError);
  });
});
