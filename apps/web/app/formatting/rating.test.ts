import { describe, expect, it } from "vitest";
import { formatAverage, ratingSummaryLabel, starFillHalves } from "./rating";

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

describe("starFillHalves", () => {
  it("rounds a rating to the nearest half star and clamps out-of-range values", () => {
    expect(starFillHalves(5)).toBe(10);
    expect(starFillHalves(4.5)).toBe(9);
    expect(starFillHalves(4.8)).toBe(10);
    expect(starFillHalves(4.7)).toBe(9);
    expect(starFillHalves(4.2)).toBe(8);
    expect(starFillHalves(3)).toBe(6);
    expect(starFillHalves(-1)).toBe(0);
    expect(starFillHalves(7)).toBe(10);
  });
});
