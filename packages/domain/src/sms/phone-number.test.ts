import { describe, expect, it } from "vitest";
import { isPhoneCountry, normaliseMobileNumber } from "./phone-number.js";

describe("normaliseMobileNumber", () => {
  it("reads a local mobile number in the clinic's country as E.164", () => {
    expect(normaliseMobileNumber("0400 123 456", "AU")).toBe("+61400123456");
    expect(normaliseMobileNumber("(0400) 123-456", "au")).toBe("+61400123456");
    expect(normaliseMobileNumber("021 123 4567", "NZ")).toBe("+64211234567");
  });

  it("keeps an international number whatever the default country", () => {
    expect(normaliseMobileNumber("+64 21 123 4567", "AU")).toBe("+64211234567");
    expect(normaliseMobileNumber("+61 400 123 456", "NZ")).toBe("+61400123456");
  });

  it("refuses landlines, short or malformed numbers, and unknown countries", () => {
    expect(normaliseMobileNumber("(02) 9876 5432", "AU")).toBeNull();
    expect(normaliseMobileNumber("12", "AU")).toBeNull();
    expect(normaliseMobileNumber("not a number", "AU")).toBeNull();
    expect(normaliseMobileNumber("0400 123 456", "XX")).toBeNull();
  });

  it("knows which countries it can read numbers in", () => {
    expect(isPhoneCountry("AU")).toBe(true);
    expect(isPhoneCountry("XX")).toBe(false);
    expect(isPhoneCountry("au")).toBe(false);
  });
});
