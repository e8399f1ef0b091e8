import { formatMoney } from "@clinic/domain";
import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";

/**
 * Turns an audit entry's `changes` into rows people can read: one per field, with its value
 * before and after. The API records one shape, `{ field: { from, to } }`: a creation has every
 * field `from: null`, a deletion every field `to: null`, and a detail such as a cancellation
 * reason is a field of its own (`cancellationReason: { from: null, to: "…" }`).
 */

export interface AuditChangeRow {
  /** Dotted path of the field, e.g. `bookingPolicy.cancellationWindowHours`. */
  field: string;
  label: string;
  /** null when there was no earlier value (a creation, a detail recorded with the change). */
  before: string | null;
  /** null when there is no later value (a deletion). */
  after: string | null;
}

export interface AuditFormatOptions {
  timeZone: string;
  currency?: string;
  /** Names for ids (practitioners, services, staff, patients) so rows show "Jason Lee", not a uuid. */
  names?: ReadonlyMap<string, string>;
}

const LABELS: Record<string, string> = {
  priceCents: "Price",
  durationMinutes: "Duration (minutes)",
  bufferBeforeMinutes: "Buffer before (minutes)",
  bufferAfterMinutes: "Buffer after (minutes)",
  practitionerIds: "Practitioners",
  practitionerId: "Practitioner",
  patientId: "Patient",
  serviceId: "Service",
  authorId: "Author",
  photoUrl: "Photo",
  coverImageUrl: "Cover image",
  photoAlt: "Photo description",
  cover: "Cover image",
  coverImageAlt: "Cover description",
  sortOrder: "Display order",
  rows: "Rows exported",
  searched: "Searched by patient",
  patientType: "For patients",
  active: "Active",
  slotStepMinutes: "Slot step (minutes)",
  minNoticeMinutes: "Minimum notice (minutes)",
  horizonDays: "Booking horizon (days)",
  cancellationWindowHours: "Cancellation window (hours)",
  bookingPolicy: "Booking policy",
  timeZone: "Time zone",
  emailSenderName: "Email sender name",
  emailSenderAddress: "Email sender address",
  websiteUrl: "Website",
  sentEmailRetentionDays: "Keep sent emails (days)",
  inactiveRetentionYears: "Remove inactive patients and enquiries (years)",
  holidayRegion: "Public holidays region",
  startsAt: "Starts",
  endsAt: "Ends",
  publishedAt: "Publish time",
  contentType: "File type",
  bytes: "File size",
  // The schedule rules a booking outside the usual hours set aside (closure, break, …).
  outsideHours: "Outside the usual hours",
};

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_TEXT = 240;

// Internal references that mean nothing to people reading the log.
const HIDDEN_FIELDS = new Set(["noteId", "replyId", "outboxMessageId"]);
// Fields whose values are codes ("in_progress", "front_desk"): shown as words.
const CODE_FIELDS = new Set(["status", "role", "patientType", "kind"]);

/** "cancellationWindowHours" → "Cancellation window hours", unless a better label is known. */
export function fieldLabel(path: string): string {
  return path
    .split(".")
    .map((part) => LABELS[part] ?? humanise(part))
    .join(" › ");
}

function humanise(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[_-]+/g, " ")
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `{ from, to }` and nothing else: one field's change. */
function isFieldChange(value: unknown): value is { from: unknown; to: unknown } {
  return isPlainObject(value) && Object.keys(value).sort().join(",") === "from,to";
}

