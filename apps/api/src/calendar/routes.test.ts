import { randomBytes } from "node:crypto";
import { schema, setCalendarTokenHash } from "@clinic/db";
import { eq } from "drizzle-orm";
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashToken } from "../auth/sessions.js";
import { createTestApp, insertTestBooking } from "../testing/index.js";

const token = () => randomBytes(32).toString("base64url");
// Far from the demo bookings the seed places around today.
const NOW = new Date("2031-06-01T00:00:00Z");
const DAY = 24 * 60 * 60 * 1000;

function parse(body: string) {
  const calendar = new ICAL.Component(ICAL.parse(body));
  return {
    calendar,
    vevents: calendar.getAllSubcomponents("vevent"),
    events: calendar.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v)),
  };
}

describe("calendar routes", () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  beforeAll(async () => {
    t = await createTestApp({ now: () => NOW });
  });
  afterAll(() => t.close());

  it("serves a booking's event by its manage token", async () => {
    const manage = token();
    const { booking, practitioner, service } = await insertTestBooking(t.db, {
      startsAt: new Date("2031-06-10T23:30:00Z"),
      manageTokenHash: hashToken(manage),
    });
    const res = await t.app.request(`/bookings/${manage}/calendar.ics`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    const body = await res.text();
    expect(
      body
        .split("\r\n")
        .slice(0, -1)
        .every((line) => !line.includes("\n")),
    ).toBe(true);
    const { events, vevents } = parse(body);
    expect(events).toHaveLength(1);
    expect(events[0]!.uid).toBe(`${booking.id}@westsidesportschiro.example`);
    expect(events[0]!.startDate.toJSDate()).toEqual(booking.startsAt);
    expect(events[0]!.endDate.toJSDate()).toEqual(booking.endsAt);
    expect(events[0]!.summary).toBe(
      `${service.name} with ${practitioner.name} (Westside Sports Chiro)`,
    );
    expect(vevents[0]!.getFirstPropertyValue("status")).toBe("CONFIRMED");
  });

  it("keeps serving a cancelled booking, marked cancelled with its sequence", async () => {
    const manage = token();
    const { booking } = await insertTestBooking(t.db, {
      startsAt: new Date("2031-06-11T23:30:00Z"),
      manageTokenHash: hashToken(manage),
      status: "cancelled",
    });
    await t.db
      .update(schema.bookings)
      .set({ sequence: 2 })
      .where(eq(schema.bookings.id, booking.id));
    const { events, vevents } = parse(
      await (await t.app.request(`/bookings/${manage}/calendar.ics`)).text(),
    );
    expect(vevents[0]!.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(events[0]!.sequence).toBe(2);
  });

  it("answers 404 for an unknown or malformed manage token", async () => {
    expect((await t.app.request(`/bookings/${token()}/calendar.ics`)).status).toBe(404);
    expect((await t.app.request("/bookings/short/calendar.ics")).status).toBe(404);
    // The hash itself is not a key: only the token hashes to it.
    const manage = token();
    await insertTestBooking(t.db, {
      startsAt: new Date("2031-06-12T23:30:00Z"),
      manageTokenHash: hashToken(manage),
    });
    expect((await t.app.request(`/bookings/${hashToken(manage)}/calendar.ics`)).status).toBe(404);
  });

  it("serves a practitioner's feed: their bookings from 30 days ago on, none cancelled", async () => {
    const [jason, joey] = await t.db
      .select()
      .from(schema.practitioners)
      .orderBy(schema.practitioners.sortOrder);
    const feedToken = token();
    expect(await setCalendarTokenHash(t.db, jason!.id, hashToken(feedToken))).toBe(true);

    const recent = await insertTestBooking(t.db, {
      practitionerId: jason!.id,
      startsAt: new Date(NOW.getTime() - 20 * DAY),
      notes: "Hamstring, left; sore after 10k",
      patientName: "Sam O'Neil, Jr",
    });
    const upcoming = await insertTestBooking(t.db, {
      practitionerId: jason!.id,
      startsAt: new Date(NOW.getTime() + 3 * DAY),
    });
    const tooOld = await insertTestBooking(t.db, {
      practitionerId: jason!.id,
      startsAt: new Date(NOW.getTime() - 40 * DAY),
    });
    const cancelled = await insertTestBooking(t.db, {
      practitionerId: jason!.id,
      startsAt: new Date(NOW.getTime() + 4 * DAY),
      status: "cancelled",
    });
    const someoneElse = await insertTestBooking(t.db, {
      practitionerId: joey!.id,
      startsAt: new Date(NOW.getTime() + 3 * DAY),
    });

    const res = await t.app.request(`/calendar/practitioners/${feedToken}.ics`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    const { calendar, events } = parse(await res.text());
    expect(calendar.getFirstPropertyValue("method")).toBe("PUBLISH");
    const uids = events.map((e) => e.uid.split("@")[0]);
    expect(uids).toContain(recent.booking.id);
    expect(uids).toContain(upcoming.booking.id);
    expect(uids).not.toContain(tooOld.booking.id);
    expect(uids).not.toContain(cancelled.booking.id);
    expect(uids).not.toContain(someoneElse.booking.id);

    const event = events.find((e) => e.uid.startsWith(recent.booking.id))!;
    expect(event.summary).toBe(`${recent.service.name}: Sam O'Neil, Jr`);
    expect(event.description).toContain("Notes: Hamstring, left; sore after 10k");
    expect(event.description).toContain(recent.patient.email);
    expect(event.description).toContain(recent.patient.phone);
  });

  it("answers 404 for an unknown feed token and after the token is revoked", async () => {
    expect((await t.app.request(`/calendar/practitioners/${token()}.ics`)).status).toBe(404);
    expect((await t.app.request("/calendar/practitioners/x.ics")).status).toBe(404);

    const [practitioner] = await t.db.select().from(schema.practitioners).limit(1);
    const feedToken = token();
    await setCalendarTokenHash(t.db, practitioner!.id, hashToken(feedToken));
    expect((await t.app.request(`/calendar/practitioners/${feedToken}.ics`)).status).toBe(200);
    await setCalendarTokenHash(t.db, practitioner!.id, null);
    expect((await t.app.request(`/calendar/practitioners/${feedToken}.ics`)).status).toBe(404);
  });
});
