import { longDateLabel, planRepeatLabel, TIME_OF_DAY_LABELS, type TimeOfDay } from "@clinic/domain";
import { formatAppointmentStart, formatDateRange } from "../formatting/time-labels";
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

interface OverviewPlan {
  id: string;
  service: { name: string };
  practitioner: { name: string } | null;
  intervalUnit: "day" | "week";
  intervalCount: number;
  bookings: { id: string; position: number; status: OverviewBooking["status"]; startsAt: Date }[];
}

/** One treatment plan as the page lists it: what and how often, then each appointment's date. */
export function treatmentPlanItem(plan: OverviewPlan, timeZone: string) {
  const ahead = plan.bookings.filter((b) => b.status === "confirmed").length;
  return {
    id: plan.id,
    title: `${plan.service.name} ${planRepeatLabel(plan)}${plan.practitioner ? ` with ${plan.practitioner.name}` : ""}`,
    summary: `${plan.bookings.length} appointments, ${ahead} still ahead`,
    appointments: plan.bookings.map((b) => ({
      id: b.id,
      label: formatAppointmentStart(b.startsAt, timeZone),
      startsAt: b.startsAt.toISOString(),
      statusLabel: bookingStatusLabel(b.status),
    })),
  };
}

export type TreatmentPlanItem = ReturnType<typeof treatmentPlanItem>;

interface OverviewWaitlistEntry {
  id: string;
  service: { name: string; slug: string };
  practitioner: { name: string } | null;
  fromDate: string;
  toDate: string;
  timesOfDay: string[];
}

/** A waitlist entry as the page lists it: what, with whom, which days and times of day. */
export function waitlistEntryItem(entry: OverviewWaitlistEntry) {
  return {
    id: entry.id,
    title: `${entry.service.name} with ${entry.practitioner?.name ?? "any practitioner"}`,
    days:
      entry.fromDate === entry.toDate
        ? longDateLabel(entry.fromDate)
        : formatDateRange(entry.fromDate, entry.toDate),
    times: entry.timesOfDay.map((t) => TIME_OF_DAY_LABELS[t as TimeOfDay] ?? t).join(", "),
  };
}

export type WaitlistEntryItem = ReturnType<typeof waitlistEntryItem>;
