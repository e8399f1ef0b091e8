import { createCookie } from "@remix-run/node";
import { type BookingDraft, bookingDraftSchema } from "../forms/booking-form";

/**
 * The details a patient typed, kept for a few minutes when the time they chose was taken, so
 * the next details page is filled in again. Only ever shown back to the same browser, so it
 * needs no signature; it is HTTP-only and scoped to the booking pages.
 */
const draftCookie = createCookie("booking_draft", {
  path: "/book",
  httpOnly: true,
  sameSite: "lax",
  maxAge: 30 * 60,
});

function secureFor(request: Request): boolean {
  return new URL(request.url).protocol === "https:";
}

export async function readBookingDraft(request: Request): Promise<BookingDraft | null> {
  const value: unknown = await draftCookie.parse(request.headers.get("cookie"));
  const parsed = bookingDraftSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** The Set-Cookie header that keeps a draft. */
export function saveBookingDraft(request: Request, draft: BookingDraft): Promise<string> {
  return draftCookie.serialize(draft, { secure: secureFor(request) });
}

/** The Set-Cookie header that forgets the draft (after a booking is made). */
export function clearBookingDraft(request: Request): Promise<string> {
  return draftCookie.serialize("", { maxAge: 0, secure: secureFor(request) });
}
