import { describe, expect, it, vi } from "vitest";
import { isPostVisible, type PostInput, postInputSchema, tagSchema } from "./post.js";

const NOW = new Date("2026-04-05T09:00:00Z");
const BEFORE = new Date("2026-04-05T08:59:59Z");
const AFTER = new Date("2026-04-05T09:00:01Z");

describe("isPostVisible", () => {
  it("never shows drafts", () => {
    expect(isPostVisible({ status: "draft", publishedAt: null }, NOW)).toBe(false);
    expect(isPostVisible({ status: "draft", publishedAt: BEFORE }, NOW)).toBe(false);
  });

  it("shows scheduled posts only once their time has come", () => {
    expect(isPostVisible({ status: "scheduled", publishedAt: AFTER }, NOW)).toBe(false);
    expect(isPostVisible({ status: "scheduled", publishedAt: NOW }, NOW)).toBe(true);
    expect(isPostVisible({ status: "scheduled", publishedAt: BEFORE }, NOW)).toBe(true);
    expect(isPostVisible({ status: "scheduled", publishedAt: null }, NOW)).toBe(false);
  });

  it("shows published posts", () => {
    expect(isPostVisible({ status: "published", publishedAt: BEFORE }, NOW)).toBe(true);
    expect(isPostVisible({ status: "published", publishedAt: NOW }, NOW)).toBe(true);
  });

  it("uses the current time by default", () => {
    vi.useFakeTimers({ now: NOW });
    try {
      expect(isPostVisible({ status: "scheduled", publishedAt: BEFORE })).toBe(true);
      expect(isPostVisible({ status: "scheduled", publishedAt: AFTER })).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("postInputSchema", () => {
  const post = (overrides: Partial<PostInput> = {}) => ({
    slug: "why-runners-benefit-from-spinal-adjustments",
    title: "Why runners benefit from spinal adjustments",
    excerpt: "",
    body: "Running loads the spine thousands of times a session.",
    authorId: null,
    status: "draft" as const,
    publishedAt: null,
    tags: ["running", "spine-health"],
    coverImageUrl: null,
    ...overrides,
  });

  it("accepts a draft without a publish date", () => {
    expect(postInputSchema.safeParse(post()).success).toBe(true);
  });

  it("requires a publish date for scheduled and published posts", () => {
    for (const status of ["scheduled", "published"] as const) {
      const result = postInputSchema.safeParse(post({ status }));
      expect(result.error?.issues.map((i) => [i.path, i.message])).toEqual([
        [["publishedAt"], "Scheduled and published posts need a publish date"],
      ]);
      expect(postInputSchema.safeParse(post({ status, publishedAt: NOW })).success).toBe(true);
    }
  });

  it("lowercases tags and rejects malformed or repeated ones", () => {
    expect(postInputSchema.parse(post({ tags: [" Running ", "Rehab"] })).tags).toEqual([
      "running",
      "rehab",
    ]);
    expect(postInputSchema.safeParse(post({ tags: ["two words"] })).success).toBe(false);
    const repeated = postInputSchema.safeParse(post({ tags: ["running", "Running"] }));
    expect(repeated.error?.issues.map((i) => [i.path, i.message])).toEqual([
      [["tags"], "Use each tag only once"],
    ]);
  });

  it("allows at most 10 tags", () => {
    const tags = Array.from({ length: 11 }, (_, i) => `tag-${i}`);
    expect(postInputSchema.safeParse(post({ tags: tags.slice(0, 10) })).success).toBe(true);
    expect(postInputSchema.safeParse(post({ tags })).success).toBe(false);
  });

  it("requires a title and a body", () => {
    const result = postInputSchema.safeParse(post({ title: "  ", body: "" }));
    expect(result.error?.issues.map((i) => i.message)).toEqual([
      "Title is required",
      "Write something first",
    ]);
  });

  it("checks the slug", () => {
    expect(postInputSchema.safeParse(post({ slug: "Not A Slug" })).success).toBe(false);
  });
});

describe("tagSchema", () => {
  it("limits tags to 40 characters", () => {
    expect(tagSchema.safeParse("a".repeat(40)).success).toBe(true);
    expect(tagSchema.safeParse("a".repeat(41)).success).toBe(false);
  });
});
