import { formatMoney } from "@clinic/domain";
import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";

/**
 * Turns an audit entry's `changes` (free-form JSON written by the API) into rows people can
 * read: one per field, with its value before and after. The API writes a few shapes:
 * `{ field: { from, to } }` (an edit), `{ after: {…} }` (a creation), `{ before: {…} }` (a
 * deletion), `{ field: { before, after } }`, and plain details (`reason: "…"`).
 */

export interface AuditChangeRow {
  /** Dotted path of the field, e.g. `bookingPolicy.cancellationWindowHours`. */
  field: string;
  label: string;
  /** null when the entry records no earlier value (a creation, a plain detail). */
  before: string | null;
  /** null when the entry records no later value (a deletion). */
  after: string | null;
}

export interface AuditFormatOptions {
  timeZone: string;
  currency?: string;
  /** Names for ids (practitioners, services, staff) so rows show "Jason Lee", not a uuid. */
  names?: ReadonlyMap<string, string>;
}

const LABELS: Record<string, string> = {
  priceCents: "Price",
  durationMinutes: "Duration (minutes)",
  bufferBeforeMinutes: "Buffer before (minutes)",
  bufferAfterMinutes: "Buffer after (minutes)",
  practitionerIds: "Practitioners",
  practitionerId: "Practitioner",
  serviceId: "Service",
  authorId: "Author",
  photoUrl: "Photo",
  coverImageUrl: "Cover image",
  sortOrder: "Display order",
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
  startsAt: "Starts",
  endsAt: "Ends",
  publishedAt: "Publish time",
  contentType: "File type",
  bytes: "File size",
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

/** `{ from, to }` or `{ before, after }` and nothing else: one field's change. */
function asFieldChange(value: unknown): { before: unknown; after: unknown } | null {
  if (!isPlainObject(value)) return null;
  const keys = Object.keys(value).sort().join(",");
  if (keys === "from,to") return { before: value.from, after: value.to };
  if (keys === "after,before") return { before: value.before, after: value.after };
  return null;
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
  return [
    {
      field: path,
      label: fieldLabel(path),
      before: formatAuditValue(before, path, options),
      after: formatAuditValue(after, path, options),
    },
  ];
}

function snapshotRows(
  snapshot: Record<string, unknown>,
  side: "before" | "after",
  options: AuditFormatOptions,
): AuditChangeRow[] {
  return Object.entries(snapshot).map(([field, value]) => {
    const text = formatAuditValue(value, field, options);
    return {
      field,
      label: fieldLabel(field),
      before: side === "before" ? text : null,
      after: side === "after" ? text : null,
    };
  });
}

/** The readable before/after rows of an audit entry's `changes`, in the order they were written. */
export function auditChangeRows(changes: unknown, options: AuditFormatOptions): AuditChangeRow[] {
  if (!isPlainObject(changes)) return [];
  const rows: AuditChangeRow[] = [];
  for (const [field, value] of Object.entries(changes)) {
    if (HIDDEN_FIELDS.has(field)) continue;
    const change = asFieldChange(value);
    if (change) {
      rows.push(...changeRows(field, change.before, change.after, options));
    } else if ((field === "after" || field === "before") && isPlainObject(value)) {
      rows.push(...snapshotRows(value, field, options));
    } else if (field === "after" || field === "before") {
      // `{ before: null }`: nothing was recorded on that side.
      if (value !== null && value !== undefined) {
        rows.push(...snapshotRows({ value }, field, options));
      }
    } else {
      rows.push({
        field,
        label: fieldLabel(field),
        before: null,
        after: formatAuditValue(value, field, options),
      });
    }
  }
  return rows;
}

/** "practitioner.deactivate" → "Practitioner deactivate"; known verbs read as past tense. */
export function auditActionLabel(action: string): string {
  const [entity = action, verb] = action.split(".");
  const past: Record<string, string> = {
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
    photo: "photo changed",
    reply: "replied to",
    note: "note added",
    status: "status changed",
  };
  if (verb === undefined) return humanise(entity);
  return `${humanise(entity)} ${past[verb] ?? humanise(verb).toLowerCase()}`;
}
