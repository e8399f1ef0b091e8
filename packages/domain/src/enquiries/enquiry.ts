import { z } from "zod";
import { emailSchema, idSchema, personNameSchema, phoneSchema } from "../common/fields.js";
import { multiLineText } from "../common/storable-text.js";

export const enquiryStatuses = ["new", "in_progress", "closed"] as const;
export const enquiryStatusSchema = z.enum(enquiryStatuses);
export type EnquiryStatus = z.infer<typeof enquiryStatusSchema>;

/** What staff read for each status, in the admin and in its CSV exports. */
export const enquiryStatusLabels: Record<EnquiryStatus, string> = {
  new: "New",
  in_progress: "In progress",
  closed: "Closed",
};

export const enquiryInputSchema = z.object({
  name: personNameSchema,
  email: emailSchema,
  phone: phoneSchema.nullable(),
  message: multiLineText()
    .trim()
    .min(1, "Message is required")
    .max(5000, "Message must be at most 5000 characters"),
});
export type EnquiryInput = z.infer<typeof enquiryInputSchema>;

export const enquirySchema = enquiryInputSchema.extend({
  id: idSchema,
  status: enquiryStatusSchema,
  createdAt: z.date(),
});
export type Enquiry = z.infer<typeof enquirySchema>;
