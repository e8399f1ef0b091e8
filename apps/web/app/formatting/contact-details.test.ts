import { describe, expect, it } from "vitest";
import { addressLines, telHref } from "./contact-details";

describe("addressLines", () => {
  it("prints street, locality and country on separate lines", () => {
    expect(
      addressLines({
        street: "12 King St",
        suburb: "Newtown",
        state: "NSW",
        postcode: "2042",
        country: "Australia",
      }),
    ).toEqual(["12 King St", "Newtown NSW 2042", "Australia"]);
  });

  it("skips empty parts without leaving stray spaces", () => {
    expect(
      addressLines({
        street: "1 Main Rd",
        suburb: "Auckland",
        state: "",
        postcode: "1010",
        country: "",
      }),
    ).toEqual(["1 Main Rd", "Auckland 1010"]);
  });
});

describe("telHref", () => {
  it.each([
    ["(02) 9555 0123", "tel:0295550123"],
    ["+61 2 9555 0123", "tel:+61295550123"],
    [" 0412-345-678 ", "tel:0412345678"],
  ])("%s → %s", (phone, href) => {
    expect(telHref(phone)).toBe(href);
  });
});
