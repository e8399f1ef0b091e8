import { type DatabaseHandle, listMessages, type OutboxMessage } from "@clinic/db";
import { seedDemoClinic } from "@clinic/db/seed";
import { createTestDatabase, testDrivers } from "@clinic/db/testing";
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bookingEmailData, insertTestBooking } from "../testing/index.js";
import { bookingEmailKinds, enqueueBookingEmails, REMINDER_LEAD_MS } from "./booking-emails.js";

const HOUR = 3_600_000;

function icsOf(message: OutboxMessage) {
  expect(message.attachments).toHaveLength(1);
  const [attachment] = message.attachments;
  expect(attachment!.contentType).toMatch(/^text\/calendar; charset=utf-8; method=/);
  const calendar = new ICAL.Component(ICAL.parse(attachment!.content));
  const vevent = calendar.getFirstSubcomponent("vevent")!;
  return {
    method: calendar.getFirstPropertyValue("method"),
    status: vevent.getFirstPropertyValue("status"),
    event: new ICAL.Event(vevent),
  };
}

describe.each(testDrivers)("booking emails on %s", (driver) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase(driver);
    // Seeded in the past, so its own bookings stay clear of the ones made here.
    await seedDemoClinic(handle.db, { now: new Date("2020-01-06T00:00:00Z") });
  });
  afterAll(() => handle.close());

  async function booking(startsAt: string) {
    const { booking } = await insertTestBooking(handle.db, { startsAt: new Date(startsAt) });
    return booking;
  }
  const byKind = (messages: OutboxMessage[], kind: string) =>
    messages.filter((m) => m.kind === kind);

  it("a new booking queues the confirmation with an .ics, the clinic's notice and a reminder", async () => {
    const b = await booking("2031-03-10T22:30:00Z");
    const data = bookingEmailData({ bookingId: b.id, startsAt: b.startsAt, endsAt: b.endsAt });
    const now = new Date("2031-03-01T00:00:00Z");
    await handle.db.transaction((tx) => enqueueBookingEmails(tx, "created", data, now));

    const messages = await listMessages(handle.db, { bookingId: b.id });
    expect(messages.map((m) => m.kind).sort()).toEqual(
      [
        bookingEmailKinds.clinicNotice,
        bookingEmailKinds.confirmation,
        bookingEmailKinds.reminder,
      ].sort(),
    );
    const [confirmation] = byKind(messages, bookingEmailKinds.confirmation);
    expect(confirmation).toMatchObject({ toAddress: "pat@example.com", status: "pending" });
    expect(confirmation!.sendAfter).toEqual(now);
    expect(confirmation!.textBody).toContain(data.manageUrl);
    const ics = icsOf(confirmation!);
    expect(ics.method).toBe("PUBLISH");
    expect(ics.status).toBe("CONFIRMED");
    expect(ics.event.uid).toBe(`${b.id}@westsidesportschiro.example`);
    expect(ics.event.sequence).toBe(0);
    expect(ics.event.startDate.toJSDate()).toEqual(b.startsAt);

    const [notice] = byKind(messages, bookingEmailKinds.clinicNotice);
    expect(notice!.toAddress).toBe("hello@westsidesportschiro.example");
    expect(notice!.attachments).toEqual([]);

    const [reminder] = byKind(messages, bookingEmailKinds.reminder);
    expect(reminder!.toAddress).toBe("pat@example.com");
    expect(reminder!.sendAfter).toEqual(new Date(b.startsAt.getTime() - REMINDER_LEAD_MS));
  });

  it("skips the reminder when the booking is less than a day away", async () => {
    const b = await booking("2031-03-11T22:30:00Z");
    const now = new Date(b.startsAt.getTime() - 20 * HOUR);
    const data = bookingEmailData({ bookingId: b.id, startsAt: b.startsAt, endsAt: b.endsAt });
    await enqueueBookingEmails(handle.db, "created", data, now);
    const kinds = (await listMessages(handle.db, { bookingId: b.id })).map((m) => m.kind);
    expect(kinds).toHaveLength(2);
    expect(kinds).not.toContain(bookingEmailKinds.reminder);
  });

  it("a reschedule sends an updated .ics (same UID, higher SEQUENCE) and moves the reminder", async () => {
    const b = await booking("2031-03-12T22:30:00Z");
    const now = new Date("2031-03-01T00:00:00Z");
    const original = bookingEmailData({ bookingId: b.id, startsAt: b.startsAt, endsAt: b.endsAt });
    await enqueueBookingEmails(handle.db, "created", original, now);
    const movedTo = new Date("2031-03-13T23:00:00Z");
    await enqueueBookingEmails(
      handle.db,
      "rescheduled",
      {
        ...original,
        startsAt: movedTo,
        endsAt: new Date(movedTo.getTime() + 45 * 60_000),
        previousStartsAt: b.startsAt,
        sequence: 1,
      },
      now,
    );
    const messages = await listMessages(handle.db, { bookingId: b.id });
    const [rescheduled] = byKind(messages, bookingEmailKinds.rescheduled);
    expect(rescheduled!.toAddress).toBe("pat@example.com");
    const before = icsOf(byKind(messages, bookingEmailKinds.confirmation)[0]!);
    const after = icsOf(rescheduled!);
    expect(after.event.uid).toBe(before.event.uid);
    expect(after.event.sequence).toBeGreaterThan(before.event.sequence);
    expect(after.event.startDate.toJSDate()).toEqual(movedTo);
    const reminders = byKind(messages, bookingEmailKinds.reminder);
    expect(reminders).toHaveLength(1);
    expect(reminders[0]!.sendAfter).toEqual(new Date(movedTo.getTime() - REMINDER_LEAD_MS));
    expect(reminders[0]!.textBody).toContain("Friday 14 March 2031, 10:00 am AEDT");
  });

  it("a cancellation sends METHOD:CANCEL and drops the pending reminder", async () => {
    const b = await booking("2031-03-14T22:30:00Z");
    const now = new Date("2031-03-01T00:00:00Z");
    const data = bookingEmailData({ bookingId: b.id, startsAt: b.startsAt, endsAt: b.endsAt });
    await enqueueBookingEmails(handle.db, "created", data, now);
    await enqueueBookingEmails(
      handle.db,
      "cancelled",
      { ...data, sequence: 1, cancellationReason: "Feeling much better" },
      now,
    );
    const messages = await listMessages(handle.db, { bookingId: b.id });
    expect(byKind(messages, bookingEmailKinds.reminder)).toEqual([]);
    const [cancelled] = byKind(messages, bookingEmailKinds.cancelled);
    expect(cancelled!.textBody).toContain("Feeling much better");
    const ics = icsOf(cancelled!);
    expect(ics.method).toBe("CANCEL");
    expect(ics.status).toBe("CANCELLED");
    expect(ics.event.uid).toBe(`${b.id}@westsidesportschiro.example`);
    expect(ics.event.sequence).toBe(1);
  });

  it("writes nothing when the booking's transaction rolls back", async () => {
    const b = await booking("2031-03-15T22:30:00Z");
    const data = bookingEmailData({ bookingId: b.id, startsAt: b.startsAt, endsAt: b.endsAt });
    await expect(
      handle.db.transaction(async (tx) => {
        await enqueueBookingEmails(tx, "created", data, new Date("2031-03-01T00:00:00Z"));
        throw new Error("slot taken");
      }),
    ).rejects.toThrow("slot taken");
    expect(await listMessages(handle.db, { bookingId: b.id })).toEqual([]);
  });
});
