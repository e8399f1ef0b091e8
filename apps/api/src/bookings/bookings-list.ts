import { countBookingsList, getClinicSettings, listBookingsPage } from "@clinic/db";
import { BOOKINGS_PAGE_SIZE, type BookingsFilter, localDaysRange } from "@clinic/domain";
import type { StaffContext } from "../context.js";

/** The list's filter as the database takes it: the local dates become instants in the clinic's zone. */
export async function bookingsListFilter(ctx: StaffContext, filter: BookingsFilter) {
  const { timeZone } = await getClinicSettings(ctx.db);
  return { timeZone, filter: { ...filter, ...localDaysRange(timeZone, filter.from, filter.to) } };
}

/**
 * Bookings that start on local dates `from`…`to` (in the clinic's zone), filtered by
 * practitioner, service, status, patient and a search of the patient's name, email or phone,
 * by start time, 50 a page. Every practitioner reads every diary (`bookings.read`).
 */
export async function bookingsListPage(
  ctx: StaffContext,
  input: BookingsFilter & { page: number },
) {
  const { page, ...rest } = input;
  const { timeZone, filter } = await bookingsListFilter(ctx, rest);
  const [total, items] = await Promise.all([
    countBookingsList(ctx.db, filter),
    listBookingsPage(ctx.db, {
      ...filter,
      limit: BOOKINGS_PAGE_SIZE,
      offset: (page - 1) * BOOKINGS_PAGE_SIZE,
    }),
  ]);
  return {
    items,
    total,
    page,
    pageSize: BOOKINGS_PAGE_SIZE,
    pageCount: Math.max(1, Math.ceil(total / BOOKINGS_PAGE_SIZE)),
    timeZone,
  };
}
