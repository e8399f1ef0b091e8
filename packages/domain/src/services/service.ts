import { z } from "zod";
import { idSchema, priceCentsSchema, slugSchema } from "../common/fields.js";
import { multiLineText, singleLineText } from "../common/storable-text.js";

/** Who a service is for: first visits need a longer assessment. */
export const patientTypes = ["new", "returning", "any"] as const;
export const patientTypeSchema = z.enum(patientTypes);
export type PatientType = z.infer<typeof patientTypeSchema>;

const minutes = (label: string, max: number) =>
  z
    .number({ message: `${label} must be a number of minutes` })
    .int(`${label} must be whole minutes`)
    .min(0, `${label} can't be negative`)
    .max(max, `${label} must be at most ${max} minutes`);

export const serviceInputSchema = z.object({
  slug: slugSchema,
  name: singleLineText().trim().min(1, "Name is required").max(120),
  summary: multiLineText().trim().min(1, "Summary is required").max(300),
  description: multiLineText().trim().max(10_000),
  durationMinutes: minutes("Duration", 480).min(5, "Duration must be at least 5 minutes"),
  bufferBeforeMinutes: minutes("Buffer before", 120),
  bufferAfterMinutes: minutes("Buffer after", 120),
  priceCents: priceCentsSchema,
  patientType: patientTypeSchema,
  active: z.boolean(),
  sortOrder: z.number().int().min(0).max(1000),
  practitionerIds: z.array(idSchema).max(100),
});
export type ServiceInput = z.infer<typeof serviceInputSchema>;

export const serviceSchema = serviceInputSchema.extend({
  id: idSchema,
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type Service = z.infer<typeof serviceSchema>;

/** Minutes a booking of this service blocks in the practitioner's diary, buffers included. */
export function blockedMinutes(
  service: Pick<Service, "durationMinutes" | "bufferBeforeMinutes" | "bufferAfterMinutes">,
): number {
  return service.bufferBeforeMinutes + service.durationMinutes + service.bufferAfterMinutes;
}
