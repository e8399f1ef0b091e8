import { formatAppointmentStart } from "../formatting/time-labels";
import { bookingStatusLabel } from "./manage-link";

/** The patient's bookings page ("Your bookings", decision 031) and the pages around it. */
export const ACCOUNT_PATH = "/account";
export const SIGN_IN_PATH = "/account/sign-in";
export const SIGN_OUT_PATH = "/account/sign-out";

/** Where a listed booking's "manage" link goes: on to its manage page, for its owner only. */
export function accountBookingPath(bookingId: string): string {
  return `/account/bookings/${bookingId}`;
}

/** Why the sign-in page was opened, from its query: after signing out, or a session that ended. */
export function signInNotice(search: URLSearchParams): "signed-out" | "ended" | null {
  if (search.get("signedOut") === "1") return "signed-out";
  if (search.get("ended") === "1") return "ended";
  return null;
}

interface OverviewBooking {
  id: string;
  status: "confirmed" | "cancelled" | "completed" | "no_show";
  startsAt: Date;
  service: { name: string; slug: string };
  practitioner: { name: string; slug: string };
  manageable: boolean;
  canChangeOnline: boolean;
}

/** One booking as the page lists it: words and links, in the clinic's time zone. */
export function bookingListItem(booking: OverviewBooking, timeZone: string) {
  return {
    id: booking.id,
    title: `${booking.service.name} with ${booking.practitioner.name}`,
    when: formatAppointmentStart(booking.startsAt, timeZone),
    startsAt: booking.startsAt.toISOString(),
    status: booking.status,
    statusLabel: bookingStatusLabel(booking.status),
    manageHref: booking.manageable ? accountBookingPath(booking.id) : null,
    canChangeOnline: booking.canChangeOnline,
    rebookHref: `/book/${booking.service.slug}`,
  };
}

export type BookingListItem = ReturnType<typeof bookingListItem>;
