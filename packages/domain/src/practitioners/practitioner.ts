import { z } from "zod";
import { idSchema, personNameSchema, slugSchema } from "../common/fields.js";
import { multiLineText, singleLineText } from "../common/storable-text.js";

export const practitionerInputSchema = z.object({
  slug: slugSchema,
  name: personNameSchema,
  title: singleLineText().trim().min(1, "Title is required").max(120),
  bio: multiLineText().trim().min(1, "Bio is required").max(10_000),
  photoUrl: singleLineText().trim().max(500).nullable(),
  active: z.boolean(),
  sortOrder: z.number().int().min(0).max(1000),
});
export type PractitionerInput = z.infer<typeof practitionerInputSchema>;
/** A new practitioner: without a display order, they are listed after the others. */
export type NewPractitionerInput = Omit<PractitionerInput, "sortOrder"> & {
  sortOrder?: number | undefined;
};

export const practitionerSchema = practitionerInputSchema.extend({
  id: idSchema,
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type Practitioner = z.infer<typeof practitionerSchema>;
