import { describe, expect, it } from "vitest";
import { bookingEmailData } from "../testing/index.js";
import {
  bookingCancelledEmail,
  bookingConfirmationEmail,
  bookingReminderEmail,
  bookingRescheduledEmail,
  formatAppointmentTime,
  newBookingNoticeEmail,
  zoneAbbreviation,
} from "./templates.js";

describe("appointment times in the clinic's zone", () => {
  it("formats the wall-clock time with the zone's abbreviation", () => {
    expect(formatAppointmentTime(new Date("2026-12-07T22:30:00Z"), "Australia/Sydney")).toBe(
      "Tuesday 8 December 2026, 9:30 am AEDT",
    );
  });

  it("switches abbreviation and offset across the April change (daylight time ends)", () => {
    // 9:30 am the day before (UTC+11) and the day after (UTC+10).
    expect(formatAppointmentTime(new Date("2026-04-03T22:30:00Z"), "Australia/Sydney")).toBe(
      "Saturday 4 April 2026, 9:30 am AEDT",
    );
    expect(formatAppointmentTime(new Date("2026-04-05T23:30:00Z"), "Australia/Sydney")).toBe(
      "Monday 6 April 2026, 9:30 am AEST",
    );
    // The repeated hour on the night itself: same wall clock, told apart by the abbreviation.
    expect(formatAppointmentTime(new Date("2026-04-04T15:30:00Z"), "Australia/Sydney")).toBe(
      "Sunday 5 April 2026, 2:30 am AEDT",
    );
    expect(formatAppointmentTime(new Date("2026-04-04T16:30:00Z"), "Australia/Sydney")).toBe(
      "Sunday 5 April 2026, 2:30 am AEST",
    );
  });

  it("switches back across the October change (daylight time starts)", () => {
    expect(formatAppointmentTime(new Date("2026-10-02T23:00:00Z"), "Australia/Sydney")).toBe(
      "Saturday 3 October 2026, 9:00 am AEST",
    );
    expect(formatAppointmentTime(new Date("2026-10-04T22:00:00Z"), "Australia/Sydney")).toBe(
      "Monday 5 October 2026, 9:00 am AEDT",
    );
    expect(formatAppointmentTime(new Date("2026-10-05T04:45:00Z"), "Australia/Sydney")).toBe(
      "Monday 5 October 2026, 3:45 pm AEDT",
    );
  });

  it("uses a clinic elsewhere its own zone", () => {
    const at = new Date("2026-07-01T01:30:00Z");
    expect(formatAppointmentTime(at, "Australia/Perth")).toBe(
      "Wednesday 1 July 2026, 9:30 am AWST",
    );
    expect(zoneAbbreviation("America/New_York", at)).toBe("EDT");
    expect(zoneAbbreviation("Europe/London", at)).toBe("BST");
    // A zone with no common abbreviation still says which offset it means.
    expect(zoneAbbreviation("Asia/Singapore", at)).toBe("GMT+8");
  });

  it("emails show the time on the correct side of the change", () => {
    const before = bookingConfirmationEmail(
      bookingEmailData({
        startsAt: new Date("2026-04-03T22:30:00Z"),
        endsAt: new Date("2026-04-03T23:15:00Z"),
      }),
    );
    const after = bookingReminderEmail(
      bookingEmailData({
        startsAt: new Date("2026-04-05T23:30:00Z"),
        endsAt: new Date("2026-04-06T00:15:00Z"),
      }),
    );
    expect(before.subject).toContain("Saturday 4 April 2026, 9:30 am AEDT");
    expect(before.text).toContain("Saturday 4 April 2026, 9:30 am AEDT");
    expect(before.html).toContain("Saturday 4 April 2026, 9:30 am AEDT");
    expect(after.text).toContain("Monday 6 April 2026, 9:30 am AEST");
    expect(after.text).toContain("10:15 am");
  });
});

