import type { MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { api } from "../api.server";
import { useClinic } from "../clinic";
import { ReviewCard } from "../components/review-card";
import { StarRating } from "../components/star-rating";
import { clinicNameFrom, pageMeta } from "../page-meta";
import { formatAverage, ratingSummaryLabel } from "../rating";

export async function loader() {
  const [reviews, summary] = await Promise.all([
    api.reviews.list.query({ limit: 100 }),
    api.reviews.summary.query(),
  ]);
  return { reviews, summary };
}

export const meta: MetaFunction = ({ matches }) =>
  pageMeta(matches, {
    title: "Testimonials",
    description: `What patients say about ${clinicNameFrom(matches) ?? "our clinic"}: real stories, real results.`,
  });

export default function TestimonialsPage() {
  const { reviews, summary } = useLoaderData<typeof loader>();
  const clinic = useClinic();
  const largest = Math.max(1, ...summary.distribution);
  return (
    <div className="container page">
      <header className="page-header">
        <h1>Real stories, real results</h1>
        <p className="lead">What our patients say after their treatment.</p>
      </header>

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
                        <span className="bar" aria-hidden="true">
                          <span
                            className="bar__fill"
                            style={{ width: `${(count / largest) * 100}%` }}
                          />
                        </span>
                      </td>
                      <td className="rating-summary__count">{count}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </>
        ) : (
          <p>No reviews yet.</p>
        )}
      </section>

      {reviews.length > 0 ? (
        <section aria-labelledby="reviews-title" className="section--flush">
          <h2 id="reviews-title" className="visually-hidden">
            Reviews, newest first
          </h2>
          <div className="review-list">
            {reviews.map((review) => (
              <ReviewCard key={review.id} review={review} timeZone={clinic.timeZone} />
            ))}
          </div>
        </section>
      ) : null}
    </div>
  );
}
