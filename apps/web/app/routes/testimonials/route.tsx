import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { JsonLdScript } from "../../components/json-ld";
import { ReviewCard } from "../../components/review-card";
import { useClinic } from "../../components/use-clinic";
import { reviewsJsonLd } from "../../formatting/json-ld";
import { clinicNameFrom, pageMeta } from "../../formatting/page-meta";
import { formToken, submitPublicForm } from "../../forms/public-form.server";
import { reviewForm } from "../../forms/review-form";
import { api } from "../../server/api.server";
import { publicPageHeaders } from "../../server/cache-control";
import { siteUrlFor } from "../../server/site-url.server";
import { RatingSummary } from "./rating-summary";
import { ShareExperience } from "./share-experience";

export async function loader({ context }: LoaderFunctionArgs) {
  const [reviews, summary, practitioners, settings, token] = await Promise.all([
    api.reviews.list.query({ limit: 100 }),
    api.reviews.summary.query(),
    api.practitioners.list.query(),
    api.settings.get.query(),
    formToken("review", context),
  ]);
  return {
    reviews,
    summary,
    practitioners: practitioners.map(({ id, name }) => ({ id, name })),
    siteUrl: siteUrlFor(settings),
    ...token,
  };
}

// The same for every visitor: the form's token is filled in per response (page-cache.ts).
export const headers = publicPageHeaders;

export function action(args: ActionFunctionArgs) {
  return submitPublicForm(args, reviewForm);
}

export const meta: MetaFunction = ({ matches }) =>
  pageMeta(matches, {
    title: "Testimonials",
    description: `What patients say about ${clinicNameFrom(matches) ?? "our clinic"}: real stories, real results.`,
  });

export default function TestimonialsPage() {
  const { reviews, summary, siteUrl, practitioners, formToken } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const clinic = useClinic();
  return (
    <div className="container page">
      <JsonLdScript data={reviewsJsonLd(clinic, siteUrl, reviews, summary)} />
      <header className="page-header">
        <h1>Real stories, real results</h1>
        <p className="lead">What our patients say after their treatment.</p>
        <p>
          <a href="#share-title">Share your experience</a>
        </p>
      </header>

      <RatingSummary summary={summary} />

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

      <ShareExperience practitioners={practitioners} formToken={formToken} reply={reply} />
    </div>
  );
}
