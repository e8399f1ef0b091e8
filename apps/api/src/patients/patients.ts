import { findPatientWithBookings, searchPatients, smsConsentOf } from "@clinic/db";
import { PATIENTS_PAGE_SIZE } from "@clinic/domain";
import type { StaffContext } from "../context.js";
import { NotFoundError } from "../errors.js";

/**
 * Patients whose name, email or phone contains `query` (case-insensitive),
 * by name, a page at a time, with booking counts and next and last visits.
 */
export async function patientSearch(
  ctx: StaffContext,
  input: { query?: string | undefined; page: number },
) {
  const result = await searchPatients(ctx.db, {
    query: input.query,
    limit: PATIENTS_PAGE_SIZE,
    offset: (input.page - 1) * PATIENTS_PAGE_SIZE,
    now: ctx.now(),
  });
  return {
    ...result,
    page: input.page,
    pageSize: PATIENTS_PAGE_SIZE,
    pageCount: Math.max(1, Math.ceil(result.total / PATIENTS_PAGE_SIZE)),
  };
}

/** A patient's contact details and booking history, newest first. */
export async function patientDetail(ctx: StaffContext, id: string) {
  const found = await findPatientWithBookings(ctx.db, id);
  if (!found) throw new NotFoundError("We couldn't find that patient");
  // Text reminders (decision 030): the number, when they agreed, when they last said STOP.
  return { ...found, smsReminders: await smsConsentOf(ctx.db, id) };
}
