import { describe, expect, it } from "vitest";
import {
  parseLocalDateTimeInput,
  postContentFrom,
  postFormSchema,
  splitTags,
  tagsInputSchema,
  toLocalDateTimeInput,
} from "./post-form";

describe("tags typed as one field", () => {
  it("splits on commas and makes each tag lowercase-with-hyphens", () => {
    expect(splitTags(" Running, Injury prevention ,, rehab ")).toEqual([
      "running",
      "injury-prevention",
      "rehab",
    ]);
    expect(tagsInputSchema.parse(undefined)).toEqual([]);
  });

  it("reports duplicates and too many tags on the field itself", () => {
    const twice = tagsInputSchema.safeParse("running, Running");
    expect(twice.error?.issues).toEqual([
      expect.objectContaining({ message: "Use each tag only once", path: [] }),
    ]);
    const many = tagsInputSchema.safeParse(Array.from({ length: 11 }, (_, i) => `t${i}`).join(","));
    expect(many.error?.issues[0]?.message).toBe("Use at most 10 tags");
  });
});

describe("postContentFrom", () => {
  it("makes the slug from the title when none is typed, and an empty author the clinic", () => {
    const form = postFormSchema.parse({
      title: "Why runners benefit from adjustments",
      body: "Text",
      tags: "running",
    });
    expect(postContentFrom(form)).toEqual({
      title: "Why runners benefit from adjustments",
      slug: "why-runners-benefit-from-adjustments",
      excerpt: "",
      body: "Text",
      authorId: null,
      tags: ["running"],
      coverImageUrl: null,
    });
  });

  it("refuses a cover image that isn't an http(s) or uploaded address", () => {
    const result = postFormSchema.safeParse({
      title: "T",
      body: "B",
      coverImageUrl: "javascript:alert(1)",
    });
    expect(result.error?.issues[0]?.path).toEqual(["coverImageUrl"]);
  });
});

describe("schedule times in the clinic's zone", () => {
  const SYDNEY = "Australia/Sydney";

  it("reads a wall-clock time as Sydney time (UTC+11 in January)", () => {
    expect(parseLocalDateTimeInput("2027-01-15T09:30", SYDNEY)?.toISOString()).toBe(
      "2027-01-14T22:30:00.000Z",
    );
  });

  it("round-trips an instant through the input's value", () => {
    const instant = new Date("2027-07-01T00:00:00.000Z");
    expect(toLocalDateTimeInput(instant, SYDNEY)).toBe("2027-07-01T10:00");
    expect(parseLocalDateTimeInput(toLocalDateTimeInput(instant, SYDNEY), SYDNEY)).toEqual(instant);
  });

  it("refuses what isn't a date and time", () => {
    expect(parseLocalDateTimeInput("tomorrow", SYDNEY)).toBeNull();
    expect(parseLocalDateTimeInput("2027-02-30T09:00", SYDNEY)).toBeNull();
  });
});
