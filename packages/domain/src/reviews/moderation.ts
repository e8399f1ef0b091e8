import { z } from "zod";
import type { ReviewStatus } from "./review.js";

export const reviewModerationActions = ["approve", "reject", "feature", "unfeature"] as const;
export const reviewModerationActionSchema = z.enum(reviewModerationActions);
export type ReviewModerationAction = z.infer<typeof reviewModerationActionSchema>;

export interface ModeratedState {
  status: ReviewStatus;
  featured: boolean;
}

/**
 * A review's status and featured flag after a moderation action. Approving
 * makes it public; rejecting hides it and unfeatures it; only approved reviews
 * can be featured (an error message otherwise). Unfeaturing always succeeds.
 */
export function moderateReview(
  current: ModeratedState,
  action: ReviewModerationAction,
): ModeratedState | { error: string } {
  switch (action) {
    case "approve":
      return { status: "approved", featured: current.featured };
    case "reject":
      return { status: "rejected", featured: false };
    case "feature":
      if (current.status !== "approved") return { error: "Approve the review before featuring it" };
      return { status: "approved", featured: true };
    case "unfeature":
      return { status: current.status, featured: false };
  }
}