describe("booking email content", () => {
  const hostile = bookingEmailData({
    patient: {
      name: `<script>alert("x")</script> & 'Bob'`,
      email: "bob@example.com",
      phone: "<b>0400</b>",
    },
    notes: "<img src=x onerror=alert(1)>",
    service: { name: "Rehab <i>session</i>", durationMinutes: 60 },
    cancellationReason: "</td><script>steal()</script>",
  });
  const all = [
    bookingConfirmationEmail,
    bookingRescheduledEmail,
    bookingCancelledEmail,
    newBookingNoticeEmail,
    bookingReminderEmail,
  ].map((render) => render(hostile));

  it("escapes every interpolated value in the HTML", () => {
    for (const rendered of all) {
      expect(rendered.html).not.toContain("<script");
      expect(rendered.html).not.toContain("<img");
      expect(rendered.html).not.toContain("<i>");
      expect(rendered.html).not.toContain("<b>");
    }
    const [confirmation, , cancelled, notice] = all;
    expect(confirmation!.html).toContain(
      "Hi &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Bob&#39;,",
    );
    expect(notice!.html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(cancelled!.html).toContain("&lt;/td&gt;&lt;script&gt;steal()&lt;/script&gt;");
    // Plain text stays as written.
    expect(confirmation!.text).toContain(`Hi <script>alert("x")</script> & 'Bob',`);
  });

  it("patient emails carry the manage link, the calendar link and the clinic's phone", () => {
    const data = bookingEmailData();
    for (const render of [
      bookingConfirmationEmail,
      bookingRescheduledEmail,
      bookingReminderEmail,
    ]) {
      const rendered = render(data);
      expect(rendered.text).toContain(data.manageUrl);
      expect(rendered.html).toContain(`href="${data.manageUrl}"`);
      expect(rendered.html).toContain(`href="${data.calendarUrl}"`);
      expect(rendered.text).toContain("02 9000 1234");
      expect(rendered.text).toContain("Jason Lee");
      expect(rendered.text).toContain("Initial assessment (45 minutes)");
      expect(rendered.text).toContain("Suite 3, 112 Norton Street, Leichhardt NSW 2040");
    }
    expect(bookingCancelledEmail(data).text).toContain("02 9000 1234");
  });

  it("the reschedule email shows the old and the new time", () => {
    const rendered = bookingRescheduledEmail(
      bookingEmailData({ previousStartsAt: new Date("2026-12-06T22:30:00Z") }),
    );
    expect(rendered.subject).toContain("Tuesday 8 December 2026, 9:30 am AEDT");
    expect(rendered.text).toMatch(/Was:\s+Monday 7 December 2026, 9:30 am AEDT/);
    expect(rendered.text).toMatch(/When:\s+Tuesday 8 December 2026, 9:30 am AEDT/);
  });

  it("the cancellation shows a reason only when there is one", () => {
    expect(
      bookingCancelledEmail(bookingEmailData({ cancellationReason: "Feeling better" })).text,
    ).toMatch(/Reason:\s+Feeling better/);
    expect(
      bookingCancelledEmail(bookingEmailData({ cancellationReason: null })).text,
    ).not.toContain("Reason");
  });

  it("the clinic's notice has the patient's contact details and notes", () => {
    const notice = newBookingNoticeEmail(bookingEmailData());
    expect(notice.subject).toBe(
      "New booking: Pat Runner, Initial assessment with Jason Lee, Tuesday 8 December 2026, 9:30 am AEDT",
    );
    expect(notice.text).toContain("pat@example.com");
    expect(notice.text).toContain("0400 111 222");
    expect(notice.text).toContain("Left knee pain after long runs");
    // The patient's private manage link is not handed around the clinic's inbox.
    expect(notice.text).not.toContain("/manage/");
  });

  it("the clinic's notice says who made the booking", () => {
    expect(newBookingNoticeEmail(bookingEmailData({ bookedBy: "patient" })).text).toContain(
      "A new appointment was booked online.",
    );
    const staff = newBookingNoticeEmail(bookingEmailData({ bookedBy: "staff" })).text;
    expect(staff).toContain("A new appointment was booked by the clinic's staff.");
    expect(staff).not.toContain("online");
  });

  it("keeps subjects on one line", () => {
    const rendered = bookingConfirmationEmail(
      bookingEmailData({ clinic: { ...bookingEmailData().clinic, name: "Evil\r\nBcc: x@y.z" } }),
    );
    expect(rendered.subject).not.toMatch(/[\r\n]/);
  });
});
