import { z } from "zod";
import { idSchema, localDateSchema } from "../common/fields.js";
import { singleLineText } from "../common/storable-text.js";
import { enquiryStatusSchema } from "../enquiries/enquiry.js";
import { bookingStatusSchema } from "./booking.js";

/** Rows per page of the staff bookings list. */
export const BOOKINGS_PAGE_SIZE = 50;

/** The longest stretch the bookings list (and its CSV) covers at once: a year, inclusive. */
export const MAX_BOOKINGS_LIST_DAYS = 366;

/**
 * The most rows one CSV export holds. An export is built in memory and answered in one
 * response, so a larger one is refused with a message asking for narrower filters.
 */
export const MAX_EXPORT_ROWS = 10_000;

const searchTextSchema = singleLineText().trim().max(100, "Search for at most 100 characters");

const bookingsFilterShape = {
  /** Local dates in the clinic's zone, inclusive. */
  from: localDateSchema,
  to: localDateSchema,
  practitionerId: idSchema.optional(),
  serviceId: idSchema.optional(),
  status: bookingStatusSchema.optional(),
  patientId: idSchema.optional(),
  /** The patient's name, email or phone contains this (case-insensitive). */
  query: searchTextSchema.optional(),
};

function checkRange(input: { from: string; to: string }, ctx: z.RefinementCtx) {
  const days = (Date.parse(input.to) - Date.parse(input.from)) / 86_400_000;
  if (Number.isNaN(days)) return;
  if (days < 0) {
    ctx.addIssue({ code: "custom", path: ["to"], message: "End date can't be before start date" });
  } else if (days >= MAX_BOOKINGS_LIST_DAYS) {
    ctx.addIssue({
      code: "custom",
      path: ["to"],
      message: `Show at most ${MAX_BOOKINGS_LIST_DAYS} days at a time`,
    });
  }
}

/** Which bookings the staff list (or its CSV export) holds: start dates and optional filters. */
export const bookingsFilterSchema = z.object(bookingsFilterShape).superRefine(checkRange);
export type BookingsFilter = z.infer<typeof bookingsFilterSchema>;

/** One page of the staff bookings list, by start time. */
export const bookingsListInputSchema = z
  .object({ ...bookingsFilterShape, page: z.number().int().min(1).max(10_000).default(1) })
  .superRefine(checkRange);
export type BookingsListInput = z.input<typeof bookingsListInputSchema>;

/** Patients for a CSV export: all of them, or those matching the patients page's search. */
export const patientsExportInputSchema = z.object({ query: searchTextSchema.optional() });

/** Enquiries for a CSV export: all of them, or one status (the inbox's tab). */
export const enquiriesExportInputSchema = z.object({ status: enquiryStatusSchema.optional() });
