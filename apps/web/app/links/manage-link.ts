import { manageTokenSchema } from "@clinic/domain";
import { notFound } from "@clinic/form-kit/server";
import type { MetaDescriptor } from "@remix-run/node";

/** The manage token from a route param, or null when it can't be one (answer 404 at once). */
export function manageTokenParam(value: string | undefined): string | null {
  const parsed = manageTokenSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** The manage token of a route param, or the booking's 404 at once when it can't be one. */
export function requireManageToken(value: string | undefined): string {
  const token = manageTokenParam(value);
  if (!token) throw notFound("Booking");
  return token;
}

/** Path of a booking's manage page, optionally with a sub-page ("reschedule", "calendar.ics"). */
export function managePath(token: string, subPage?: string): string {
  return subPage ? `/manage/${token}/${subPage}` : `/manage/${token}`;
}

/**
 * Meta tags for pages whose URL holds a manage token: the token must not leak to other sites
 * through the Referer header, and the page must not be indexed. (`same-origin`, not
 * `no-referrer`, which makes browsers send `Origin: null` and Remix refuse the cancel form.)
 */
export const MANAGE_PAGE_META: MetaDescriptor[] = [
  { name: "referrer", content: "same-origin" },
  { name: "robots", content: "noindex, nofollow" },
];

const STATUS_LABELS = {
  confirmed: "Confirmed",
  cancelled: "Cancelled",
  completed: "Completed",
  no_show: "Missed",
} as const;

/** A booking's status in words. */
export function bookingStatusLabel(status: keyof typeof STATUS_LABELS): string {
  return STATUS_LABELS[status];
}
