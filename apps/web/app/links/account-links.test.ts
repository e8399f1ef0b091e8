import { describe, expect, it } from "vitest";
import { signInLinkFormSchema, signInLinkSentMessage } from "../forms/sign-in-link-form";
import { accountBookingPath, bookingListItem, signInNotice } from "./account-links";

const booking = {
  id: "7b0f8f52-4c4b-4d7e-9c39-0d6c6f2f0a11",
  status: "confirmed" as const,
  // 9:30 am in Sydney on the day clocks go forward (5 October 2025, AEST → AEDT).
  startsAt: new Date("2025-10-04T22:30:00Z"),
  service: { name: "Follow-up adjustment", slug: "follow-up-adjustment" },
  practitioner: { name: "Jason Lee", slug: "jason-lee" },
  manageable: true,
  canChangeOnline: true,
};

describe("a booking on the patient's list", () => {
  it("reads in the clinic's zone, across a daylight-saving change, with its manage link", () => {
    const item = bookingListItem(booking, "Australia/Sydney");
    expect(item.title).toBe("Follow-up adjustment with Jason Lee");
    expect(item.when).toMatch(/Sunday 5 October.*9:30/);
    expect(item.when).toMatch(/AEDT/);
    expect(item.statusLabel).toBe("Confirmed");
    expect(item.manageHref).toBe(accountBookingPath(booking.id));
    expect(item.manageHref).toBe(`/account/bookings/${booking.id}`);
  });

  it("has no manage link when the API can't hand one over", () => {
    expect(bookingListItem({ ...booking, manageable: false }, "UTC").manageHref).toBeNull();
  });
});

describe("the sign-in page", () => {
  it("says why it was opened", () => {
    expect(signInNotice(new URLSearchParams("signedOut=1"))).toBe("signed-out");
    expect(signInNotice(new URLSearchParams("ended=1"))).toBe("ended");
    expect(signInNotice(new URLSearchParams(""))).toBeNull();
  });

  it("takes an email address, lowercased, and answers the same for any address", () => {
    expect(signInLinkFormSchema.parse({ email: " Pat@Example.com " })).toEqual({
      email: "pat@example.com",
    });
    expect(signInLinkFormSchema.safeParse({ email: "not an email" }).success).toBe(false);
    expect(signInLinkSentMessage("a@example.com")).toMatch(/^If a@example.com is the email/);
  });
});