/** A stored value as text: dates in the clinic's zone, money as money, ids as names. */
export function formatAuditValue(
  value: unknown,
  field: string,
  options: AuditFormatOptions,
): string {
  if (value === null || value === undefined || value === "") return "(empty)";
  if (typeof value === "boolean") return value ? "Yes" : "No";
  const key = field.split(".").at(-1) ?? field;
  if (typeof value === "number") {
    if (key.endsWith("Cents") && Number.isInteger(value)) {
      return formatMoney(value, options.currency ?? "AUD", "en-AU");
    }
    if (key === "bytes") return `${(value / 1024).toFixed(0)} KB`;
    return value.toLocaleString("en-AU");
  }
  if (typeof value === "string") {
    if (ISO_INSTANT.test(value)) {
      const instant = new Date(value);
      if (!Number.isNaN(instant.getTime())) {
        return format(new TZDate(instant, options.timeZone), "EEE d MMM yyyy, h:mm aaa");
      }
    }
    if (UUID.test(value)) return options.names?.get(value) ?? value;
    if (CODE_FIELDS.has(key) && /^[a-z]+(?:_[a-z]+)*$/.test(value)) return humanise(value);
    return value.length > MAX_TEXT ? `${value.slice(0, MAX_TEXT - 1).trimEnd()}…` : value;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return "(none)";
    return value.map((item) => formatAuditValue(item, field, options)).join(", ");
  }
  if (isPlainObject(value)) {
    const parts = Object.entries(value).map(
      ([k, v]) => `${fieldLabel(k)}: ${formatAuditValue(v, k, options)}`,
    );
    return parts.length === 0 ? "(empty)" : parts.join("; ");
  }
  return String(value);
}

function changeRows(
  path: string,
  before: unknown,
  after: unknown,
  options: AuditFormatOptions,
): AuditChangeRow[] {
  // Two versions of a nested object (e.g. the booking policy): one row per sub-field that changed.
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys
      .filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]))
      .flatMap((k) => changeRows(`${path}.${k}`, before[k], after[k], options));
  }
  // Some entries list a field that stayed the same (e.g. `featured` on an approval): not a change.
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  const side = (value: unknown) =>
    value === null || value === undefined ? null : formatAuditValue(value, path, options);
  return [{ field: path, label: fieldLabel(path), before: side(before), after: side(after) }];
}

/** The readable before/after rows of an audit entry's `changes`, in the order they were written. */
export function auditChangeRows(changes: unknown, options: AuditFormatOptions): AuditChangeRow[] {
  if (!isPlainObject(changes)) return [];
  return Object.entries(changes).flatMap(([field, change]) =>
    HIDDEN_FIELDS.has(field) || !isFieldChange(change)
      ? []
      : changeRows(field, change.from, change.to, options),
  );
}

const ENTITY_LABELS: Record<string, string> = {
  staff_user: "Staff account",
  settings: "Settings",
  time_off: "Time off",
  api_key: "API key",
};

/** What an entry is about, in words: "Staff account", "Clinic closure", "Practitioner". */
export function auditEntityLabel(entity: string): string {
  return ENTITY_LABELS[entity] ?? humanise(entity);
}

// Each verb of the API's `<entity>.<verb>` actions, as what happened to the entity.
const PAST: Record<string, string> = {
  create: "created",
  update: "updated",
  delete: "deleted",
  deactivate: "deactivated",
  reactivate: "reactivated",
  approve: "approved",
  reject: "rejected",
  feature: "featured",
  unfeature: "unfeatured",
  publish: "published",
  unpublish: "unpublished",
  schedule: "scheduled",
  cancel: "cancelled",
  reschedule: "rescheduled",
  reply: "replied to",
  set_status: "status changed",
  add_note: "note added",
  update_photo: "photo changed",
  update_cover: "cover changed",
  remove_cover: "cover removed",
  set_weekly_hours: "weekly hours changed",
  reset_password: "password reset",
  change_password: "password changed",
  export: "data exported",
  export_csv: "list exported as CSV",
  erase: "details erased",
  rotate: "address replaced",
  revoke: "turned off",
  resend: "sent again",
  view: "viewed",
  read_manage_link: "manage link read out",
  rotate_secret: "secret rotated",
  send_test: "test event sent",
  redeliver: "delivery sent again",
  cancel_rest: "remaining appointments cancelled",
  // A call made with an API key (decision 033).
  use: "used",
};

/** "enquiry.set_status" → "Enquiry status changed"; an unknown verb reads as itself. */
export function auditActionLabel(action: string): string {
  const [entity = action, verb] = action.split(".");
  if (verb === undefined) return auditEntityLabel(entity);
  return `${auditEntityLabel(entity)} ${PAST[verb] ?? humanise(verb).toLowerCase()}`;
}
