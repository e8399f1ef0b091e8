import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { slugSchema } from "./fields.js";
import { slugify } from "./slug.js";

describe("slugify", () => {
  it("lowercases and joins words with single hyphens", () => {
    expect(slugify("Why Runners Benefit From Spinal Adjustments")).toBe(
      "why-runners-benefit-from-spinal-adjustments",
    );
  });

  it("folds accents and letters without a decomposition", () => {
    expect(slugify("Café Crème Brûlée")).toBe("cafe-creme-brulee");
    expect(slugify("Straße Ørsted Łódź Æsir")).toBe("strasse-orsted-lodz-aesir");
    expect(slugify("İstanbul")).toBe("istanbul");
  });

  it("reads & as 'and'", () => {
    expect(slugify("Rehab & Strength")).toBe("rehab-and-strength");
    expect(slugify("R&D")).toBe("r-and-d");
  });

  it("drops apostrophes instead of splitting the word", () => {
    expect(slugify("Joey's Tips")).toBe("joeys-tips");
    expect(slugify("Don’t skip warm-ups")).toBe("dont-skip-warm-ups");
  });

  it("collapses punctuation and repeated separators, and trims the ends", () => {
    expect(slugify("  --Hello,   world!!  (2026) -- ")).toBe("hello-world-2026");
    expect(slugify("a___b...c///d")).toBe("a-b-c-d");
  });

  it("returns an empty string when nothing is left", () => {
    expect(slugify("")).toBe("");
    expect(slugify("   ")).toBe("");
    expect(slugify("!!! ??? —")).toBe("");
    expect(slugify("日本語")).toBe("");
  });

  it("truncates on a word boundary", () => {
    const title = "the quick brown fox jumps over the lazy dog";
    expect(slugify(title, 20)).toBe("the-quick-brown-fox");
    expect(slugify(title, 22)).toBe("the-quick-brown-fox");
  });

  it("keeps the last word when the cut falls exactly at its end", () => {
    // "aaaaaaa-bbbb" is 12 characters and is followed by a hyphen.
    expect(slugify("aaaaaaa bbbb cccc", 12)).toBe("aaaaaaa-bbbb");
  });

  it("cuts inside a word when no boundary is reasonably near", () => {
    expect(slugify("ab supercalifragilistic", 10)).toBe("ab-superca");
    expect(slugify("abcdefghijklmnop", 5)).toBe("abcde");
  });

  it("never leaves a trailing hyphen after truncating", () => {
    expect(slugify("abcd efgh", 5)).toBe("abcd");
  });

  it("always gives a valid slug or an empty string, within the length", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "grapheme", maxLength: 200 }),
        fc.integer({ min: 1, max: 100 }),
        (text, max) => {
          const slug = slugify(text, max);
          expect(slug.length).toBeLessThanOrEqual(max);
          if (slug !== "") expect(slugSchema.safeParse(slug).success).toBe(true);
        },
      ),
    );
  });

  it("is idempotent", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), (text) => {
        const slug = slugify(text);
        expect(slugify(slug)).toBe(slug);
      }),
    );
  });
});
