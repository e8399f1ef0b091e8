import { type Executor, recordAudit } from "@clinic/db";

/**
 * Every action the audit log records, named `<entity>.<verb>`: the entity is
 * what changed (the log's `entity` column), the verb what happened to it.
 * A new kind of change adds its name here, so the admin can label it.
 */
export const auditActions = [
  // Staff API keys (decision 033): made, revoked, and each call made with one.
  "api_key.create",
  "api_key.revoke",
  "api_key.use",
  "booking.create",
  "booking.cancel",
  "booking.reschedule",
  "booking.set_status",
  // A CSV of the bookings list (no record of its own: the filters and row count are the details).
  "booking.export_csv",
  "calendar_feed.create",
  "calendar_feed.rotate",
  "calendar_feed.revoke",
  // Staff read a booking's manage link (to say or text it to a patient without email).
  "booking.read_manage_link",
  "clinic_closure.create",
  "clinic_closure.delete",
  "email.resend",
  "enquiry.set_status",
  "enquiry.delete",
  "enquiry.add_note",
  "enquiry.reply",
  "enquiry.export_csv",
  // The clinic's intake form: the draft saved, a new version published (decision 029).
  "intake_form.update_draft",
  "intake_form.publish",
  "patient.export",
  "patient.erase",
  "patient.export_csv",
  // Staff read a patient's intake answers (every read is recorded, decision 029).
  "patient.read_intake",
  "post.create",
  "post.update",
  "post.delete",
  "post.publish",
  "post.schedule",
  "post.unpublish",
  "post.update_cover",
  "post.remove_cover",
  // A practice report as CSV (no patient in it: the period and row count are the details).
  "report.export_csv",
  "practitioner.create",
  "practitioner.update",
  "practitioner.update_photo",
  "practitioner.set_weekly_hours",
  "practitioner.deactivate",
  "practitioner.reactivate",
  "practitioner.delete",
  "review.approve",
  "review.reject",
  "review.feature",
  "review.unfeature",
  "service.create",
  "service.update",
  "service.deactivate",
  "service.reactivate",
  "service.delete",
  "settings.update",
  // The text reminders' template and phone country (decision 030).
  "sms_settings.update",
  "staff_user.create",
  "staff_user.update",
  "staff_user.deactivate",
  "staff_user.reactivate",
  "staff_user.reset_password",
  "staff_user.change_password",
  "time_off.create",
  "time_off.delete",
  // Webhook endpoints (decision 032); the secret itself is never in the log.
  "webhook_endpoint.create",
  "webhook_endpoint.update",
  "webhook_endpoint.delete",
  "webhook_endpoint.rotate_secret",
  "webhook_endpoint.send_test",
  "webhook_endpoint.redeliver",
  // A treatment plan booked in one go, and its remaining appointments cancelled together (decision 027).
  "treatment_plan.create",
  "treatment_plan.cancel_rest",
  // The waitlist (decision 028): contact fields changed are named, never their values.
  "waitlist_entry.update",
  "waitlist_entry.remove",
  "waitlist_entry.offer",
] as const;

export type AuditAction = (typeof auditActions)[number];
export type AuditEntity = AuditAction extends `${infer Entity}.${string}` ? Entity : never;

/** One field's value before and after; `null` on the side where it didn't exist. */
export interface FieldChange {
  from: unknown;
  to: unknown;
}

/** The one shape of an entry's `changes`: `{ field: { from, to } }`. */
export type AuditChanges = Record<string, FieldChange>;

/** Who did it, as the log keeps it (the name too, so entries outlive renamed accounts). */
export interface AuditActor {
  id: string;
  name: string;
}

/**
 * Records a staff write; call it in the transaction that makes the write.
 * `ctx` is the staff member's context (or any `{ user, now }`): who, and when
 * by the API's clock.
 */
export async function audit(
  tx: Executor,
  ctx: { user: AuditActor; now: () => Date },
  entry: { action: AuditAction; entityId: string | null; changes: AuditChanges },
): Promise<void> {
  await recordAudit(tx, {
    at: ctx.now(),
    actor: { id: ctx.user.id, name: ctx.user.name },
    action: entry.action,
    entity: entry.action.slice(0, entry.action.indexOf(".")),
    entityId: entry.entityId,
    changes: entry.changes,
  });
}

// Objects compare by content whatever their key order (jsonb columns come back reordered).
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);

/**
 * The fields of `after` whose values differ from `before`. Values compare as
 * JSON (dates by instant, objects whatever their key order); arrays by order,
 * so pass sets sorted.
 */
export function changedFields(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): AuditChanges {
  const changes: AuditChanges = {};
  for (const [key, to] of Object.entries(after)) {
    const from = before[key] ?? null;
    if (!same(from, to ?? null)) changes[key] = { from, to: to ?? null };
  }
  return changes;
}

/** Every field of a new record, as changes from nothing. */
export function createdFields(after: Record<string, unknown>): AuditChanges {
  return Object.fromEntries(
    Object.entries(after).map(([key, to]) => [key, { from: null, to: to ?? null }]),
  );
}

/** Every field of a deleted record, as changes to nothing. */
export function deletedFields(before: Record<string, unknown>): AuditChanges {
  return Object.fromEntries(
    Object.entries(before).map(([key, from]) => [key, { from: from ?? null, to: null }]),
  );
}
