import {
  ensureManageTokenHash,
  findPatientBooking,
  findWaitlistEntry,
  getClinicSettings,
  getIntakeStatusForPatient,
  listPatientBookings,
  listTreatmentPlansForPatient,
  listWaitlistEntriesForPatient,
  type PatientBookingRow,
  updateWaitlistEntry,
  withdrawOpenWaitlistOffer,
} from "@clinic/db";
import { canChangeOnline, isUpcomingBooking } from "@clinic/domain";
import { hashManageToken, manageTokenFor } from "../bookings/manage-token.js";
import { NotFoundError, PreconditionFailedError } from "../errors.js";
import type { PatientContext } from "./patient-sessions.js";

/** The most bookings the page lists (upcoming ones first); older history is left off. */
export const PATIENT_BOOKINGS_LIMIT = 200;

/**
 * Whether the booking's manage link can be handed over: its stored hash is the derived token's
 * (decision 006), or it has none yet and gets it. After an APP_SECRET rotation older bookings'
 * links differ; those are managed from their email, or by phone.
 */
function manageable(row: PatientBookingRow, appSecret: string): boolean {
  return (
    row.manageTokenHash === null ||
    row.manageTokenHash === hashManageToken(manageTokenFor(row.id, appSecret))
  );
}

/**
 * The signed-in patient's page, as sections: `bookings` (upcoming soonest first, then the rest
 * newest first), their treatment plans, the waitlist entries still waiting, and their intake
 * form's state with its link while it can be filled in (never the answers).
 */
export async function patientOverview(ctx: PatientContext) {
  const now = ctx.now();
  const [rows, settings, plans, waitlist, intake] = await Promise.all([
    listPatientBookings(ctx.db, ctx.patient.id, PATIENT_BOOKINGS_LIMIT),
    getClinicSettings(ctx.db),
    listTreatmentPlansForPatient(ctx.db, ctx.patient.id),
    ctx.patient.email
      ? listWaitlistEntriesForPatient(ctx.db, { email: ctx.patient.email })
      : Promise.resolve([]),
    getIntakeStatusForPatient(ctx.db, ctx.patient.id, {
      appSecret: ctx.appSecret,
      webUrl: ctx.webUrl,
      now,
    }),
  ]);
  const window = settings.bookingPolicy.cancellationWindowHours;
  const view = (row: PatientBookingRow) => ({
    id: row.id,
    status: row.status,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    service: row.service,
    practitioner: row.practitioner,
    manageable: manageable(row, ctx.appSecret),
    canChangeOnline: row.status === "confirmed" && canChangeOnline(row.startsAt, window, now),
  });
  const upcoming = rows
    .filter((row) => isUpcomingBooking(row, now))
    .reverse()
    .map(view);
  const past = rows.filter((row) => !isUpcomingBooking(row, now)).map(view);
  return {
    patient: { name: ctx.patient.name, email: ctx.patient.email },
    timeZone: settings.timeZone,
    clinic: { name: settings.name, phone: settings.phone, email: settings.email },
    bookings: { upcoming, past },
    // Each appointment of a plan is one of `bookings` too: managed from there.
    treatmentPlans: plans.map((plan) => ({
      id: plan.id,
      service: plan.service,
      practitioner: plan.practitioner,
      intervalUnit: plan.intervalUnit,
      intervalCount: plan.intervalCount,
      bookings: plan.bookings.map(({ id, position, status, startsAt }) => ({
        id,
        position,
        status,
        startsAt,
      })),
    })),
    waitlist: waitlist
      .filter((entry) => entry.status === "waiting")
      .map((entry) => ({
        id: entry.id,
        service: { name: entry.service.name, slug: entry.service.slug },
        practitioner: entry.practitioner ? { name: entry.practitioner.name } : null,
        fromDate: entry.fromDate,
        toDate: entry.toDate,
        timesOfDay: entry.timesOfDay,
      })),
    intake: intake
      ? {
          formTitle: intake.formTitle,
          status: intake.status,
          submittedAt: intake.submittedAt,
          // The link while the form can still be filled in: not once sent, nor after it lapsed.
          url: intake.status !== "submitted" && !intake.expired ? intake.url : null,
        }
      : null,
  };
}

/**
 * The manage token of one of the patient's own bookings, for the site to open its manage page
 * (so seeing, moving and cancelling work exactly as from the emailed link). Another patient's
 * booking is "not found", as an unknown one.
 */
export async function patientManageToken(
  ctx: PatientContext,
  bookingId: string,
): Promise<{ token: string }> {
  const row = await findPatientBooking(ctx.db, ctx.patient.id, bookingId);
  if (!row) throw new NotFoundError("We couldn't find that booking among yours.");
  if (!manageable(row, ctx.appSecret)) {
    throw new PreconditionFailedError(
      "This booking can only be changed from the link in its email, or by calling us.",
    );
  }
  const token = manageTokenFor(row.id, ctx.appSecret);
  // Bookings taken by staff before links existed get one now (as staff's "manage link" does).
  if (row.manageTokenHash === null)
    await ensureManageTokenHash(ctx.db, row.id, hashManageToken(token));
  return { token };
}

/**
 * Takes the patient off one of their waitlist entries (as the link in an offer does): an open
 * offer is withdrawn with it. Someone else's entry is "not found", as an unknown one.
 */
export async function leavePatientWaitlistEntry(ctx: PatientContext, entryId: string) {
  const entry = await findWaitlistEntry(ctx.db, entryId);
  const email = ctx.patient.email?.trim().toLowerCase();
  if (!entry || !email || entry.email !== email) {
    throw new NotFoundError("We couldn't find that waitlist entry among yours.");
  }
  if (entry.status === "waiting") {
    const now = ctx.now();
    await ctx.db.transaction(async (tx) => {
      await withdrawOpenWaitlistOffer(tx, entry.id, now);
      await updateWaitlistEntry(tx, entry.id, { status: "removed", updatedAt: now });
    });
    ctx.logger.info("waitlist entry left", { entryId: entry.id });
  }
  return { status: entry.status === "waiting" ? ("removed" as const) : entry.status };
}
