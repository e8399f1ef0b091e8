import {
  approvedRatingSummary,
  countReviewsByStatus,
  insertPendingReview,
  listApprovedReviews,
  listReviewQueue,
  lockReviewForModeration,
  recordAudit,
  reviewsForComparison,
  setReviewModeration,
} from "@clinic/db";
import {
  BURST_WINDOW_MS,
  idSchema,
  moderateReview,
  reviewFlags,
  reviewInputSchema,
  reviewModerationActionSchema,
  reviewStatusSchema,
} from "@clinic/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import {
  enforceRateLimit,
  formGuardSchema,
  rejectAutomated,
  senderHash,
} from "../../abuse/public-forms.js";
import { NotFoundError, PreconditionFailedError } from "../../errors.js";
import { permissionProcedure, publicProcedure } from "../trpc.js";

const QUEUE_PAGE_SIZE = 20;

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
    .query(async ({ ctx, input }) => {
      const [result, counts] = await Promise.all([
        listReviewQueue(ctx.db, {
          status: input.status,
          limit: QUEUE_PAGE_SIZE,
          offset: (input.page - 1) * QUEUE_PAGE_SIZE,
        }),
        countReviewsByStatus(ctx.db),
      ]);
      return { ...result, counts, page: input.page, pageSize: QUEUE_PAGE_SIZE };
    }),

  /**
   * Approves (public from now on), rejects (hidden, unfeatured), features or
   * unfeatures a review; only approved reviews can be featured
   * (PRECONDITION_FAILED otherwise). Sets moderatedAt.
   */
  moderate: permissionProcedure("reviews.moderate")
    .input(z.object({ id: idSchema, action: reviewModerationActionSchema }))
    .mutation(({ ctx, input }) =>
      ctx.db.transaction(async (tx) => {
        const current = await lockReviewForModeration(tx, input.id);
        if (!current) {
          throw new NotFoundError("We couldn't find that review");
        }
        const next = moderateReview(current, input.action);
        if ("error" in next) throw new PreconditionFailedError(next.error);
        const moderatedAt = ctx.now();
        await setReviewModeration(tx, input.id, { ...next, moderatedAt });
        await recordAudit(tx, {
          at: ctx.now(),
          actor: { id: ctx.user.id, name: ctx.user.name },
          action: `review.${input.action}`,
          entity: "review",
          entityId: input.id,
          changes: {
            status: { from: current.status, to: next.status },
            featured: { from: current.featured, to: next.featured },
          },
        });
        return { id: input.id, ...next, moderatedAt };
      }),
    ),
} satisfies TRPCRouterRecord;
