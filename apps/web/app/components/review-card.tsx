import { formatDate } from "../formatting/format-date";
import { StarRating } from "./star-rating";

export interface ReviewSummary {
  id: string;
  authorName: string;
  rating: number;
  body: string;
  createdAt: Date;
  practitioner: { name: string } | null;
}

/** A patient's review as a quotation: plain text, paragraphs kept, never rendered as HTML. */
export function ReviewCard({ review, timeZone }: { review: ReviewSummary; timeZone: string }) {
  const paragraphs = review.body.split(/\n\s*\n/).filter((p) => p.trim());
  return (
    <figure className="card review-card">
      <StarRating rating={review.rating} label={`${review.rating} out of 5 stars`} />
      <blockquote className="review-card__quote">
        {paragraphs.map((paragraph, index) => (
          <p key={index}>{paragraph}</p>
        ))}
      </blockquote>
      <figcaption className="review-card__author">
        <span className="review-card__name">{review.authorName}</span>
        <span className="card__meta">
          <time dateTime={review.createdAt.toISOString()}>
            {formatDate(review.createdAt, timeZone)}
          </time>
          {review.practitioner ? ` · treated by ${review.practitioner.name}` : null}
        </span>
      </figcaption>
    </figure>
  );
}
