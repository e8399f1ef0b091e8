import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import {
  bookingUid,
  escapeIcsText,
  foldIcsLine,
  type IcsEvent,
  patientBookingEvent,
  renderEventIcs,
  renderFeedIcs,
} from "./ics.js";

const now = new Date("2026-12-01T03:04:05.678Z");
const clinic = {
  name: "Westside Sports Chiro",
  email: "hello@westsidesportschiro.example",
  phone: "02 9000 1234",
  emailSenderName: "Westside Sports Chiro",
  emailSenderAddress: "bookings@westsidesportschiro.example",
  address: {
    street: "Suite 3, 112 Norton Street",
    suburb: "Leichhardt",
    state: "NSW",
    postcode: "2040",
    country: "Australia",
  },
};

const event = (overrides: Partial<IcsEvent> = {}): IcsEvent => ({
  uid: "0b6c-uid@westsidesportschiro.example",
  sequence: 0,
  status: "CONFIRMED",
  // 9:30 am Sydney daylight time on Tuesday 8 December 2026.
  startsAt: new Date("2026-12-07T22:30:00Z"),
  endsAt: new Date("2026-12-07T23:15:00Z"),
  summary: "Initial assessment",
  ...overrides,
});

// ical.js leaves properties it does not know (RFC 7986 NAME, X-WR-CALNAME) unparsed; both are TEXT.
for (const name of ["name", "x-wr-calname"]) {
  ICAL.design.icalendar.property[name] = { defaultType: "text" };
}

function parse(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const vevents = calendar.getAllSubcomponents("vevent");
  return { calendar, vevents, events: vevents.map((v) => new ICAL.Event(v)) };
}

function physicalLines(ics: string): string[] {
  expect(ics.endsWith("\r\n")).toBe(true);
  return ics.slice(0, -2).split("\r\n");
}

