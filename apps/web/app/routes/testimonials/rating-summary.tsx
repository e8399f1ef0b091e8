import { StarRating } from "../../components/star-rating";
import { formatAverage, ratingSummaryLabel } from "../../formatting/rating";

/** The reviews' average and a bar for each rating, drawn without inline styles. */
export function RatingSummary({
  summary,
}: {
  summary: { average: number | null; count: number; distribution: readonly number[] };
}) {
  const largest = Math.max(1, ...summary.distribution);
  return (
    <section className="card rating-summary" aria-labelledby="rating-summary-title">
      <h2 id="rating-summary-title" className="visually-hidden">
        Rating summary
      </h2>
      {summary.average !== null ? (
        <>
          <div className="rating-summary__score">
            <p className="rating-summary__average" aria-hidden="true">
              {formatAverage(summary.average)}
            </p>
            <StarRating
              rating={summary.average}
              label={ratingSummaryLabel(summary.average, summary.count)}
            />
            <p className="card__meta" aria-hidden="true">
              {summary.count} {summary.count === 1 ? "review" : "reviews"}
            </p>
          </div>
          <table className="rating-summary__bars">
            <caption className="visually-hidden">Reviews by rating</caption>
            <tbody>
              {[5, 4, 3, 2, 1].map((stars) => {
                const count = summary.distribution[stars - 1] ?? 0;
                return (
                  <tr key={stars}>
                    <th scope="row">{stars === 1 ? "1 star" : `${stars} stars`}</th>
                    <td>
                      {/* An SVG width attribute, not an inline style: the CSP allows no inline styles. */}
                      <svg
                        className="bar"
                        viewBox="0 0 100 10"
                        preserveAspectRatio="none"
                        aria-hidden="true"
                        focusable="false"
                      >
                        <rect className="bar__track" width="100" height="10" rx="5" />
                        <rect
                          className="bar__value"
                          width={(count / largest) * 100}
                          height="10"
                          rx="5"
                        />
                      </svg>
                    </td>
                    <td className="rating-summary__count">{count}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      ) : (
        <p>No reviews yet. Be the first to share your experience.</p>
      )}
    </section>
  );
}
