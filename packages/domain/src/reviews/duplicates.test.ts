import { describe, expect, it } from "vitest";
import {
  normaliseReviewText,
  publishedDuplicates,
  type ReviewForComparison,
  reviewFlags,
  textSimilarity,
} from "./duplicates.js";

const text =
  "After months of lower back pain from long runs, three sessions with Jason had me back on the trails. Highly recommend the clinic!";

function review(overrides: Partial<ReviewForComparison> = {}): ReviewForComparison {
  return {
    id: "r1",
    authorName: "Chris Morgan",
    body: text,
    email: null,
    senderHash: null,
    createdAt: new Date("2026-11-20T00:00:00Z"),
    ...overrides,
  };
}

describe("textSimilarity", () => {
  it("treats case, whitespace and punctuation differences as the same text", () => {
    const messy = `  ${text.toUpperCase().replace(/,/g, "").replace(/ /g, "   ")}!!! `;
    expect(normaliseReviewText(messy)).toBe(normaliseReviewText(text));
    expect(textSimilarity(messy, text)).toBe(1);
  });

  it("keeps small edits close and clearly different texts far apart", () => {
    const edited = text.replace("three sessions", "four sessions").replace("Highly", "Really");
    expect(textSimilarity(edited, text)).toBeGreaterThan(0.85);
    const other =
      "The front desk team squeezed my daughter in before her netball final and the taping held up all game.";
    expect(textSimilarity(other, text)).toBeLessThan(0.4);
  });
});

describe("reviewFlags", () => {
  const later = new Date("2026-11-24T00:00:00Z");

  it("flags the same text under a different name, naming the match", () => {
    const flags = reviewFlags({ ...review(), authorName: "Rebecca Hall", createdAt: later }, [
      review(),
    ]);
    expect(flags).toEqual([
      {
        kind: "duplicate_text",
        message: "the same text as Chris Morgan's review",
        matchReviewId: "r1",
      },
    ]);
  });

  it("flags a lightly edited copy and picks the closest of several", () => {
    const edited = text.replace("three", "3").replace("trails", "trail");
    const far = review({
      id: "r2",
      authorName: "Sam Lee",
      body: "Great massage, very relaxing and professional.",
    });
    const flags = reviewFlags(
      { ...review(), authorName: "Rebecca Hall", body: edited, createdAt: later },
      [far, review()],
    );
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ kind: "duplicate_text", matchReviewId: "r1" });
    expect(flags[0]!.message).toMatch(/% the same text as Chris Morgan's review/);
  });

  it("doesn't flag the same person repeating themselves, or a different text", () => {
    expect(reviewFlags({ ...review(), createdAt: later }, [review()])).toEqual([]);
    const different = "Joey sorted out my shoulder before the swim season. Friendly and thorough.";
    expect(
      reviewFlags({ ...review(), authorName: "Dana", body: different, createdAt: later }, [
        review(),
      ]),
    ).toEqual([]);
  });

  it("flags several reviews from one email or sender within a day", () => {
    const base = { email: "fan@example.com", senderHash: "abc" };
    const earlier = [
      review({
        id: "a",
        authorName: "A",
        body: "First distinct review text here.",
        ...base,
        createdAt: new Date("2026-11-23T10:00:00Z"),
      }),
      review({
        id: "b",
        authorName: "B",
        body: "Second different words entirely now.",
        ...base,
        createdAt: new Date("2026-11-23T20:00:00Z"),
      }),
    ];
    const incoming = {
      ...review(),
      authorName: "C",
      body: "Third one, also unlike the others!",
      ...base,
      createdAt: later,
    };
    expect(reviewFlags(incoming, earlier)).toEqual([
      {
        kind: "same_sender_burst",
        message: "3 reviews from the same sender within a day",
        matchReviewId: "b",
      },
    ]);
    // Two days later the earlier ones no longer count.
    const muchLater = { ...incoming, createdAt: new Date("2026-11-26T00:00:00Z") };
    expect(reviewFlags(muchLater, earlier)).toEqual([]);
    // The same address without an email still counts by sender.
    const byAddress = { ...incoming, email: null };
    expect(reviewFlags(byAddress, earlier).map((f) => f.kind)).toEqual(["same_sender_burst"]);
  });
});

describe("publishedDuplicates", () => {
  const day = (n: number) => new Date(Date.UTC(2026, 0, n));
  it("pairs each later copy with the earlier review it repeats, under another name", () => {
    const found = publishedDuplicates([
      review({ id: "copy", authorName: "Chris Morgan", createdAt: day(10) }),
      review({ id: "original", authorName: "Rebecca Hall", createdAt: day(5) }),
      review({
        id: "other",
        authorName: "Sam Lee",
        body: "Great gym, friendly staff.",
        createdAt: day(7),
      }),
      review({ id: "edited", authorName: "Jo Park", body: `${text} Thanks!`, createdAt: day(12) }),
    ]);
    expect(found.map((d) => [d.reviewId, d.matchId])).toEqual([
      ["copy", "original"],
      ["edited", "original"],
    ]);
    expect(found[0]!.similarity).toBe(1);
    expect(found[1]!.similarity).toBeGreaterThan(0.85);
    expect(found[1]!.similarity).toBeLessThan(1);
  });

  it("leaves one person's repeated review and different texts alone", () => {
    expect(
      publishedDuplicates([
        review({ id: "a", authorName: "Chris Morgan", createdAt: day(1) }),
        review({ id: "b", authorName: "chris  morgan", createdAt: day(2) }),
        review({
          id: "c",
          authorName: "Sam Lee",
          body: "Great gym, friendly staff.",
          createdAt: day(3),
        }),
      ]),
    ).toEqual([]);
  });
});
