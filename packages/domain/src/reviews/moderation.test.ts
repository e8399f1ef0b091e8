import { describe, expect, it } from "vitest";
import { moderateReview } from "./moderation.js";

describe("moderateReview", () => {
  it("approves and rejects; rejecting also unfeatures", () => {
    expect(moderateReview({ status: "pending", featured: false }, "approve")).toEqual({
      status: "approved",
      featured: false,
    });
    expect(moderateReview({ status: "approved", featured: true }, "reject")).toEqual({
      status: "rejected",
      featured: false,
    });
  });

  it("features only approved reviews", () => {
    expect(moderateReview({ status: "approved", featured: false }, "feature")).toEqual({
      status: "approved",
      featured: true,
    });
    for (const status of ["pending", "rejected"] as const) {
      expect(moderateReview({ status, featured: false }, "feature")).toEqual({
        error: "Approve the review before featuring it",
      });
    }
  });

  it("unfeatures without changing the status", () => {
    expect(moderateReview({ status: "approved", featured: true }, "unfeature")).toEqual({
      status: "approved",
      featured: false,
    });
  });
});
