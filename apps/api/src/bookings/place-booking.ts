import { randomUUID } from "node:crypto";
import {
  type BookingDetails,
  claimIdempotencyFingerprint,
  countBookingsByPractitioner,
  type Executor,
  findBookingById,
  findBookingByIdempotencyKey,
  insertBooking,
  type PatientContact,
  SQLSTATE,
  sqlState,
  upsertPatient,
} from "@clinic/db";
import {
  type ClinicSettings,
  localDateOf,
  type PractitionerChoice,
  type ScheduleException,
} from "@clinic/domain";
import { createdFields } from "../audit/audit.js";
import type { AppContext } from "../context.js";
import { enqueueBookingEmails } from "../email/booking-emails.js";
import { ConflictError, FieldError, UnprocessableContentError } from "../errors.js";
import { issueIntakeRequest } from "../intake/intake-forms.js";
import {
  recordBookingSmsConsent,
  replaceSmsReminder,
  smsConsentNumber,
} from "../sms/sms-reminders.js";
import { queueBookingWebhook } from "../webhooks/webhook-events.js";
import {
  type BookingRules,
  blockedRange,
  candidatesFor,
  OVERLAPS_BOOKING,
  requireFreeSlot,
  requireInsideBookingWindow,
  requireService,
  SLOT_TAKEN,
  type SlotOptions,
  scheduleExceptionsAt,
} from "./bookable-slots.js";
import { bookingRequestFingerprint } from "./booking-fingerprint.js";
import { type BookingActor, recordBookingChange } from "./booking-history.js";
import { hashManageToken, manageTokenFor } from "./manage-token.js";
import { emailData } from "./patient-views.js";

export interface PlaceBookingRequest {
  serviceId: string;
  practitionerId: PractitionerChoice;
  start: Date;
  /** Online: both; staff: either or both (no email, no patient emails). */
  patient: PatientContact;
  notes: string;
  contactConsent: boolean;
  idempotencyKey: string | null;
  /**
   * Staff only: book this start even outside the practitioner's hours, over
   * a break, time off or a closure (never over another booking); the history
   * and audit entry record which rules were set aside.
   */
  outsideHours?: boolean;
  /** The patient asks for text reminders at `patient.phone` (decision 030). */
  smsReminders?: boolean;
}

export interface PlacedBooking {
  details: BookingDetails;
  manageToken: string;
}

/**
 * Books a free slot under the rules: checks it in the transaction that writes
 * the booking, its history, the audit entry (staff) and the emails; the
 * exclusion constraint settles races (CONFLICT). A repeated idempotency key
 * with the same request answers with the booking it made, even when the
 * retries race each other; with a different request it is refused (422).
 */
