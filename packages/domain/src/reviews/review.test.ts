import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ratingSchema, reviewInputSchema, summariseRatings } from "./review.js";

describe("summariseRatings", () => {
  it("has no average when there are no ratings", () => {
    expect(summariseRatings([])).toEqual({
      count: 0,
      average: null,
      distribution: [0, 0, 0, 0, 0],
    });
  });

  it("counts each rating, one star first", () => {
    expect(summariseRatings([5, 5, 4, 1, 5, 3])).toEqual({
      count: 6,
      average: 3.8,
      distribution: [1, 0, 1, 1, 3],
    });
  });

  it("rounds the average to one decimal, halves up", () => {
    expect(summariseRatings([5, 4, 4]).average).toBe(4.3); // 4.333…
    expect(summariseRatings([5, 5, 4]).average).toBe(4.7); // 4.666…
    expect(summariseRatings([5, 4]).average).toBe(4.5);
    // 89 / 20 = 4.45
    expect(summariseRatings([...Array(9).fill(5), ...Array(11).fill(4)]).average).toBe(4.5);
    expect(summariseRatings([4]).average).toBe(4);
  });

  it.each([0, 6, 2.5, -1, Number.NaN])("rejects a rating of %s", (rating) => {
    expect(() => summariseRatings([5, rating])).toThrow(RangeError);
  });

  it("keeps count, distribution and average consistent", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 200 }),
        (ratings) => {
          const summary = summariseRatings(ratings);
          expect(summary.count).toBe(ratings.length);
          expect(summary.distribution.reduce((a, b) => a + b, 0)).toBe(ratings.length);
          const mean = ratings.reduce((a, b) => a + b, 0) / ratings.length;
          expect(summary.average).not.toBeNull();
          expect(Math.abs((summary.average ?? 0) - mean)).toBeLessThanOrEqual(0.05 + 1e-9);
          expect(summary.average).toBeGreaterThanOrEqual(1);
          expect(summary.average).toBeLessThanOrEqual(5);
        },
      ),
    );
  });
});

describe("ratingSchema", () => {
  it("accepts whole stars from 1 to 5", () => {
    for (const rating of [1, 2, 3, 4, 5]) expect(ratingSchema.safeParse(rating).success).toBe(true);
  });

  it.each([0, 6, 2.5, "5", null])("rejects %j with the same message", (rating) => {
    const result = ratingSchema.safeParse(rating);
    expect(result.error?.issues.map((i) => i.message)).toEqual(["Choose a rating from 1 to 5"]);
  });
});

describe("reviewInputSchema", () => {
  const review = {
    authorName: "  Priya Nair ",
    rating: 5,
    body: "Back to running in two weeks. Thank you!",
    email: "Priya@Example.com",
    practitionerId: null,
  };

  it("trims and normalises a valid review", () => {
    expect(reviewInputSchema.parse(review)).toEqual({
      ...review,
      authorName: "Priya Nair",
      email: "priya@example.com",
    });
  });

  it("asks for a little more than a few characters", () => {
    const result = reviewInputSchema.safeParse({ ...review, body: "  Great!  " });
    expect(result.error?.issues.map((i) => [i.path, i.message])).toEqual([
      [["body"], "Tell us a little more (at least 10 characters)"],
    ]);
  });

  it("lets the email be left out as null", () => {
    expect(reviewInputSchema.safeParse({ ...review, email: null }).success).toBe(true);
  });
});