describe("ics output read back by ical.js", () => {
  it("has the calendar header, the UID, UTC times and the status", () => {
    const ics = renderEventIcs(event({ sequence: 3 }), { now });
    const { calendar, events, vevents } = parse(ics);
    expect(calendar.getFirstPropertyValue("version")).toBe("2.0");
    expect(calendar.getFirstPropertyValue("prodid")).toMatch(/\S/);
    expect(calendar.getFirstPropertyValue("calscale")).toBe("GREGORIAN");
    expect(calendar.getFirstPropertyValue("method")).toBe("PUBLISH");
    expect(events).toHaveLength(1);
    const [parsed] = events;
    expect(parsed!.uid).toBe("0b6c-uid@westsidesportschiro.example");
    expect(parsed!.startDate.zone?.tzid).toBe("UTC");
    expect(parsed!.startDate.toJSDate().toISOString()).toBe("2026-12-07T22:30:00.000Z");
    expect(parsed!.endDate.toJSDate().toISOString()).toBe("2026-12-07T23:15:00.000Z");
    expect(parsed!.sequence).toBe(3);
    expect(vevents[0]!.getFirstPropertyValue("status")).toBe("CONFIRMED");
    const stamp = vevents[0]!.getFirstPropertyValue("dtstamp") as ICAL.Time;
    expect(stamp.toJSDate().toISOString()).toBe("2026-12-01T03:04:05.000Z");
    expect(ics).toContain("\r\nDTSTART:20261207T223000Z\r\n");
  });

  it("round-trips commas, semicolons, backslashes and newlines in text", () => {
    const summary = "Rehab, strength; and \\ mobility";
    const description = "Line one, with a comma;\nline two \\ backslash\r\nline three";
    const ics = renderEventIcs(event({ summary, description, location: "Suite 3, Norton St" }), {
      now,
    });
    const [parsed] = parse(ics).events;
    expect(parsed!.summary).toBe(summary);
    expect(parsed!.description).toBe("Line one, with a comma;\nline two \\ backslash\nline three");
    expect(parsed!.location).toBe("Suite 3, Norton St");
    // Nothing leaks out as a bare line break or an unescaped separator.
    expect(ics).toContain("SUMMARY:Rehab\\, strength\\; and \\\\ mobility\r\n");
  });

  it("uses CRLF everywhere and folds long lines at 75 octets, multi-byte characters whole", () => {
    const description = `${"Ünïcödé ✓ 🏃‍♀️ running, ".repeat(20)}end`;
    const ics = renderEventIcs(event({ description }), { now });
    expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    const lines = physicalLines(ics);
    const folded = lines.filter((line) => line.startsWith(" "));
    expect(folded.length).toBeGreaterThan(5);
    for (const line of lines) {
      expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
      // A split surrogate pair or UTF-8 sequence would show as a replacement character.
      expect(Buffer.from(line, "utf8").toString("utf8")).toBe(line);
      expect(line).not.toMatch(/[\ud800-\udbff]$|^ ?[\udc00-\udfff]/);
    }
    const [parsed] = parse(ics).events;
    expect(parsed!.description).toBe(description);
  });

  it("folds exactly at the limit", () => {
    const line = `DESCRIPTION:${"x".repeat(212)}`;
    const parts = foldIcsLine(line).split("\r\n");
    expect(parts.map((p) => Buffer.byteLength(p))).toEqual([75, 75, 75, 2]);
    expect(parts.map((p, i) => (i === 0 ? p : p.slice(1))).join("")).toBe(line);
    expect(foldIcsLine("SHORT:ok")).toBe("SHORT:ok");
  });

  it("a cancellation is METHOD:CANCEL with STATUS:CANCELLED, same UID and a higher SEQUENCE", () => {
    const input = {
      bookingId: "8f1d2c3b-aaaa-4bbb-8ccc-123456789abc",
      startsAt: new Date("2026-12-07T22:30:00Z"),
      endsAt: new Date("2026-12-07T23:15:00Z"),
      serviceName: "Initial assessment",
      practitionerName: "Jason Lee",
      patient: { name: "Pat Runner", email: "pat@example.com" },
      clinic,
      manageUrl: "https://book.example/bookings/manage/tok",
    };
    const created = parse(
      renderEventIcs(patientBookingEvent({ ...input, cancelled: false, sequence: 0 }), { now }),
    );
    const cancelledAt = new Date("2026-12-02T00:00:00Z");
    const cancelled = parse(
      renderEventIcs(
        patientBookingEvent({
          ...input,
          cancelled: true,
          sequence: 1,
        }),
        { now: cancelledAt },
      ),
    );
    expect(cancelled.calendar.getFirstPropertyValue("method")).toBe("CANCEL");
    expect(cancelled.vevents[0]!.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(cancelled.events[0]!.uid).toBe(created.events[0]!.uid);
    expect(created.events[0]!.uid).toBe(
      "8f1d2c3b-aaaa-4bbb-8ccc-123456789abc@westsidesportschiro.example",
    );
    expect(cancelled.events[0]!.sequence).toBeGreaterThan(created.events[0]!.sequence);
    const organizer = cancelled.vevents[0]!.getFirstProperty("organizer");
    expect(organizer?.getFirstValue()).toBe("mailto:bookings@westsidesportschiro.example");
    expect(organizer?.getParameter("cn")).toBe("Westside Sports Chiro");
    expect(created.events[0]!.location).toBe(
      "Westside Sports Chiro, Suite 3, 112 Norton Street, Leichhardt NSW 2040, Australia",
    );
    expect(created.events[0]!.description).toContain("https://book.example/bookings/manage/tok");
  });

  it("a feed holds many events and names the calendar", () => {
    const ics = renderFeedIcs(
      [event({ uid: "a@x.example" }), event({ uid: "b@x.example", summary: "Follow-up" })],
      { now, name: "Jason Lee, Westside" },
    );
    const { calendar, events } = parse(ics);
    expect(events.map((e) => e.uid)).toEqual(["a@x.example", "b@x.example"]);
    expect(calendar.getFirstPropertyValue("name")).toBe("Jason Lee, Westside");
    expect(calendar.getFirstPropertyValue("x-wr-calname")).toBe("Jason Lee, Westside");
    expect(calendar.getFirstPropertyValue("method")).toBe("PUBLISH");
  });
});

describe("ics helpers", () => {
  it("escapes TEXT and drops control characters", () => {
    expect(escapeIcsText("a,b;c\\d\ne\u0007")).toBe("a\\,b\\;c\\\\d\\ne");
  });

  it("the UID host comes from the clinic's email domain", () => {
    expect(bookingUid("abc", { email: "Hello@Clinic.Example" })).toBe("abc@clinic.example");
  });
});
