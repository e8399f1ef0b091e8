import { z } from "zod";
import { emailSchema, idSchema, personNameSchema } from "../common/fields.js";
import { multiLineText } from "../common/storable-text.js";

export const reviewStatuses = ["pending", "approved", "rejected"] as const;
export const reviewStatusSchema = z.enum(reviewStatuses);
export type ReviewStatus = z.infer<typeof reviewStatusSchema>;

export const ratingSchema = z
  .number({ message: "Choose a rating from 1 to 5" })
  .int("Choose a rating from 1 to 5")
  .min(1, "Choose a rating from 1 to 5")
  .max(5, "Choose a rating from 1 to 5");

export const reviewInputSchema = z.object({
  authorName: personNameSchema,
  rating: ratingSchema,
  body: multiLineText()
    .trim()
    .min(10, "Tell us a little more (at least 10 characters)")
    .max(3000, "Reviews must be at most 3000 characters"),
  email: emailSchema.nullable(),
  practitionerId: idSchema.nullable(),
});
export type ReviewInput = z.infer<typeof reviewInputSchema>;

export const reviewSchema = reviewInputSchema.extend({
  id: idSchema,
  status: reviewStatusSchema,
  featured: z.boolean(),
  createdAt: z.date(),
});
export type Review = z.infer<typeof reviewSchema>;

export interface RatingSummary {
  count: number;
  /** Mean rating rounded to one decimal, or null when there are no reviews. */
  average: number | null;
  /** How many reviews gave each rating, index 0 = one star. */
  distribution: [number, number, number, number, number];
}

/**
 * Count, average (one decimal, halves rounded up) and distribution of a set of
 * ratings. Throws a RangeError for a rating that is not a whole number from 1 to 5.
 */
export function summariseRatings(ratings: readonly number[]): RatingSummary {
  const distribution: RatingSummary["distribution"] = [0, 0, 0, 0, 0];
  let total = 0;
  for (const rating of ratings) {
    if (!Number.isInteger(rating) || rating < 1 || rating > 5) {
      throw new RangeError(`Rating must be an integer from 1 to 5, got ${rating}`);
    }
    distribution[rating - 1]! += 1;
    total += rating;
  }
  return {
    count: ratings.length,
    average: ratings.length === 0 ? null : Math.round((total / ratings.length) * 10) / 10,
    distribution,
  };
}
