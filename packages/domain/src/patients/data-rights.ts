import { z } from "zod";
import { idSchema } from "../common/fields.js";
import { singleLineText } from "../common/storable-text.js";

/** What an erased patient is called from then on: their bookings still show in lists and counts. */
export const ERASED_PATIENT_NAME = "Erased patient";

/**
 * The unique, undeliverable address an erased patient's row keeps (`.invalid` is reserved,
 * RFC 2606): the column is unique and required, and the id says nothing about the person.
 */
export function erasedPatientEmail(patientId: string): string {
  return `erased-${patientId}@erased.invalid`;
}

/** Erasing a patient: staff retype the patient's name, so a slip of the mouse erases nobody. */
export const patientEraseInputSchema = z.object({
  id: idSchema,
  confirmName: singleLineText()
    .trim()
    .min(1, "Type the patient's name to confirm")
    .max(200, "Type the patient's name to confirm"),
});
export type PatientEraseInput = z.input<typeof patientEraseInputSchema>;

const comparable = (name: string) =>
  name.normalize("NFC").trim().replace(/\s+/g, " ").toLowerCase();

/**
 * Whether what staff typed confirms erasing the patient named `name`: the same name, ignoring
 * case and runs of spaces.
 */
export function confirmsErasure(name: string, typed: string): boolean {
  return comparable(typed) !== "" && comparable(typed) === comparable(name);
}

/**
 * The instant before which a record counts as inactive under a retention of `years` years:
 * the same calendar day and time `years` years before `now` (29 February falls back to the
 * 28th); null when retention is off.
 */
export function inactiveBefore(now: Date, years: number | null): Date | null {
  if (years === null) return null;
  const cutoff = new Date(now.getTime());
  cutoff.setUTCFullYear(now.getUTCFullYear() - years);
  // setUTCFullYear rolls 29 February into 1 March in a common year: keep it in February.
  if (cutoff.getUTCMonth() !== now.getUTCMonth()) cutoff.setUTCDate(0);
  return cutoff;
}
