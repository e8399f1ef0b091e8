import { addClosureInputSchema } from "@clinic/domain";
import { missingFieldMessages } from "@clinic/form-kit";
import { z } from "zod";
import { type DomainInput, domainInput } from "./domain-input";

/** Closing the clinic: one day, or a stretch when a last day is given; the reason is public. */
export const closureFormSchema = z.object({
  startDate: z.string(),
  endDate: z.string().optional(),
  reason: z.string(),
  confirmOrphans: z.boolean().default(false),
});
export type ClosureForm = z.infer<typeof closureFormSchema>;

export const closureErrors = missingFieldMessages({
  startDate: "Choose the first day",
  reason: "Say why the clinic is closed",
});

/** The API input, or the domain's objections keyed by form field. */
export function closureInput(
  form: ClosureForm,
): DomainInput<z.infer<typeof addClosureInputSchema>> {
  return domainInput(addClosureInputSchema, {
    startDate: form.startDate,
    endDate: form.endDate || form.startDate,
    reason: form.reason,
    confirmOrphans: form.confirmOrphans,
  });
}
