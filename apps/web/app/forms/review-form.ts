import { emailSchema, idSchema, type ReviewInput, reviewInputSchema } from "@clinic/domain";
import { missingFieldMessages } from "@clinic/form-kit";
import type { z } from "zod";
import { formGuard, formGuardFields } from "./form-guard";
import type { PublicForm } from "./public-form.server";

/**
 * "Share your experience": the domain's review rules, with the optional fields optional
 * (an empty input is missing, not null) and the anti-spam fields added.
 */
export const reviewFormSchema = reviewInputSchema.extend({
  email: emailSchema.optional(),
  practitionerId: idSchema.optional(),
  ...formGuardFields,
});
export type ReviewForm = z.infer<typeof reviewFormSchema>;

export const reviewFormErrors = missingFieldMessages({
  authorName: "Enter your name",
  body: "Tell us about your experience",
  rating: "Choose a rating from 1 to 5",
});

/** The first line of the review form's error notice, whatever went wrong. */
export const REVIEW_FAILED = "Sorry, something went wrong while sending your review.";

/** The API's `reviews.submit` input for a valid form. */
export function reviewSubmission(form: ReviewForm): ReviewInput & {
  honeypot?: string;
  formToken?: string;
} {
  return {
    authorName: form.authorName,
    rating: form.rating,
    body: form.body,
    email: form.email ?? null,
    practitionerId: form.practitionerId ?? null,
    ...formGuard(form),
  };
}

/** The review form as its action sends it. */
export const reviewForm: PublicForm<typeof reviewFormSchema> = {
  schema: reviewFormSchema,
  missing: reviewFormErrors,
  send: (api, form) => api.reviews.submit.mutate(reviewSubmission(form)),
  unavailable: REVIEW_FAILED,
  logAs: "review submission",
};

/** The rating choices, best first, with words for people who don't read stars. */
export const RATING_CHOICES = [
  { value: "5", label: "5 stars, excellent" },
  { value: "4", label: "4 stars, very good" },
  { value: "3", label: "3 stars, good" },
  { value: "2", label: "2 stars, fair" },
  { value: "1", label: "1 star, poor" },
] as const;
