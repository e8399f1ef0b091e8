import { describe, expect, it } from "vitest";
import { otherPostsByAuthor, tagCounts } from "./blog-posts";

describe("tagCounts", () => {
  it("counts each tag once per post, most used first", () => {
    expect(
      tagCounts([
        { tags: ["running", "rehab"] },
        { tags: ["rehab", "rehab"] },
        { tags: ["posture"] },
      ]),
    ).toEqual([
      { tag: "rehab", count: 2 },
      { tag: "posture", count: 1 },
      { tag: "running", count: 1 },
    ]);
  });
});

describe("otherPostsByAuthor", () => {
  const jason = { slug: "jason-lee" };
  const joey = { slug: "joey-lee" };
  const posts = [
    { slug: "a", author: jason },
    { slug: "b", author: joey },
    { slug: "c", author: jason },
    { slug: "d", author: null },
    { slug: "e", author: jason },
    { slug: "f", author: jason },
  ];

  it("lists the author's other posts, newest first, up to the limit", () => {
    expect(otherPostsByAuthor(posts, posts[0]!).map((p) => p.slug)).toEqual(["c", "e", "f"]);
    expect(otherPostsByAuthor(posts, posts[0]!, 1).map((p) => p.slug)).toEqual(["c"]);
    expect(otherPostsByAuthor(posts, posts[1]!)).toEqual([]);
  });

  it("has nothing for a post without an author", () => {
    expect(otherPostsByAuthor(posts, posts[3]!)).toEqual([]);
  });
});
