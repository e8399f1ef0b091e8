import { describe, expect, it } from "vitest";
import { blogListHref } from "./blog-links";

describe("blogListHref", () => {
  it("links the first page plainly and later pages by number", () => {
    expect(blogListHref(1)).toBe("/blog");
    expect(blogListHref(3)).toBe("/blog?page=3");
    expect(blogListHref(1, "running")).toBe("/blog/tag/running");
    expect(blogListHref(2, "return-to-sport")).toBe("/blog/tag/return-to-sport?page=2");
  });
});
