import {
  type RatingSummary,
  type ReviewFlag,
  type ReviewForComparison,
  type ReviewInput,
  type ReviewStatus,
  summariseRatings,
} from "@clinic/domain";
import { and, count, desc, eq, gt, inArray, or } from "drizzle-orm";
import type { Executor } from "../database.js";
import { practitioners, type ReviewFlagRecord, reviews } from "../schema.js";

export interface PublicReview {
  id: string;
  authorName: string;
  rating: number;
  body: string;
  createdAt: Date;
  featured: boolean;
  practitioner: { slug: string; name: string } | null;
}

export async function listApprovedReviews(
  db: Executor,
  options: { featured?: boolean | undefined; limit: number },
): Promise<PublicReview[]> {
  const rows = await db
    .select({
      id: reviews.id,
      authorName: reviews.authorName,
      rating: reviews.rating,
      body: reviews.body,
      createdAt: reviews.createdAt,
      featured: reviews.featured,
      practitionerSlug: practitioners.slug,
      practitionerName: practitioners.name,
    })
    .from(reviews)
    .leftJoin(practitioners, eq(practitioners.id, reviews.practitionerId))
    .where(
      and(
        eq(reviews.status, "approved"),
        options.featured === undefined ? undefined : eq(reviews.featured, options.featured),
      ),
    )
    .orderBy(desc(reviews.createdAt), desc(reviews.id))
    .limit(options.limit);
  return rows.map(({ practitionerSlug, practitionerName, ...review }) => ({
    ...review,
    practitioner:
      practitionerSlug && practitionerName
        ? { slug: practitionerSlug, name: practitionerName }
        : null,
  }));
}

/** Rating summary over every approved review, computed in the database. */
export async function approvedRatingSummary(db: Executor): Promise<RatingSummary> {
  const rows = await db
    .select({ rating: reviews.rating, n: count() })
    .from(reviews)
    .where(eq(reviews.status, "approved"))
    .groupBy(reviews.rating);
  const ratings = rows.flatMap((row) => Array<number>(row.n).fill(row.rating));
  return summariseRatings(ratings);
}

/**
 * Reviews to compare a new one against: the latest few hundred of any
 * status (copies are often sent again after a rejection), plus anything
 * from the same email or sender in the last day.
 */
export async function reviewsForComparison(
  db: Executor,
  options: { email: string | null; senderHash: string | null; since: Date; limit?: number },
): Promise<ReviewForComparison[]> {
  const columns = {
    id: reviews.id,
    authorName: reviews.authorName,
    body: reviews.body,
    email: reviews.email,
    senderHash: reviews.senderHash,
    createdAt: reviews.createdAt,
  };
  const sameSender = [
    options.email ? eq(reviews.email, options.email) : undefined,
    options.senderHash ? eq(reviews.senderHash, options.senderHash) : undefined,
  ].filter((c) => c !== undefined);
  const [latest, published, recentFromSender] = await Promise.all([
    db
      .select(columns)
      .from(reviews)
      .orderBy(desc(reviews.createdAt))
      .limit(options.limit ?? 500),
    // Every published review too, however old: a copy of one would sit beside it on the site.
    db
      .select(columns)
      .from(reviews)
      .where(eq(reviews.status, "approved"))
      .orderBy(desc(reviews.createdAt))
      .limit(PUBLISHED_COMPARISON_LIMIT),
    sameSender.length === 0
      ? Promise.resolve([])
      : db
          .select(columns)
          .from(reviews)
          .where(and(gt(reviews.createdAt, options.since), or(...sameSender))),
  ]);
  const byId = new Map([...latest, ...published, ...recentFromSender].map((r) => [r.id, r]));
  return [...byId.values()];
}

// A clinic publishes tens of reviews a year; the newest thousands are plenty to compare against.
const PUBLISHED_COMPARISON_LIMIT = 2_000;

export interface PublishedReviewForCheck {
  id: string;
  authorName: string;
  rating: number;
  body: string;
  featured: boolean;
  createdAt: Date;
}

/** Published reviews, newest first, for the duplicate check across what the site shows. */
export async function listPublishedForDuplicateCheck(
  db: Executor,
): Promise<PublishedReviewForCheck[]> {
  return db
    .select({
      id: reviews.id,
      authorName: reviews.authorName,
      rating: reviews.rating,
      body: reviews.body,
      featured: reviews.featured,
      createdAt: reviews.createdAt,
    })
    .from(reviews)
    .where(eq(reviews.status, "approved"))
    .orderBy(desc(reviews.createdAt), desc(reviews.id))
    .limit(PUBLISHED_COMPARISON_LIMIT);
}

