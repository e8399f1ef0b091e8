import {
  patientTypeSchema,
  personNameSchema,
  practitionerInputSchema,
  serviceInputSchema,
  slugify,
  slugSchema,
} from "@clinic/domain";
import { z } from "zod";
import { moneyInputSchema } from "./money-input";

/**
 * Form shapes for practitioners and services: the domain's schemas, with what a form sends
 * differently (an empty slug made from the name, a price typed in dollars, a checkbox that is
 * absent when off).
 */

const typedSortOrderSchema = z
  .number({ message: "Display order must be a whole number" })
  .int("Display order must be a whole number")
  .min(0, "Display order can't be negative")
  .max(1000, "Display order must be at most 1000");
const sortOrderSchema = typedSortOrderSchema.default(0);

export const practitionerFormSchema = z.object({
  name: personNameSchema,
  slug: slugSchema.optional(),
  title: practitionerInputSchema.shape.title,
  bio: practitionerInputSchema.shape.bio,
  sortOrder: sortOrderSchema,
  active: z.boolean().default(false),
});
export type PractitionerForm = z.infer<typeof practitionerFormSchema>;

/** Adding a practitioner: a display order left empty lists them after the others (the API's rule). */
export const newPractitionerFormSchema = practitionerFormSchema.extend({
  sortOrder: typedSortOrderSchema.optional(),
});

export const serviceFormSchema = z.object({
  name: serviceInputSchema.shape.name,
  slug: slugSchema.optional(),
  summary: serviceInputSchema.shape.summary,
  description: z.string().trim().max(10_000).default(""),
  durationMinutes: serviceInputSchema.shape.durationMinutes,
  bufferBeforeMinutes: serviceInputSchema.shape.bufferBeforeMinutes.default(0),
  bufferAfterMinutes: serviceInputSchema.shape.bufferAfterMinutes.default(0),
  price: moneyInputSchema("Price"),
  patientType: patientTypeSchema,
  sortOrder: sortOrderSchema,
  active: z.boolean().default(false),
  practitionerIds: z.array(z.uuid()).max(100).default([]),
});
export type ServiceForm = z.infer<typeof serviceFormSchema>;

/** The slug a form means: the one typed, or one made from the name when left empty. */
export function slugFor(form: { slug?: string | undefined; name: string }): string {
  return form.slug ?? slugify(form.name);
}

/** The API's field names for the service form's fields, where they differ. */
export const serviceApiFieldNames = { priceCents: "price" } as const;

export const patientTypeLabels = {
  any: "Anyone",
  new: "New patients",
  returning: "Returning patients",
} as const;
