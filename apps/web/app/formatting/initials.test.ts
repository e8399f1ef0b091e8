import { describe, expect, it } from "vitest";
import { initials } from "./initials";

describe("initials", () => {
  it.each([
    ["Jason Lee", "JL"],
    ["joey lee", "JL"],
    ["Cher", "C"],
    ["  Mary-Jane   van der Berg ", "MB"],
    ["Zoë Ørsted", "ZØ"],
    ["Dr. (Sam) O'Neil", "DO"],
    ["", "?"],
  ])("%s → %s", (name, expected) => {
    expect(initials(name)).toBe(expected);
  });
});