/** Stores a review from the public as pending, with the flags computed for moderators. */
export async function insertPendingReview(
  db: Executor,
  review: ReviewInput & { senderHash: string | null; flags: ReviewFlag[]; createdAt: Date },
): Promise<{ id: string }> {
  const [row] = await db
    .insert(reviews)
    .values({ ...review, status: "pending", featured: false })
    .returning({ id: reviews.id });
  return row!;
}

/** Moderation: reviews of any status with their flags, and the reviews those flags point at. */

export interface MatchedReview {
  id: string;
  authorName: string;
  body: string;
  status: ReviewStatus;
}

export interface QueuedReview {
  id: string;
  authorName: string;
  rating: number;
  body: string;
  email: string | null;
  status: ReviewStatus;
  featured: boolean;
  createdAt: Date;
  moderatedAt: Date | null;
  practitioner: { id: string; slug: string; name: string } | null;
  /** Each flag, with the review it matches when it names one (null if that review is gone). */
  flags: (ReviewFlagRecord & { match: MatchedReview | null })[];
}

export async function listReviewQueue(
  db: Executor,
  filter: { status?: ReviewStatus | undefined; limit: number; offset: number },
): Promise<{ items: QueuedReview[]; total: number }> {
  const where = filter.status ? eq(reviews.status, filter.status) : undefined;
  const [totalRow] = await db.select({ total: count() }).from(reviews).where(where);
  const rows = await db
    .select({
      review: reviews,
      practitionerSlug: practitioners.slug,
      practitionerName: practitioners.name,
    })
    .from(reviews)
    .leftJoin(practitioners, eq(practitioners.id, reviews.practitionerId))
    .where(where)
    .orderBy(desc(reviews.createdAt), desc(reviews.id))
    .limit(filter.limit)
    .offset(filter.offset);
  const matchIds = [
    ...new Set(
      rows.flatMap((r) =>
        r.review.flags.flatMap((f) => (f.matchReviewId ? [f.matchReviewId] : [])),
      ),
    ),
  ];
  const matches = new Map(
    (matchIds.length === 0
      ? []
      : await db
          .select({
            id: reviews.id,
            authorName: reviews.authorName,
            body: reviews.body,
            status: reviews.status,
          })
          .from(reviews)
          .where(inArray(reviews.id, matchIds))
    ).map((m) => [m.id, m]),
  );
  const items = rows.map(({ review, practitionerSlug, practitionerName }) => ({
    id: review.id,
    authorName: review.authorName,
    rating: review.rating,
    body: review.body,
    email: review.email,
    status: review.status,
    featured: review.featured,
    createdAt: review.createdAt,
    moderatedAt: review.moderatedAt,
    practitioner:
      review.practitionerId && practitionerSlug && practitionerName
        ? { id: review.practitionerId, slug: practitionerSlug, name: practitionerName }
        : null,
    flags: review.flags.map((flag) => ({
      ...flag,
      match: flag.matchReviewId ? (matches.get(flag.matchReviewId) ?? null) : null,
    })),
  }));
  return { items, total: totalRow?.total ?? 0 };
}

/** How many reviews are in each status, for the moderation tabs. */
export async function countReviewsByStatus(db: Executor): Promise<Record<ReviewStatus, number>> {
  const rows = await db
    .select({ status: reviews.status, n: count() })
    .from(reviews)
    .groupBy(reviews.status);
  const counts: Record<ReviewStatus, number> = { pending: 0, approved: 0, rejected: 0 };
  for (const row of rows) counts[row.status] = row.n;
  return counts;
}

/** A review's moderation state, locked for the rest of the transaction. */
export async function lockReviewForModeration(
  db: Executor,
  id: string,
): Promise<{ id: string; status: ReviewStatus; featured: boolean } | null> {
  const [row] = await db
    .select({ id: reviews.id, status: reviews.status, featured: reviews.featured })
    .from(reviews)
    .where(eq(reviews.id, id))
    .for("update");
  return row ?? null;
}

export async function setReviewModeration(
  db: Executor,
  id: string,
  values: { status: ReviewStatus; featured: boolean; moderatedAt: Date },
): Promise<void> {
  await db.update(reviews).set(values).where(eq(reviews.id, id));
}
