import { addTimeOffInputSchema, localDateSchema, timeOfDaySchema } from "@clinic/domain";
import { z } from "zod";
import { type DomainInput, domainInput } from "./domain-input";

/**
 * The time-off form: times are optional (none means whole days) and the end date defaults to
 * the start date, so a single day off is one field. The domain's schema then checks the whole.
 */
export const timeOffFormSchema = z.object({
  startDate: localDateSchema,
  endDate: localDateSchema.optional(),
  startTime: timeOfDaySchema.optional(),
  endTime: timeOfDaySchema.optional(),
  reason: z.string().trim().max(200, "Keep the reason under 200 characters").default(""),
  confirmOrphans: z.boolean().default(false),
});
export type TimeOffForm = z.infer<typeof timeOffFormSchema>;

/** The API input for a practitioner, or the domain's objections keyed by form field. */
export function timeOffInput(
  practitionerId: string,
  form: TimeOffForm,
): DomainInput<z.infer<typeof addTimeOffInputSchema>> {
  return domainInput(
    addTimeOffInputSchema,
    {
      practitionerId,
      startDate: form.startDate,
      endDate: form.endDate ?? form.startDate,
      startTime: form.startTime ?? null,
      endTime: form.endTime ?? null,
      reason: form.reason,
      confirmOrphans: form.confirmOrphans,
    },
    // A problem with the practitioner (not a form field) is about the whole form.
    (key) => (key === "practitionerId" ? "" : key),
  );
}
