/**
 * Spotting copied or suspicious reviews when they arrive, so moderators see
 * the flag and the review it matches. Pure functions; the API feeds them the
 * recent reviews.
 */

export type ReviewFlagKind = "duplicate_text" | "same_sender_burst";

export interface ReviewFlag {
  kind: ReviewFlagKind;
  message: string;
  matchReviewId?: string;
}

export interface ReviewForComparison {
  id: string;
  authorName: string;
  body: string;
  email: string | null;
  senderHash: string | null;
  createdAt: Date;
}

/** Lowercase words only: case, punctuation, accents and spacing don't make a text different. */
export function normaliseReviewText(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

function normaliseName(name: string): string {
  return normaliseReviewText(name);
}

/** Character trigrams of a normalised text, the unit of the similarity score. */
function trigrams(text: string): Map<string, number> {
  const grams = new Map<string, number>();
  const padded = ` ${text} `;
  for (let i = 0; i + 3 <= padded.length; i++) {
    const gram = padded.slice(i, i + 3);
    grams.set(gram, (grams.get(gram) ?? 0) + 1);
  }
  return grams;
}

/**
 * How alike two texts are, from 0 (nothing shared) to 1 (the same words):
 * the Dice coefficient over character trigrams of the normalised texts, so
 * small edits (a word changed, a typo) keep the score high.
 */
export function textSimilarity(a: string, b: string): number {
  const x = normaliseReviewText(a);
  const y = normaliseReviewText(b);
  if (x === y) return 1;
  if (x.length < 3 || y.length < 3) return 0;
  const gx = trigrams(x);
  const gy = trigrams(y);
  let shared = 0;
  let total = 0;
  for (const n of gx.values()) total += n;
  for (const n of gy.values()) total += n;
  for (const [gram, n] of gx) shared += Math.min(n, gy.get(gram) ?? 0);
  return (2 * shared) / total;
}

export const DUPLICATE_SIMILARITY = 0.85;
export const BURST_WINDOW_MS = 24 * 60 * 60 * 1000;
export const BURST_LIMIT = 2;

/**
 * Flags for a new review against earlier ones: the same or nearly the same
 * text under a different name (naming the closest match), and more than
 * `BURST_LIMIT` reviews from one email or sender within a day.
 */
export function reviewFlags(
  review: Omit<ReviewForComparison, "id">,
  earlier: readonly ReviewForComparison[],
): ReviewFlag[] {
  const flags: ReviewFlag[] = [];
  let best: { match: ReviewForComparison; score: number } | null = null;
  for (const other of earlier) {
    if (normaliseName(other.authorName) === normaliseName(review.authorName)) continue;
    const score = textSimilarity(review.body, other.body);
    if (score >= DUPLICATE_SIMILARITY && (!best || score > best.score))
      best = { match: other, score };
  }
  if (best) {
    const same =
      best.score === 1 ? "the same text" : `${Math.round(best.score * 100)}% the same text`;
    flags.push({
      kind: "duplicate_text",
      message: `${same} as ${best.match.authorName}'s review`,
      matchReviewId: best.match.id,
    });
  }

  const since = review.createdAt.getTime() - BURST_WINDOW_MS;
  const fromSameSender = earlier
    .filter(
      (other) =>
        other.createdAt.getTime() >= since &&
        other.createdAt.getTime() <= review.createdAt.getTime(),
    )
    .filter(
      (other) =>
        (review.email !== null && other.email === review.email) ||
        (review.senderHash !== null && other.senderHash === review.senderHash),
    )
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  if (fromSameSender.length >= BURST_LIMIT) {
    flags.push({
      kind: "same_sender_burst",
      message: `${fromSameSender.length + 1} reviews from the same sender within a day`,
      matchReviewId: fromSameSender[0]!.id,
    });
  }
  return flags;
}

export interface PublishedDuplicate {
  /** The later of the two: the copy. */
  reviewId: string;
  /** The earlier review it repeats. */
  matchId: string;
  similarity: number;
}

/**
 * Published reviews that repeat an earlier published one under another name (a copied
 * testimonial, the same text twice on the page): each later review with its closest earlier
 * match. Reviews flagged on arrival can still be approved, so moderation checks the published
 * set as a whole.
 */
export function publishedDuplicates(
  published: readonly Pick<ReviewForComparison, "id" | "authorName" | "body" | "createdAt">[],
): PublishedDuplicate[] {
  const ordered = [...published].sort(
    (a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1),
  );
  const found: PublishedDuplicate[] = [];
  ordered.forEach((review, index) => {
    let best: PublishedDuplicate | null = null;
    for (const other of ordered.slice(0, index)) {
      if (normaliseName(other.authorName) === normaliseName(review.authorName)) continue;
      const similarity = textSimilarity(review.body, other.body);
      if (similarity >= DUPLICATE_SIMILARITY && (!best || similarity > best.similarity)) {
        best = { reviewId: review.id, matchId: other.id, similarity };
      }
    }
    if (best) found.push(best);
  });
  return found;
}
