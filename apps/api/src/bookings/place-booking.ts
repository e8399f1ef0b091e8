import { randomUUID } from "node:crypto";
import {
  type BookingDetails,
  countBookingsByPractitioner,
  type Executor,
  findBookingById,
  findBookingByIdempotencyKey,
  insertBooking,
  SQLSTATE,
  sqlState,
  upsertPatient,
} from "@clinic/db";
import { type ClinicSettings, localDateOf, type PractitionerChoice } from "@clinic/domain";
import { createdFields } from "../audit/audit.js";
import type { AppContext } from "../context.js";
import { enqueueBookingEmails } from "../email/booking-emails.js";
import { ConflictError } from "../errors.js";
import {
  type BookingRules,
  blockedRange,
  candidatesFor,
  requireFreeSlot,
  requireService,
  SLOT_TAKEN,
  type SlotOptions,
} from "./bookable-slots.js";
import { type BookingActor, recordBookingChange } from "./booking-history.js";
import { hashManageToken, manageTokenFor } from "./manage-token.js";
import { emailData } from "./patient-views.js";

export interface PlaceBookingRequest {
  serviceId: string;
  practitionerId: PractitionerChoice;
  start: Date;
  patient: { name: string; email: string; phone: string };
  notes: string;
  contactConsent: boolean;
  idempotencyKey: string | null;
}

export interface PlacedBooking {
  details: BookingDetails;
  manageToken: string;
}

/**
 * Books a free slot under the rules: checks it in the transaction that writes
 * the booking, its history, the audit entry (staff) and the emails; the
 * exclusion constraint settles races (CONFLICT). A repeated idempotency key
 * answers with the booking it made.
 */
export async function placeBooking(
  ctx: AppContext,
  input: PlaceBookingRequest,
  options: { rules: BookingRules; by: BookingActor; settings: ClinicSettings },
): Promise<PlacedBooking> {
  const { settings, rules, by } = options;
  const now = ctx.now();
  const replay = async (): Promise<PlacedBooking | null> => {
    if (!input.idempotencyKey) return null;
    const existing = await findBookingByIdempotencyKey(ctx.db, input.idempotencyKey);
    if (!existing) return null;
    return { details: existing, manageToken: manageTokenFor(existing.id, ctx.appSecret) };
  };
  const earlier = await replay();
  if (earlier) return earlier;

  const service = await requireService(ctx.db, input.serviceId);
  const candidates = candidatesFor(service, input.practitionerId);
  const day = localDateOf(input.start, settings.timeZone);
  const slotOptions: SlotOptions = {
    settings,
    rules,
    service,
    practitionerIds: candidates.map((p) => p.id),
    from: day,
    to: day,
    now,
  };

  // For "first available", a lost race for one practitioner moves on to the next free one.
  for (let attempt = 0; attempt < candidates.length; attempt++) {
    try {
      const placed = await ctx.db.transaction(async (tx) => {
        const slot = await requireFreeSlot(tx, { ...slotOptions, start: input.start });
        const practitionerId = await pickPractitioner(
          tx,
          slot.practitionerIds,
          input.start,
          attempt,
        );
        const patient = await upsertPatient(tx, input.patient);
        // The id is chosen here so the row is written once, token hash included: a second
        // write to a fresh booking could deadlock against a competing insert's overlap check.
        const id = randomUUID();
        const token = manageTokenFor(id, ctx.appSecret);
        await insertBooking(tx, {
          id,
          serviceId: service.id,
          practitionerId,
          patientId: patient.id,
          ...blockedRange(service, input.start),
          notes: input.notes,
          contactConsent: input.contactConsent,
          idempotencyKey: input.idempotencyKey,
          manageTokenHash: hashManageToken(token),
        });
        const details = (await findBookingById(tx, id))!;
        await recordBookingChange(tx, by, id, {
          event: "created",
          details: {
            returningPatient: patient.returning,
            ...(rules === "staff" ? { by: "staff" } : {}),
          },
          action: "booking.create",
          changes: createdFields({
            status: details.status,
            startsAt: details.startsAt,
            serviceId: service.id,
            practitionerId,
            patientId: patient.id,
            returningPatient: patient.returning,
          }),
        });
        await enqueueBookingEmails(tx, "created", emailData(ctx, details, settings, token), now);
        return { details, manageToken: token };
      });
      ctx.logger.info("booking created", { bookingId: placed.details.id, by: by.kind });
      return placed;
    } catch (error) {
      const state = sqlState(error);
      if (state === SQLSTATE.uniqueViolation) {
        // The same request won a race with itself: answer with the booking it made.
        const again = await replay();
        if (again) return again;
      }
      if (state === SQLSTATE.exclusionViolation) {
        if (attempt + 1 < candidates.length) continue;
        throw new ConflictError(SLOT_TAKEN);
      }
      throw error;
    }
  }
  throw new ConflictError(SLOT_TAKEN);
}

/** Shares "first available" bookings out: the least-booked practitioner that day goes first. */
async function pickPractitioner(
  db: Executor,
  free: string[],
  start: Date,
  attempt: number,
): Promise<string> {
  if (free.length === 1) return free[0]!;
  // About the appointment's day, whatever the clinic's zone: twelve hours either side.
  const counts = await countBookingsByPractitioner(db, {
    practitionerIds: free,
    from: new Date(start.getTime() - 12 * 3_600_000),
    to: new Date(start.getTime() + 12 * 3_600_000),
  });
  const ordered = [...free].sort((a, b) => (counts.get(a) ?? 0) - (counts.get(b) ?? 0));
  return ordered[attempt % ordered.length]!;
}
