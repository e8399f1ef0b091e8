import {
  approvedRatingSummary,
  insertPendingReview,
  listApprovedReviews,
  reviewsForComparison,
} from "@clinic/db";
import { BURST_WINDOW_MS, reviewFlags, reviewInputSchema } from "@clinic/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import {
  enforceRateLimit,
  formGuardSchema,
  rejectAutomated,
  senderHash,
} from "../../abuse/public-forms.js";
import { publicProcedure } from "../trpc.js";

export const reviewsRouter = {
  /** Approved reviews only, newest first; pending and rejected ones are never public. */
  list: publicProcedure
    .input(
      z
        .object({
          featured: z.boolean().optional(),
          limit: z.number().int().min(1).max(200).default(100),
        })
        .default({ limit: 100 }),
    )
    .query(({ ctx, input }) => listApprovedReviews(ctx.db, input)),

  summary: publicProcedure.query(({ ctx }) => approvedRatingSummary(ctx.db)),

  /**
   * "Share your experience": stored as pending, never shown until staff
   * approve it, with duplicate and burst flags computed now for moderation.
   */
  submit: publicProcedure
    .input(reviewInputSchema.extend(formGuardSchema.shape))
    .mutation(async ({ ctx, input }) => {
      const { honeypot, renderedAt, ...review } = input;
      rejectAutomated(ctx, { honeypot, renderedAt });
      await enforceRateLimit(ctx, "review");
      const now = ctx.now();
      const sender = senderHash(ctx);
      const { id } = await ctx.db.transaction(async (tx) => {
        const earlier = await reviewsForComparison(tx, {
          email: review.email,
          senderHash: sender,
          since: new Date(now.getTime() - BURST_WINDOW_MS),
        });
        const flags = reviewFlags({ ...review, senderHash: sender, createdAt: now }, earlier);
        return insertPendingReview(tx, { ...review, senderHash: sender, flags, createdAt: now });
      });
      ctx.logger.info("review received", { reviewId: id });
      return { id, status: "pending" as const };
    }),
} satisfies TRPCRouterRecord;
