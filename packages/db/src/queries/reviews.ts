import { type RatingSummary, summariseRatings } from "@clinic/domain";
import { and, count, desc, eq } from "drizzle-orm";
import type { Executor } from "../database.js";
import { practitioners, reviews } from "../schema.js";

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
