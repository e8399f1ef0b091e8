import { starFillHalves } from "../formatting/rating";

/** Five stars filled to `rating` (to the half star); `label` is what assistive technology reads. */
export function StarRating({ rating, label }: { rating: number; label: string }) {
  return (
    <span className="stars" role="img" aria-label={label}>
      <span className="stars__empty" aria-hidden="true">
        ★★★★★
      </span>
      <span className="stars__full" data-fill={starFillHalves(rating)} aria-hidden="true">
        ★★★★★
      </span>
    </span>
  );
}
