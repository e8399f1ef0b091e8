import { addTimeOffInputSchema, localDateSchema, timeOfDaySchema } from "@clinic/domain";
import { z } from "zod";

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

export type TimeOffParse =
  | { ok: true; input: z.infer<typeof addTimeOffInputSchema> }
  | { ok: false; fieldErrors: Record<string, string[]> };

/** The API input for a practitioner, or the domain's objections keyed by form field. */
export function timeOffInput(practitionerId: string, form: TimeOffForm): TimeOffParse {
  const parsed = addTimeOffInputSchema.safeParse({
    practitionerId,
    startDate: form.startDate,
    endDate: form.endDate ?? form.startDate,
    startTime: form.startTime ?? null,
    endTime: form.endTime ?? null,
    reason: form.reason,
    confirmOrphans: form.confirmOrphans,
  });
  if (parsed.success) return { ok: true, input: parsed.data };
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) {
    const key = String(issue.path[0] ?? "");
    // A problem with the practitioner (not a form field) is about the whole form.
    const field = key === "practitionerId" ? "" : key;
    fieldErrors[field] = [...(fieldErrors[field] ?? []), issue.message];
  }
  return { ok: false, fieldErrors };
}
