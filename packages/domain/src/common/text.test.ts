import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { excerpt, readingMinutes } from "./text.js";

const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(" ");

describe("readingMinutes", () => {
  it("is at least one minute, even for empty text", () => {
    expect(readingMinutes("")).toBe(1);
    expect(readingMinutes("Hello there")).toBe(1);
  });

  it("counts about 220 words a minute, rounded", () => {
    expect(readingMinutes(words(220))).toBe(1);
    expect(readingMinutes(words(440))).toBe(2);
    expect(readingMinutes(words(549))).toBe(2);
    expect(readingMinutes(words(551))).toBe(3);
    expect(readingMinutes(words(2200))).toBe(10);
  });

  it("ignores markdown punctuation, fenced code, HTML tags and link targets", () => {
    const prose = words(440);
    const markdown = [
      "# Heading",
      "> quoted **bold** _italic_",
      ["```ts", words(1000), "```"].join("\n"),
      '<iframe src="https://www.youtube.com/embed/S7L5pmw8Is4" title="video"></iframe>',
      "[a link](https://example.com/a/very/long/path)",
      prose,
    ].join("\n\n");
    // Heading, quoted, bold, italic, a, link + 440 words: still two minutes, not seven.
    expect(readingMinutes(markdown)).toBe(2);
  });

  it("counts a hyphenated word or contraction once", () => {
    expect(readingMinutes(Array.from({ length: 330 }, () => "warm-up").join(" "))).toBe(2);
    expect(readingMinutes(Array.from({ length: 330 }, () => "don't").join(" "))).toBe(2);
  });
});

describe("excerpt", () => {
  it("returns short text whole, with whitespace collapsed and no ellipsis", () => {
    expect(excerpt("  Short\n\n and   sweet  ")).toBe("Short and sweet");
    expect(excerpt("exactly ten", 11)).toBe("exactly ten");
  });

  it("cuts on a word boundary and adds an ellipsis", () => {
    expect(excerpt("The quick brown fox jumps over the lazy dog", 20)).toBe("The quick brown fox…");
    expect(excerpt("The quick brown fox jumps over the lazy dog", 18)).toBe("The quick brown…");
  });

  it("keeps a word that ends exactly at the cut", () => {
    // "aaaaaaaa bbbb" is 13 characters; with the ellipsis it fills 14.
    expect(excerpt("aaaaaaaa bbbb cccc", 14)).toBe("aaaaaaaa bbbb…");
  });

  it("drops trailing punctuation before the ellipsis", () => {
    expect(excerpt("Rest, ice, compression, elevation and more", 25)).toBe(
      "Rest, ice, compression…",
    );
  });

  it("cuts inside a very long word rather than returning almost nothing", () => {
    expect(excerpt("a supercalifragilisticexpialidocious", 12)).toBe("a supercali…");
  });

  it("does not split an emoji", () => {
    const result = excerpt("abcdefgh😀 ijk", 10);
    expect(result).toBe("abcdefgh…");
  });

  it("never exceeds max characters", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), fc.integer({ min: 2, max: 300 }), (text, max) => {
        const result = excerpt(text, max);
        const flat = text.replace(/\s+/g, " ").trim();
        expect(result.length).toBeLessThanOrEqual(max);
        if (flat.length <= max) expect(result).toBe(flat);
        else expect(result.endsWith("…")).toBe(true);
      }),
    );
  });
});