export async function placeBooking(
  ctx: AppContext,
  input: PlaceBookingRequest,
  options: { rules: BookingRules; by: BookingActor; settings: ClinicSettings },
): Promise<PlacedBooking> {
  const { settings, rules, by } = options;
  const now = ctx.now();
  const fingerprint = input.idempotencyKey ? bookingRequestFingerprint(input, rules) : null;
  const replay = () => replayBooking(ctx, input, rules);
  const earlier = await replay();
  if (earlier) return earlier;

  // Before any local day is derived or slot computed: a far-off instant stops here.
  requireInsideBookingWindow({ settings, rules, now, start: input.start });
  const service = await requireService(ctx.db, input.serviceId);
  const candidates = candidatesFor(service, input.practitionerId);
  const outsideHours = rules === "staff" && input.outsideHours === true;
  if (outsideHours && input.practitionerId === "any") {
    throw new FieldError("practitionerId", "Choose a practitioner to book outside the usual hours");
  }
  const day = localDateOf(input.start, settings.timeZone);
  // A request for texts without a mobile number is refused here, before anything is written.
  const smsPhone = await smsConsentNumber(ctx.db, input);
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
        let practitionerId: string;
        let setAside: ScheduleException[] = [];
        if (outsideHours) {
          practitionerId = candidates[0]!.id;
          setAside = await scheduleExceptionsAt(tx, {
            settings,
            service,
            practitionerId,
            start: input.start,
            now,
          });
        } else {
          const slot = await requireFreeSlot(tx, { ...slotOptions, start: input.start });
          practitionerId = await pickPractitioner(tx, slot.practitionerIds, input.start, attempt);
        }
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
          idempotencyFingerprint: fingerprint,
          manageTokenHash: hashManageToken(token),
        });
        await recordBookingSmsConsent(tx, { id, patientId: patient.id }, smsPhone, now);
        const details = (await findBookingById(tx, id))!;
        await recordBookingChange(tx, by, id, {
          event: "created",
          details: {
            returningPatient: patient.returning,
            ...(rules === "staff" ? { by: "staff" } : {}),
            ...(setAside.length > 0 ? { outsideHours: setAside } : {}),
            ...(smsPhone ? { smsReminders: true } : {}),
          },
          action: "booking.create",
          changes: createdFields({
            status: details.status,
            startsAt: details.startsAt,
            serviceId: service.id,
            practitionerId,
            patientId: patient.id,
            returningPatient: patient.returning,
            ...(outsideHours ? { outsideHours: setAside } : {}),
          }),
        });
        await queueBookingWebhook(tx, { bookingId: id, kind: "created", at: now });
        // A new patient's confirmation links to the clinic's intake form (decision 029).
        const intakeUrl = patient.returning
          ? null
          : await issueIntakeRequest(tx, ctx, {
              patientId: patient.id,
              bookingId: id,
              startsAt: details.startsAt,
              now,
            });
        await enqueueBookingEmails(
          tx,
          "created",
          {
            ...emailData(ctx, details, settings, token),
            bookedBy: rules === "staff" ? "staff" : "patient",
            ...(intakeUrl ? { intakeUrl } : {}),
          },
          now,
        );
        await replaceSmsReminder(tx, ctx, "created", details, settings, now);
        return { details, manageToken: token };
      });
      ctx.logger.info("booking created", { bookingId: placed.details.id, by: by.kind });
      return placed;
    } catch (error) {
      const state = sqlState(error);
      // A retry racing its own first attempt loses in one of three ways: the slot is gone by the
      // time it looks (SLOT_TAKEN), or its insert hits the key's unique index or the exclusion
      // constraint. Whichever it is, the booking it asked for may exist: look it up by key first.
      const lostRace =
        state === SQLSTATE.uniqueViolation ||
        state === SQLSTATE.exclusionViolation ||
        (error instanceof ConflictError && error.message === SLOT_TAKEN);
      if (lostRace) {
        const again = await replay();
        if (again) return again;
      }
      if (state === SQLSTATE.exclusionViolation) {
        if (outsideHours) throw new ConflictError(OVERLAPS_BOOKING, { field: "start" });
        if (attempt + 1 < candidates.length) continue;
        throw new ConflictError(SLOT_TAKEN);
      }
      throw error;
    }
  }
  throw new ConflictError(SLOT_TAKEN);
}

/**
 * The booking an earlier request with this idempotency key made, if any,
 * when this request is the same one (422 when it isn't). Writes nothing
 * (beyond backfilling a missing fingerprint), so callers may answer a retry
 * with it before spending a rate-limit hit.
 */
export async function replayBooking(
  ctx: AppContext,
  input: PlaceBookingRequest,
  rules: BookingRules,
): Promise<PlacedBooking | null> {
  if (!input.idempotencyKey) return null;
  const existing = await findBookingByIdempotencyKey(ctx.db, input.idempotencyKey);
  if (!existing) return null;
  await requireSameRequest(ctx, existing, bookingRequestFingerprint(input, rules));
  return { details: existing, manageToken: manageTokenFor(existing.id, ctx.appSecret) };
}

/**
 * A key's booking answers a retry only for the request that made it. Bookings
 * from before fingerprints were kept (NULL) take the fingerprint of the first
 * retry: the key's owner is the only one who knows it, and a NULL can only be
 * filled once, so every later retry is held to that request.
 */
async function requireSameRequest(
  ctx: AppContext,
  existing: BookingDetails,
  fingerprint: string,
): Promise<void> {
  let stored = existing.idempotencyFingerprint;
  if (stored === null) {
    if (await claimIdempotencyFingerprint(ctx.db, existing.id, fingerprint)) return;
    // Another retry filled it first: hold this one to what it stored.
    stored = (await findBookingById(ctx.db, existing.id))?.idempotencyFingerprint ?? null;
  }
  if (stored !== fingerprint) {
    throw new UnprocessableContentError(
      "This idempotency key was already used for a different booking request. Send a new idempotency key with a new request.",
    );
  }
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
