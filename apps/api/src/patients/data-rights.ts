import { collectPatientData, erasePatient } from "@clinic/db";
import { confirmsErasure } from "@clinic/domain";
import { audit } from "../audit/audit.js";
import type { StaffContext } from "../context.js";
import { BadRequestError, FieldError, NotFoundError } from "../errors.js";
import { queueBookingWebhook } from "../webhooks/webhook-events.js";

// A patient's data rights (decision 018): a copy of everything held about them, and erasure.
// Both leave an audit entry naming the patient's id only, never their details.

const NOT_FOUND = "We couldn't find that patient";

/**
 * Everything held about a patient as one document (details, bookings with their history and
 * emails, enquiries and reviews from their address, audit entries about them), with the name
 * of the file the admin offers it as. Audited as `patient.export`.
 */
export async function exportPatientData(ctx: StaffContext, id: string) {
  return ctx.db.transaction(async (tx) => {
    const data = await collectPatientData(tx, id);
    if (!data) throw new NotFoundError(NOT_FOUND);
    const exportedAt = ctx.now();
    await audit(tx, ctx, {
      action: "patient.export",
      entityId: id,
      changes: { format: { from: null, to: "json" } },
    });
    return {
      // The id, not the name: the file name shows up in download lists and logs.
      fileName: `patient-${id}-${exportedAt.toISOString().slice(0, 10)}.json`,
      exportedAt,
      ...data,
    };
  });
}

/**
 * Erases a patient once staff have typed their name (see `erasePatient` for what goes and
 * what stays); answers with what it did, in counts. Audited as `patient.erase`.
 */
export async function erasePatientData(
  ctx: StaffContext,
  input: { id: string; confirmName: string },
) {
  const now = ctx.now();
  const result = await ctx.db.transaction(async (tx) => {
    const erased = await erasePatient(tx, input.id, {
      now,
      actor: { id: ctx.user.id, name: ctx.user.name },
      reason: "request",
      confirm: (name) => confirmsErasure(name, input.confirmName),
    });
    // Integrations keep a copy of the diary: their upcoming bookings are cancelled, told with
    // the patient's details already erased (the earlier events about them are gone).
    if (erased.outcome === "erased") {
      for (const bookingId of erased.cancelledBookingIds) {
        await queueBookingWebhook(tx, { bookingId, kind: "cancelled", at: now });
      }
    }
    return erased;
  });
  switch (result.outcome) {
    case "not_found":
      throw new NotFoundError(NOT_FOUND);
    case "already_erased":
      throw new BadRequestError("This patient's details were already erased");
    case "not_confirmed":
      // The message never repeats the name: refusals can end up in logs.
      throw new FieldError("confirmName", "That isn't the patient's name as shown on this page");
    case "erased":
      ctx.logger.info("patient erased", { patientId: input.id, ...result.counts });
      return { id: input.id, ...result.counts };
  }
}
