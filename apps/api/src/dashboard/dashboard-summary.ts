import {
  countBookingsByRange,
  dashboardSummary,
  getClinicSettings,
  listCalendarBookings,
} from "@clinic/db";
import {
  addLocalDays,
  datesBetween,
  isoWeekLabel,
  lastIsoWeeks,
  localDateOf,
  localDaysRange,
  startOfLocalDay,
} from "@clinic/domain";
import { practitionersWithBookings } from "../bookings/staff-calendar.js";
import type { StaffContext } from "../context.js";

/** Weeks the bookings chart covers, the current one included. */
export const CHART_WEEKS = 12;
/** Days the "coming up" counts cover, today included. */
export const UPCOMING_DAYS = 7;

/**
 * The staff dashboard: the counts it always had (upcoming bookings, pending
 * reviews, new enquiries) plus today's appointments per practitioner, the
 * bookings on each of the next seven days, and the bookings per ISO week for
 * the last twelve weeks (zero weeks included). Days and weeks are local to
 * the clinic's zone; bookings count by appointment start, cancelled ones not.
 */
export async function staffDashboard(ctx: StaffContext) {
  const now = ctx.now();
  const settings = await getClinicSettings(ctx.db);
  const { timeZone } = settings;
  const midnight = (date: string) => startOfLocalDay(timeZone, date);
  const today = localDateOf(now, timeZone);
  const upcomingDates = datesBetween(today, addLocalDays(today, UPCOMING_DAYS - 1));
  const weeks = lastIsoWeeks(today, CHART_WEEKS);

  const [counts, todays, perDay, perWeek] = await Promise.all([
    dashboardSummary(ctx.db, now),
    listCalendarBookings(ctx.db, {
      ...localDaysRange(timeZone, today, today),
      includeCancelled: false,
    }),
    countBookingsByRange(
      ctx.db,
      [...upcomingDates, addLocalDays(today, UPCOMING_DAYS)].map(midnight),
    ),
    countBookingsByRange(
      ctx.db,
      [...weeks, addLocalDays(weeks[weeks.length - 1]!, 7)].map(midnight),
    ),
  ]);
  const practitioners = await practitionersWithBookings(
    ctx.db,
    { fromDate: today, toDate: today },
    todays,
  );
  const active = practitioners.map((p) => ({ id: p.id, name: p.name }));
  return {
    ...counts,
    timeZone,
    today,
    todayByPractitioner: active.map((practitioner) => ({
      practitioner,
      appointments: todays
        .filter((b) => b.practitionerId === practitioner.id)
        .map((b) => ({
          id: b.id,
          status: b.status,
          startsAt: b.startsAt,
          endsAt: b.endsAt,
          patientName: b.patient.name,
          serviceName: b.service.name,
        })),
    })),
    nextDays: upcomingDates.map((date, i) => ({ date, count: perDay[i] ?? 0 })),
    bookingsPerWeek: weeks.map((weekStart, i) => ({
      weekStart,
      isoWeek: isoWeekLabel(weekStart),
      count: perWeek[i] ?? 0,
    })),
  };
}
