import {
  availabilityInputSchema,
  bookingCalendarInputSchema,
  bookingManageLinkInputSchema,
  bookingsFilterSchema,
  bookingsListInputSchema,
  cancelByTokenInputSchema,
  createBookingInputSchema,
  idInputSchema,
  manageTokenSchema,
  outsideHoursCheckInputSchema,
  rescheduleByTokenInputSchema,
  setBookingStatusInputSchema,
  staffCancelBookingInputSchema,
  staffCreateBookingInputSchema,
  staffRescheduleBookingInputSchema,
} from "@clinic/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { checkOutsideHours } from "../../bookings/bookable-slots.js";
import { bookingsListPage } from "../../bookings/bookings-list.js";
import {
  bookingByToken,
  bookOnline,
  cancelByToken,
  rescheduleByToken,
} from "../../bookings/patient-bookings.js";
import { staffBookingDetail } from "../../bookings/staff-booking-detail.js";
import {
  setAttendance,
  staffAvailability,
  staffCancel,
  staffCreateBooking,
  staffManageLink,
  staffReschedule,
} from "../../bookings/staff-bookings.js";
import { bookingCalendar } from "../../bookings/staff-calendar.js";
import { exportBookingsCsv } from "../../exports/csv-exports.js";
import { exportProcedure, permissionProcedure, publicProcedure } from "../trpc.js";

export const bookingsRouter = {
  // --- The public: book online, and manage a booking by its emailed link. ---

  /** Books online under the clinic's policy (rate-limited per visitor); returns the manage token. */
  create: publicProcedure
    .input(createBookingInputSchema)
    .mutation(({ ctx, input }) => bookOnline(ctx, input)),

  byToken: publicProcedure
    .input(z.object({ token: manageTokenSchema }))
    .query(({ ctx, input }) => bookingByToken(ctx, input.token)),

  cancelByToken: publicProcedure
    .input(cancelByTokenInputSchema)
    .mutation(({ ctx, input }) => cancelByToken(ctx, input)),

  rescheduleByToken: publicProcedure
    .input(rescheduleByTokenInputSchema)
    .mutation(({ ctx, input }) => rescheduleByToken(ctx, input)),

  // --- Staff. Every practitioner may read every diary; changes are their own only. ---

  /**
   * Day/week calendar for local dates `from`…`to` (≤ 42 days): bookings with
   * patient and service, and per practitioner and day their working stretches,
   * breaks and time off, plus clinic closures; times in `timeZone`.
   */
  list: permissionProcedure("bookings.read")
    .input(bookingCalendarInputSchema)
    .query(({ ctx, input }) => bookingCalendar(ctx, input)),

  /**
   * The bookings list: bookings starting on local dates `from`…`to` (at most 366 days),
   * filtered by practitioner, service, status, patient and a search of the patient's name,
   * email or phone; by start time, 50 a page, with the total.
   */
  search: permissionProcedure("bookings.read")
    .input(bookingsListInputSchema)
    .query(({ ctx, input }) => bookingsListPage(ctx, input)),

  /**
   * The bookings list's matches as a CSV file (at most 10,000 rows; more is a BAD_REQUEST
   * asking for narrower filters). A mutation: every export is audited.
   */
  exportCsv: exportProcedure
    .input(bookingsFilterSchema)
    .mutation(({ ctx, input }) => exportBookingsCsv(ctx, input)),

  /** One booking with patient contact details, history (with staff names), emails and allowed actions. */
  detail: permissionProcedure("bookings.read")
    .input(idInputSchema)
    .query(({ ctx, input }) => staffBookingDetail(ctx, input.id)),

  /**
   * Free times for a staff booking or move: like `availability.slots`, but
   * inside the minimum notice too and up to a year ahead.
   */
  availability: permissionProcedure("bookings.read")
    .input(availabilityInputSchema)
    .query(({ ctx, input }) => staffAvailability(ctx, input)),

  /**
   * For a booking or move outside the usual hours: which of the practitioner's
   * rules the time sets aside (hours, break, time off, closure), and whether it
   * overlaps another booking (refused whatever staff say). Past times: 400.
   */
  checkOutsideHours: permissionProcedure("bookings.write")
    .input(outsideHoursCheckInputSchema)
    .query(({ ctx, input }) => checkOutsideHours(ctx, input)),

  /** Records a started appointment as completed or a no-show; returns the booking's detail. */
  setStatus: permissionProcedure("bookings.write")
    .input(setBookingStatusInputSchema)
    .mutation(({ ctx, input }) => setAttendance(ctx, input)),

  /** Cancels an upcoming booking (no cancellation window for staff) and emails the patient. */
  cancel: permissionProcedure("bookings.write")
    .input(staffCancelBookingInputSchema)
    .mutation(({ ctx, input }) => staffCancel(ctx, input)),

  /**
   * Moves an upcoming booking to a free time, with the same practitioner or
   * another who offers the service; `outsideHours` allows any time clear of
   * other bookings (audited). CONFLICT if just taken or over another booking.
   */
  reschedule: permissionProcedure("bookings.write")
    .input(staffRescheduleBookingInputSchema)
    .mutation(({ ctx, input }) => staffReschedule(ctx, input)),

  /**
   * A booking taken for a patient (e.g. by phone): same slot engine, inside
   * the notice window allowed, or any time with `outsideHours` (audited with
   * the rules set aside); never over another booking (CONFLICT). A patient
   * needs a phone or an email; only those with an email are emailed.
   */
  createForPatient: permissionProcedure("bookings.write")
    .input(staffCreateBookingInputSchema)
    .mutation(({ ctx, input }) => staffCreateBooking(ctx, input)),

  /** The patient's manage link, to read out or text (a mutation: reading it is audited). */
  manageLink: permissionProcedure("bookings.write")
    .input(bookingManageLinkInputSchema)
    .mutation(({ ctx, input }) => staffManageLink(ctx, input)),
} satisfies TRPCRouterRecord;
