import { starFillPercent } from "../rating";

/** Five stars filled to `rating`; `label` is what assistive technology reads instead. */
export function StarRating({ rating, label }: { rating: number; label: string }) {
  return (
    <span className="stars" role="img" aria-label={label}>
      <span className="stars__empty" aria-hidden="true">
        ★★★★★
      </span>
      <span
        className="stars__full"
        aria-hidden="true"
        style={{ width: `${starFillPercent(rating)}%` }}
      >
        ★★★★★
      </span>
    </span>
  );
}
