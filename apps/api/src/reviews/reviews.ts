import {
  approvedRatingSummary,
  countReviewsByStatus,
  insertPendingReview,
  listApprovedReviews,
  listPublishedForDuplicateCheck,
  listReviewQueue,
  lockReviewForModeration,
  reviewsForComparison,
  SQLSTATE,
  setReviewModeration,
  sqlState,
  unknownPractitionerIds,
} from "@clinic/db";
import {
  BURST_WINDOW_MS,
  moderateReview,
  publishedDuplicates,
  type ReviewInput,
  type ReviewModerationAction,
  type ReviewStatus,
  reviewFlags,
} from "@clinic/domain";
import type { z } from "zod";
import {
  enforceRateLimit,
  type formGuardSchema,
  rejectAutomated,
  senderHash,
} from "../abuse/public-forms.js";
import { audit } from "../audit/audit.js";
import { cachedRead } from "../cache/public-cache.js";
import type { AppContext, StaffContext } from "../context.js";
import { FieldError, NotFoundError, PreconditionFailedError } from "../errors.js";
import { queueReviewWebhook } from "../webhooks/webhook-events.js";

const QUEUE_PAGE_SIZE = 20;
const UNKNOWN_PRACTITIONER = "We don't know that practitioner; choose one from the list";

/** Approved reviews only, newest first; pending and rejected ones are never public. */
export function publicReviews(
  ctx: AppContext,
  filter: { featured?: boolean | undefined; limit: number },
) {
  const key = `reviews:${filter.featured ?? "all"}:${filter.limit}`;
  return cachedRead(ctx, key, async () => ({ value: await listApprovedReviews(ctx.db, filter) }));
}

export function publicRatingSummary(ctx: AppContext) {
  return cachedRead(ctx, "reviews:summary", async () => ({
    value: await approvedRatingSummary(ctx.db),
  }));
}

/**
 * "Share your experience": stored as pending, never shown until staff
 * approve it, with duplicate and burst flags computed now for moderation.
 */
export async function submitReview(
  ctx: AppContext,
  input: ReviewInput & z.infer<typeof formGuardSchema>,
) {
  const { honeypot, formToken, ...review } = input;
  rejectAutomated(ctx, { honeypot, formToken }, "review");
  // Checked before the rate limit: a request refused as bad input doesn't spend a hit.
  if (review.practitionerId !== null) {
    const unknown = await unknownPractitionerIds(ctx.db, [review.practitionerId]);
    if (unknown.length > 0) throw new FieldError("practitionerId", UNKNOWN_PRACTITIONER);
  }
  await enforceRateLimit(ctx, "review");
  const now = ctx.now();
  const sender = senderHash(ctx);
  const { id } = await ctx.db
    .transaction(async (tx) => {
      const earlier = await reviewsForComparison(tx, {
        email: review.email,
        senderHash: sender,
        since: new Date(now.getTime() - BURST_WINDOW_MS),
      });
      const flags = reviewFlags({ ...review, senderHash: sender, createdAt: now }, earlier);
      const inserted = await insertPendingReview(tx, {
        ...review,
        senderHash: sender,
        flags,
        createdAt: now,
      });
      await queueReviewWebhook(tx, { ...review, id: inserted.id }, now);
      return inserted;
    })
    .catch((error: unknown) => {
      // The practitioner was deleted since the check above: the foreign key says so.
      if (sqlState(error) === SQLSTATE.foreignKeyViolation) {
        throw new FieldError("practitionerId", UNKNOWN_PRACTITIONER);
      }
      throw error;
    });
  ctx.logger.info("review received", { reviewId: id });
  return { id, status: "pending" as const };
}

/**
 * The moderation queue: reviews of one status (all when omitted), newest
 * first, 20 a page, with counts per status. Each flag (duplicate text, a
 * burst from one sender) carries the review it matches, when it names one.
 */
export async function reviewQueue(
  ctx: StaffContext,
  input: { status?: ReviewStatus | undefined; page: number },
) {
  const [result, counts] = await Promise.all([
    listReviewQueue(ctx.db, {
      status: input.status,
      limit: QUEUE_PAGE_SIZE,
      offset: (input.page - 1) * QUEUE_PAGE_SIZE,
    }),
    countReviewsByStatus(ctx.db),
  ]);
  return { ...result, counts, page: input.page, pageSize: QUEUE_PAGE_SIZE };
}

/**
 * Published reviews that repeat an earlier published one under another name, each with the
 * review it matches (the demo clinic's copied testimonial among them), for a one-click unpublish.
 */
export async function publishedReviewDuplicates(ctx: StaffContext) {
  const published = await listPublishedForDuplicateCheck(ctx.db);
  const byId = new Map(published.map((review) => [review.id, review]));
  return {
    items: publishedDuplicates(published)
      .map(({ reviewId, matchId, similarity }) => ({
        review: byId.get(reviewId)!,
        match: byId.get(matchId)!,
        similarity,
      }))
      // Newest copy first, as the queue lists reviews.
      .reverse(),
  };
}

/**
 * Approves (public from now on), rejects (hidden, unfeatured), features or
 * unfeatures a review; only approved reviews can be featured (a failed
 * precondition otherwise). Sets moderatedAt.
 */
export function moderateStaffReview(
  ctx: StaffContext,
  input: { id: string; action: ReviewModerationAction },
) {
  return ctx.db.transaction(async (tx) => {
    const current = await lockReviewForModeration(tx, input.id);
    if (!current) throw new NotFoundError("We couldn't find that review");
    const next = moderateReview(current, input.action);
    if ("error" in next) throw new PreconditionFailedError(next.error);
    const moderatedAt = ctx.now();
    await setReviewModeration(tx, input.id, { ...next, moderatedAt });
    await audit(tx, ctx, {
      action: `review.${input.action}`,
      entityId: input.id,
      changes: {
        status: { from: current.status, to: next.status },
        featured: { from: current.featured, to: next.featured },
      },
    });
    return { id: input.id, ...next, moderatedAt };
  });
}
