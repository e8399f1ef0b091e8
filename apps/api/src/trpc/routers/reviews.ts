import {
  idSchema,
  reviewInputSchema,
  reviewModerationActionSchema,
  reviewStatusSchema,
} from "@clinic/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { formGuardSchema } from "../../abuse/public-forms.js";
import {
  moderateStaffReview,
  publicRatingSummary,
  publicReviews,
  publishedReviewDuplicates,
  reviewQueue,
  submitReview,
} from "../../reviews/reviews.js";
import { permissionProcedure, publicReadProcedure, publicSubmitProcedure } from "../trpc.js";

export const reviewsRouter = {
  /** Approved reviews only, newest first; pending and rejected ones are never public. */
  list: publicReadProcedure
    .input(
      z
        .object({
          featured: z.boolean().optional(),
          limit: z.number().int().min(1).max(200).default(100),
        })
        .default({ limit: 100 }),
    )
    .query(({ ctx, input }) => publicReviews(ctx, input)),

  summary: publicReadProcedure.query(({ ctx }) => publicRatingSummary(ctx)),

  /**
   * "Share your experience": stored as pending, never shown until staff
   * approve it, with duplicate and burst flags computed now for moderation.
   */
  submit: publicSubmitProcedure
    .input(reviewInputSchema.extend(formGuardSchema.shape))
    .mutation(({ ctx, input }) => submitReview(ctx, input)),

  /**
   * Staff moderation queue: reviews of one status (all when omitted), newest
   * first, 20 a page, with counts per status. Each flag (duplicate text, a
   * burst from one sender) carries the review it matches, when it names one.
   */
  queue: permissionProcedure("reviews.moderate")
    .input(
      z.object({
        status: reviewStatusSchema.optional(),
        page: z.number().int().min(1).max(10_000).default(1),
      }),
    )
    .query(({ ctx, input }) => reviewQueue(ctx, input)),

  /**
   * Published reviews repeating an earlier published one under another name, each with the
   * review it matches; unpublish one with `moderate` (`reject`).
   */
  publishedDuplicates: permissionProcedure("reviews.moderate").query(({ ctx }) =>
    publishedReviewDuplicates(ctx),
  ),

  /**
   * Approves (public from now on), rejects (hidden, unfeatured), features or
   * unfeatures a review; only approved reviews can be featured
   * (PRECONDITION_FAILED otherwise). Sets moderatedAt.
   */
  moderate: permissionProcedure("reviews.moderate")
    .input(z.object({ id: idSchema, action: reviewModerationActionSchema }))
    .mutation(({ ctx, input }) => moderateStaffReview(ctx, input)),
} satisfies TRPCRouterRecord;
