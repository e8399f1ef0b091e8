import { randomUUID } from "node:crypto";
import {
  findBookingById,
  findTreatmentPlanIdByIdempotencyKey,
  getClinicSettings,
  insertBooking,
  insertTreatmentPlan,
  SQLSTATE,
  sqlState,
  upsertPatient,
} from "@clinic/db";
import {
  localDateOf,
  planOccurrences,
  planRuleOf,
  type treatmentPlanCreateInputSchema,
} from "@clinic/domain";
import type { z } from "zod";
import { audit, createdFields } from "../audit/audit.js";
import {
  blockedRange,
  requireFreeSlot,
  requireInsideBookingWindow,
  requireService,
} from "../bookings/bookable-slots.js";
import { recordBookingChange, staffActor } from "../bookings/booking-history.js";
import { hashManageToken, manageTokenFor } from "../bookings/manage-token.js";
import { emailData } from "../bookings/patient-views.js";
import type { StaffContext } from "../context.js";
import { enqueueBookingReminder } from "../email/booking-emails.js";
import { formatAppointmentTime } from "../email/templates.js";
import { ConflictError, FieldError } from "../errors.js";
import { issueIntakeRequest } from "../intake/intake-forms.js";
import { replaceSmsReminder } from "../sms/sms-reminders.js";
import { queueBookingWebhook } from "../webhooks/webhook-events.js";
import { enqueuePlanCreatedEmails } from "./plan-emails.js";
import { PlanAppointmentConflictError } from "./plan-errors.js";
import { planCandidates, renamingStartField } from "./plan-rules.js";
import { treatmentPlanView } from "./plan-views.js";

type CreateInput = z.output<typeof treatmentPlanCreateInputSchema>;

/**
 * Books a treatment plan: the plan row and every appointment staff confirmed
 * (all of the preview's, or the subset they chose, each at its own time or an
 * alternative) in ONE transaction, each an ordinary booking with its own
 * manage link, history, audit entry and reminder; ONE confirmation email with
 * every date and one .ics, and one notice to the clinic. Each appointment is
 * checked against the slot engine in the transaction, and the exclusion
 * constraint has the last word: an appointment lost to a race is a CONFLICT
 * naming it (`appointments.<i>.start`, `details.index`) and nothing is written.
 * A repeated idempotency key answers with the plan it made.
 */
