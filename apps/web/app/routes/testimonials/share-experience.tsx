import {
  getCollectionProps,
  getFormProps,
  getInputProps,
  getSelectProps,
  getTextareaProps,
} from "@conform-to/react";
import { Form } from "@remix-run/react";
import { EMAIL_INPUT, Field, FieldErrors } from "../../components/form-field";
import { FormTrap } from "../../components/form-trap";
import { FormOutcome, useCheckedForm, useSubmitting } from "../../components/public-form";
import type { PublicFormReply } from "../../forms/public-form.server";
import {
  RATING_CHOICES,
  REVIEW_FAILED,
  reviewFormErrors,
  reviewFormSchema,
} from "../../forms/review-form";

/** "Share your experience": the review form, then its thanks in its place. */
export function ShareExperience({
  practitioners,
  formToken,
  reply,
}: {
  practitioners: readonly { id: string; name: string }[];
  formToken: string | null;
  reply: PublicFormReply | undefined;
}) {
  const submitting = useSubmitting();
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
            <FormTrap formToken={formToken} />
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
              <input key={emailKey} {...emailProps} {...EMAIL_INPUT} />
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
