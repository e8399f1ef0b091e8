import {
  getCollectionProps,
  getFormProps,
  getInputProps,
  getSelectProps,
  getTextareaProps,
} from "@conform-to/react";
import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Field, FieldErrors } from "../components/form-field";
import { FormTrap } from "../components/form-trap";
import { JsonLdScript } from "../components/json-ld";
import { FormOutcome, useCheckedForm } from "../components/public-form";
import { ReviewCard } from "../components/review-card";
import { StarRating } from "../components/star-rating";
import { useClinic } from "../components/use-clinic";
import { reviewsJsonLd } from "../formatting/json-ld";
import { clinicNameFrom, pageMeta } from "../formatting/page-meta";
import { formatAverage, ratingSummaryLabel } from "../formatting/rating";
import { formRenderedAt, submitPublicForm } from "../forms/public-form.server";
import {
  RATING_CHOICES,
  REVIEW_FAILED,
  reviewForm,
  reviewFormErrors,
  reviewFormSchema,
} from "../forms/review-form";
import { api } from "../server/api.server";
import { siteUrlFor } from "../server/site-url.server";

export async function loader() {
  const [reviews, summary, practitioners, settings] = await Promise.all([
    api.reviews.list.query({ limit: 100 }),
    api.reviews.summary.query(),
    api.practitioners.list.query(),
    api.settings.get.query(),
  ]);
  return {
    reviews,
    summary,
    practitioners: practitioners.map(({ id, name }) => ({ id, name })),
    siteUrl: siteUrlFor(settings),
    ...formRenderedAt(),
  };
}

export function action(args: ActionFunctionArgs) {
  return submitPublicForm(args, reviewForm);
}

export const meta: MetaFunction = ({ matches }) =>
  pageMeta(matches, {
    title: "Testimonials",
    description: `What patients say about ${clinicNameFrom(matches) ?? "our clinic"}: real stories, real results.`,
  });

export default function TestimonialsPage() {
  const { reviews, summary, siteUrl } = useLoaderData<typeof loader>();
  const clinic = useClinic();
  const largest = Math.max(1, ...summary.distribution);
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

      <ShareExperience />
    </div>
  );
}

function ShareExperience() {
  const { practitioners, renderedAt } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const navigation = useNavigation();
  const submitting = navigation.state === "submitting" && navigation.formMethod === "POST";
  const [form, fields] = useCheckedForm({
    id: "share-experience",
    schema: reviewFormSchema,
    missing: reviewFormErrors,
    lastResult: reply?.result,
  });

  const { key: nameKey, ...nameProps } = getInputProps(fields.authorName, { type: "text" });
  const { key: bodyKey, ...bodyProps } = getTextareaProps(fields.body);
  const { key: emailKey, ...emailProps } = getInputProps(fields.email, {
    type: "email",
    ariaDescribedBy: "review-email-hint",
  });
  const { key: practitionerKey, ...practitionerProps } = getSelectProps(fields.practitionerId);
  const ratingInputs = getCollectionProps(fields.rating, {
    type: "radio",
    options: RATING_CHOICES.map((choice) => choice.value),
  });

  return (
    <section className="card share-review" aria-labelledby="share-title">
      <h2 id="share-title" tabIndex={-1}>
        Share your experience
      </h2>
      {reply?.outcome === "sent" ? (
        <FormOutcome sent reply={reply}>
          <p>Thank you! Your review will appear once it has been approved.</p>
        </FormOutcome>
      ) : (
        <>
          <p>
            Tell others how your treatment went. We read every review before it appears here, and we
            never publish your email address.
          </p>
          {reply?.outcome === "failed" ? (
            <FormOutcome sent={false} reply={reply} id={form.errorId}>
              <p>{REVIEW_FAILED}</p>
              <p>{reply.detail ?? "Please try again in a few minutes."}</p>
            </FormOutcome>
          ) : null}
          <Form method="post" className="form" {...getFormProps(form)}>
            <FormTrap renderedAt={renderedAt} />
            <Field label="Your name" field={fields.authorName}>
              <input key={nameKey} {...nameProps} autoComplete="name" />
            </Field>
            <fieldset
              className={
                fields.rating.errors?.length
                  ? "field rating-field field--invalid"
                  : "field rating-field"
              }
              aria-describedby={fields.rating.errorId}
            >
              <legend className="field__label">Your rating</legend>
              <div className="rating-field__choices">
                {ratingInputs.map(({ key, ...props }, index) => {
                  const choice = RATING_CHOICES[index]!;
                  return (
                    <div className="rating-field__choice" key={key}>
                      <input {...props} />
                      <label htmlFor={props.id}>
                        <span aria-hidden="true" className="rating-field__stars">
                          {"★".repeat(Number(choice.value))}
                        </span>
                        <span className="rating-field__words">{choice.label}</span>
                      </label>
                    </div>
                  );
                })}
              </div>
              <FieldErrors id={fields.rating.errorId} errors={fields.rating.errors} />
            </fieldset>
            <Field label="Your review" field={fields.body}>
              <textarea key={bodyKey} {...bodyProps} rows={6} />
            </Field>
            <Field
              label="Email (optional)"
              field={fields.email}
              hint="Only so we can follow up if needed. It is never shown."
              hintId="review-email-hint"
            >
              <input
                key={emailKey}
                {...emailProps}
                autoComplete="email"
                autoCapitalize="none"
                spellCheck={false}
              />
            </Field>
            <Field label="Who treated you? (optional)" field={fields.practitionerId}>
              <select key={practitionerKey} {...practitionerProps}>
                <option value="">I'd rather not say</option>
                {practitioners.map((practitioner) => (
                  <option key={practitioner.id} value={practitioner.id}>
                    {practitioner.name}
                  </option>
                ))}
              </select>
            </Field>
            <button type="submit" className="button button--primary" disabled={submitting}>
              {submitting ? "Sending…" : "Send my review"}
            </button>
          </Form>
        </>
      )}
    </section>
  );
}
