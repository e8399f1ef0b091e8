import {
  countBookingsList,
  getClinicSettings,
  listBookingsPage,
  listEnquiries,
  searchPatients,
} from "@clinic/db";
import {
  type BookingsFilter,
  bookingStatusLabels,
  type EnquiryStatus,
  enquiryStatusLabels,
  localDateOf,
  MAX_EXPORT_ROWS,
  timeOfDay,
  wallTimeOf,
} from "@clinic/domain";
import { stringify } from "csv-stringify/sync";
import { type AuditAction, type AuditChanges, audit } from "../audit/audit.js";
import { bookingsListFilter } from "../bookings/bookings-list.js";
import type { StaffContext } from "../context.js";
import { BadRequestError } from "../errors.js";

/**
 * CSV exports of the bookings list, the patients and the enquiries (owner and front desk:
 * `lists.export`). Each is audited with who, what, the filters and the row count; never a
 * search's text nor anything else naming a patient. An export is built in memory, so it
 * holds at most MAX_EXPORT_ROWS rows; a larger one is refused, asking for narrower filters.
 */

export interface CsvExport {
  fileName: string;
  /** UTF-8 text with a byte-order mark, so Excel reads accents and non-Latin names right. */
  csv: string;
  rowCount: number;
}

/**
 * Rows as CSV: quoted where needed, and cells a spreadsheet would run as a formula (starting
 * with = + - @, a tab or a carriage return, or their full-width forms) prefixed with `'`.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return stringify([header, ...rows], {
    bom: true,
    escape_formulas: true,
    record_delimiter: "windows",
    // A lone line break inside a cell is quoted too, so no reader takes it for a new row.
    quoted_match: /[\r\n]/,
    cast: { boolean: (value) => (value ? "yes" : "no") },
  });
}

function refuseIfTooLarge(total: number, what: string): void {
  if (total <= MAX_EXPORT_ROWS) return;
  throw new BadRequestError(
    `That is ${total.toLocaleString("en-AU")} ${what}; an export holds at most ${MAX_EXPORT_ROWS.toLocaleString("en-AU")}. Narrow the filters and export in parts.`,
  );
}

/** "2026-03-02 09:30", in the clinic's zone. */
function localStamp(at: Date, timeZone: string): string {
  const { date, minute } = wallTimeOf(timeZone, at.getTime());
  return `${date} ${timeOfDay(minute)}`;
}

/**
 * Every export's last step: audits it (the filter and the row count, never a row) and logs
 * it, then answers with the file.
 */
export async function auditedCsvExport(
  ctx: StaffContext,
  file: {
    action: AuditAction;
    /** The log line, e.g. "bookings exported". */
    message: string;
    filter: Record<string, unknown>;
    fileName: string;
    csv: string;
    rowCount: number;
  },
): Promise<CsvExport> {
  await audit(ctx.db, ctx, {
    action: file.action,
    entityId: null,
    changes: filterChanges(file.filter, file.rowCount),
  });
  ctx.logger.info(file.message, { rows: file.rowCount });
  return { fileName: file.fileName, csv: file.csv, rowCount: file.rowCount };
}

/** A filter as audit changes: each value set, the search only as "yes" (its text may name someone). */
function filterChanges(filter: Record<string, unknown>, rowCount: number): AuditChanges {
  const changes: AuditChanges = {};
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined || value === "") continue;
    changes[key === "query" ? "searched" : key] = {
      from: null,
      to: key === "query" ? true : value,
    };
  }
  changes.format = { from: null, to: "csv" };
  changes.rows = { from: null, to: rowCount };
  return changes;
}

const dated = (name: string, at: Date, timeZone: string) =>
  `${name}-${localDateOf(at, timeZone)}.csv`;

/** The bookings list with its filters, by start time, times in the clinic's zone. */
export async function exportBookingsCsv(
  ctx: StaffContext,
  input: BookingsFilter,
): Promise<CsvExport> {
  const { timeZone, filter } = await bookingsListFilter(ctx, input);
  const total = await countBookingsList(ctx.db, filter);
  refuseIfTooLarge(total, "bookings");
  const items = await listBookingsPage(ctx.db, { ...filter, limit: MAX_EXPORT_ROWS, offset: 0 });
  const local = (at: Date) => wallTimeOf(timeZone, at.getTime());
  const csv = toCsv(
    [
      "Date",
      "Start",
      "End",
      "Status",
      "Practitioner",
      "Service",
      "Patient",
      "Email",
      "Phone",
      "Booked at",
      "Booking id",
    ],
    items.map((b) => [
      local(b.startsAt).date,
      timeOfDay(local(b.startsAt).minute),
      timeOfDay(local(b.endsAt).minute),
      bookingStatusLabels[b.status],
      b.practitioner.name,
      b.service.name,
      b.patient.erased ? "Erased patient" : b.patient.name,
      b.patient.erased ? "" : b.patient.email,
      b.patient.phone,
      localStamp(b.createdAt, timeZone),
      b.id,
    ]),
  );
  return auditedCsvExport(ctx, {
    action: "booking.export_csv",
    message: "bookings exported",
    filter: input,
    fileName: dated("bookings", ctx.now(), timeZone),
    csv,
    rowCount: items.length,
  });
}

/** Patients (all, or those the search matches), by name, with booking counts and visits. */
export async function exportPatientsCsv(
  ctx: StaffContext,
  input: { query?: string | undefined },
): Promise<CsvExport> {
  const { timeZone } = await getClinicSettings(ctx.db);
  const { patients, total } = await searchPatients(ctx.db, {
    query: input.query,
    limit: MAX_EXPORT_ROWS,
    offset: 0,
    now: ctx.now(),
  });
  refuseIfTooLarge(total, "patients");
  const when = (at: Date | null) => (at ? localStamp(at, timeZone) : "");
  const csv = toCsv(
    ["Name", "Email", "Phone", "Bookings", "Next visit", "Last visit", "First seen", "Patient id"],
    patients.map((p) => [
      p.name,
      p.email,
      p.phone,
      p.bookingCount,
      when(p.nextVisit),
      when(p.lastVisit),
      localDateOf(p.createdAt, timeZone),
      p.id,
    ]),
  );
  return auditedCsvExport(ctx, {
    action: "patient.export_csv",
    message: "patients exported",
    filter: input,
    fileName: dated("patients", ctx.now(), timeZone),
    csv,
    rowCount: patients.length,
  });
}

/** Enquiries (all, or of one status), newest first, with the message and counts of notes and replies. */
export async function exportEnquiriesCsv(
  ctx: StaffContext,
  input: { status?: EnquiryStatus | undefined },
): Promise<CsvExport> {
  const { timeZone } = await getClinicSettings(ctx.db);
  const { items, total } = await listEnquiries(ctx.db, {
    status: input.status,
    limit: MAX_EXPORT_ROWS,
    offset: 0,
  });
  refuseIfTooLarge(total, "enquiries");
  const csv = toCsv(
    ["Received", "Status", "Name", "Email", "Phone", "Message", "Notes", "Replies", "Enquiry id"],
    items.map((e) => [
      localStamp(e.createdAt, timeZone),
      enquiryStatusLabels[e.status],
      e.name,
      e.email,
      e.phone,
      e.message,
      e.noteCount,
      e.replyCount,
      e.id,
    ]),
  );
  return auditedCsvExport(ctx, {
    action: "enquiry.export_csv",
    message: "enquiries exported",
    filter: input,
    fileName: dated("enquiries", ctx.now(), timeZone),
    csv,
    rowCount: items.length,
  });
}
