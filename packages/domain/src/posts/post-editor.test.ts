import { describe, expect, it } from "vitest";
import { isPostVisible } from "./post.js";
import { postContentSchema, postStatusChange } from "./post-editor.js";

const now = new Date("2026-03-01T00:00:00Z");

describe("postStatusChange", () => {
  it("publishes now, and the post is visible at once", () => {
    const next = postStatusChange({ action: "publish" }, now);
    expect(next).toEqual({ status: "published", publishedAt: now });
    expect(isPostVisible(next as { status: "published"; publishedAt: Date }, now)).toBe(true);
  });

  it("schedules for a future time, visible only from then", () => {
    const at = new Date("2026-03-02T09:00:00Z");
    const next = postStatusChange({ action: "schedule", publishedAt: at }, now);
    expect(next).toEqual({ status: "scheduled", publishedAt: at });
    const post = next as { status: "scheduled"; publishedAt: Date };
    expect(isPostVisible(post, now)).toBe(false);
    expect(isPostVisible(post, at)).toBe(true);
  });

  it("refuses a schedule time that isn't in the future", () => {
    expect(postStatusChange({ action: "schedule", publishedAt: now }, now)).toEqual({
      error: "Pick a time in the future, or publish it now",
    });
  });

  it("unpublishes back to a draft without a date", () => {
    expect(postStatusChange({ action: "unpublish" }, now)).toEqual({
      status: "draft",
      publishedAt: null,
    });
  });
});

describe("postContentSchema", () => {
  const valid = {
    slug: "warm-ups",
    title: " Warm-ups ",
    excerpt: "",
    body: "Move first.",
    authorId: null,
    tags: ["Running", "rehab"],
    coverImageUrl: null,
  };

  it("trims and lowercases", () => {
    expect(postContentSchema.parse(valid)).toMatchObject({
      title: "Warm-ups",
      tags: ["running", "rehab"],
    });
  });

  it("refuses repeated tags and unsafe cover images", () => {
    const repeated = postContentSchema.safeParse({ ...valid, tags: ["run", "Run"] });
    expect(repeated.error?.issues[0]?.message).toBe("Use each tag only once");
    const unsafe = postContentSchema.safeParse({ ...valid, coverImageUrl: "javascript:alert(1)" });
    expect(unsafe.error?.issues[0]?.path).toEqual(["coverImageUrl"]);
  });
});
