import { type Executor, recordBookingEvent } from "@clinic/db";
import { type AuditAction, type AuditActor, type AuditChanges, audit } from "../audit/audit.js";
import type { StaffContext } from "../context.js";

/**
 * Who makes a change: the patient (by link or the online form) or a signed-in
 * staff member, with what the audit log needs of them (who, and the API's clock).
 */
export type BookingActor =
  | { kind: "patient" }
  | { kind: "staff"; user: AuditActor; now: () => Date };

export function staffActor(ctx: StaffContext): BookingActor {
  return { kind: "staff", user: ctx.user, now: ctx.now };
}

/** A change as the booking's history tells it, and as the audit log does when staff made it. */
export interface BookingChange {
  /** The history entry's kind: "created", "cancelled", "rescheduled", "completed", … */
  event: string;
  details: Record<string, unknown>;
  action: AuditAction;
  changes: AuditChanges;
}

/**
 * Writes a change into the booking's history (staff read it on the booking,
 * "patient" or the staff member's id as the actor) and, for staff, into the
 * audit log. Call it in the transaction that makes the change.
 */
export async function recordBookingChange(
  tx: Executor,
  by: BookingActor,
  bookingId: string,
  change: BookingChange,
): Promise<void> {
  await recordBookingEvent(tx, {
    bookingId,
    kind: change.event,
    actor: by.kind === "patient" ? "patient" : by.user.id,
    details: change.details,
  });
  if (by.kind === "staff") {
    await audit(tx, by, { action: change.action, entityId: bookingId, changes: change.changes });
  }
}
