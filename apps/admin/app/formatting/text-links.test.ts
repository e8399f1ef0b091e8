import { describe, expect, it } from "vitest";
import { textWithLinks } from "./text-links";

describe("textWithLinks", () => {
  it("makes web addresses links, leaving a sentence's full stop as text", () => {
    expect(
      textWithLinks(
        "Manage it: http://localhost:3000/manage/abc_DEF-123?x=1.\nOr call (02) 9000 1234.",
      ),
    ).toEqual([
      { text: "Manage it: " },
      {
        text: "http://localhost:3000/manage/abc_DEF-123?x=1",
        href: "http://localhost:3000/manage/abc_DEF-123?x=1",
      },
      { text: ".\nOr call (02) 9000 1234." },
    ]);
  });

  it("links only http(s) addresses", () => {
    expect(textWithLinks("javascript:alert(1) and mailto:a@b.example")).toEqual([
      { text: "javascript:alert(1) and mailto:a@b.example" },
    ]);
    expect(textWithLinks("")).toEqual([]);
  });
});
