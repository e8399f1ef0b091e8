import { describe, expect, it } from "vitest";
import { formatAverage, ratingSummaryLabel, starFillPercent } from "./rating";

describe("ratingSummaryLabel", () => {
  it("describes the average and count", () => {
    expect(ratingSummaryLabel(4.8, 12)).toBe("Rated 4.8 out of 5 from 12 reviews");
    expect(ratingSummaryLabel(5, 1)).toBe("Rated 5.0 out of 5 from 1 review");
  });

  it("says so when there are no reviews", () => {
    expect(ratingSummaryLabel(null, 0)).toBe("No reviews yet");
  });
});

describe("formatAverage", () => {
  it("always shows one decimal", () => {
    expect(formatAverage(4)).toBe("4.0");
    expect(formatAverage(4.75)).toBe("4.8");
  });
});

describe("starFillPercent", () => {
  it("maps a rating onto the five-star bar and clamps out-of-range values", () => {
    expect(starFillPercent(5)).toBe(100);
    expect(starFillPercent(4.5)).toBe(90);
    expect(starFillPercent(3)).toBe(60);
    expect(starFillPercent(-1)).toBe(0);
    expect(starFillPercent(7)).toBe(100);
  });
});