export async function createPlan(ctx: StaffContext, input: CreateInput) {
  if (input.idempotencyKey) {
    const earlier = await findTreatmentPlanIdByIdempotencyKey(ctx.db, input.idempotencyKey);
    if (earlier) return treatmentPlanView(ctx, earlier);
  }
  const settings = await getClinicSettings(ctx.db);
  const { timeZone } = settings;
  const now = ctx.now();
  renamingStartField("firstStart", "", () =>
    requireInsideBookingWindow({ settings, rules: "staff", now, start: input.firstStart }),
  );
  const service = await requireService(ctx.db, input.serviceId);
  const { choice, candidates } = planCandidates(ctx.user, service, input.practitionerId);
  const occurrences = planOccurrences(planRuleOf(input, timeZone));
  const label = (start: Date) => formatAppointmentTime(start, timeZone);

  const appointments = input.appointments
    .map((a, i) => ({ ...a, field: `appointments.${i}` }))
    .sort((a, b) => a.start.getTime() - b.start.getTime());
  for (const a of appointments) {
    if (a.index > occurrences.length) {
      throw new FieldError(`${a.field}.index`, `The plan has ${occurrences.length} appointments`);
    }
    if (!candidates.some((p) => p.id === a.practitionerId)) {
      throw new FieldError(
        `${a.field}.practitionerId`,
        `Appointment ${a.index}: that practitioner can't take this plan's ${service.name}`,
      );
    }
    renamingStartField(`${a.field}.start`, `Appointment ${a.index}: `, () =>
      requireInsideBookingWindow({ settings, rules: "staff", now, start: a.start }),
    );
  }

  let current: (typeof appointments)[number] | null = null;
  try {
    const planId = await ctx.db.transaction(async (tx) => {
      const patient = await upsertPatient(tx, input.patient);
      const plan = await insertTreatmentPlan(tx, {
        patientId: patient.id,
        serviceId: service.id,
        practitionerId: choice === "any" ? null : choice,
        intervalUnit: input.intervalUnit,
        intervalCount: input.intervalCount,
        occurrenceCount: input.untilDate === undefined ? (input.occurrenceCount ?? null) : null,
        untilDate: input.untilDate ?? null,
        firstStartsAt: occurrences[0]!.start,
        idempotencyKey: input.idempotencyKey ?? null,
        createdBy: ctx.user.id,
      });
      const lines = [];
      for (const [position, a] of appointments.entries()) {
        current = a;
        const day = localDateOf(a.start, timeZone);
        await requireFreeSlot(tx, {
          settings,
          rules: "staff",
          service,
          practitionerIds: [a.practitionerId],
          from: day,
          to: day,
          now,
          start: a.start,
        });
        const id = randomUUID();
        const token = manageTokenFor(id, ctx.appSecret);
        await insertBooking(tx, {
          id,
          serviceId: service.id,
          practitionerId: a.practitionerId,
          patientId: patient.id,
          ...blockedRange(service, a.start),
          notes: input.notes,
          contactConsent: false,
          idempotencyKey: null,
          manageTokenHash: hashManageToken(token),
          treatmentPlanId: plan.id,
        });
        const details = (await findBookingById(tx, id))!;
        await recordBookingChange(tx, staffActor(ctx), id, {
          event: "created",
          details: {
            returningPatient: patient.returning || position > 0,
            by: "staff",
            treatmentPlanId: plan.id,
          },
          action: "booking.create",
          changes: createdFields({
            status: details.status,
            startsAt: details.startsAt,
            serviceId: service.id,
            practitionerId: a.practitionerId,
            patientId: patient.id,
            returningPatient: patient.returning || position > 0,
            treatmentPlanId: plan.id,
          }),
        });
        await queueBookingWebhook(tx, { bookingId: id, kind: "created", at: now });
        // A patient who asked for text reminders gets one for each appointment of the plan too.
        await replaceSmsReminder(tx, ctx, "created", details, settings, now);
        const data = { ...emailData(ctx, details, settings, token), bookedBy: "staff" as const };
        await enqueueBookingReminder(tx, data, now);
        lines.push({ position: position + 1, data });
      }
      current = null;
      // A new patient's plan email links to the clinic's intake form, as a first booking's does.
      const first = lines[0]?.data;
      const intakeUrl =
        first && !patient.returning
          ? await issueIntakeRequest(tx, ctx, {
              patientId: patient.id,
              bookingId: first.bookingId,
              startsAt: first.startsAt,
              now,
            })
          : null;
      await enqueuePlanCreatedEmails(tx, lines, settings, now, intakeUrl);
      await audit(tx, ctx, {
        action: "treatment_plan.create",
        entityId: plan.id,
        changes: createdFields({
          patientId: patient.id,
          serviceId: service.id,
          practitionerId: choice === "any" ? null : choice,
          intervalUnit: input.intervalUnit,
          intervalCount: input.intervalCount,
          occurrenceCount: input.occurrenceCount ?? null,
          untilDate: input.untilDate ?? null,
          bookings: lines.length,
        }),
      });
      return plan.id;
    });
    ctx.logger.info("treatment plan created", { treatmentPlanId: planId });
    return treatmentPlanView(ctx, planId);
  } catch (error) {
    const state = sqlState(error);
    const failed = current as (typeof appointments)[number] | null;
    if (state === SQLSTATE.uniqueViolation && input.idempotencyKey) {
      // A retry racing its first attempt: answer with what the first one made.
      const earlier = await findTreatmentPlanIdByIdempotencyKey(ctx.db, input.idempotencyKey);
      if (earlier) return treatmentPlanView(ctx, earlier);
    }
    if (failed && (state === SQLSTATE.exclusionViolation || error instanceof ConflictError)) {
      throw new PlanAppointmentConflictError(
        `Appointment ${failed.index} (${label(failed.start)}) was just taken, so nothing was booked. Preview the plan again to see the free times.`,
        `${failed.field}.start`,
        { index: failed.index, start: failed.start },
      );
    }
    if (failed && error instanceof FieldError && error.issues[0]?.path.join(".") === "start") {
      throw new FieldError(
        `${failed.field}.start`,
        `Appointment ${failed.index} (${label(failed.start)}): ${error.message}`,
      );
    }
    throw error;
  }
}
