import { schema } from "@clinic/db";
import { testDrivers } from "@clinic/db/testing";
import { addLocalDays, boundaryInstantOf, localDateOf, localDay } from "@clinic/domain";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../app.js";
import { silentLogger } from "../logger.js";
import {
  createTestApp,
  demoClinic,
  demoStaff,
  inProcessClient,
  signedInStaff,
} from "../testing/index.js";

const zone = "Australia/Sydney";
const patient = (n: number) => ({
  name: `Phone Patient ${n}`,
  email: `phone${n}@example.com`,
  phone: `0412 345 ${String(n).padStart(3, "0")}`,
});

/** A Monday at least two weeks after `now` (clear of the demo bookings), and an instant on it. */
function mondayAhead(now: Date): { date: string; at: (hhmm: string) => Date } {
  let date = addLocalDays(localDateOf(now, zone), 15);
  while (localDay(zone, date).weekday !== 1) date = addLocalDays(date, 1);
  const day = localDay(zone, date);
  return {
    date,
    at: (hhmm) => {
      const [h, m] = hhmm.split(":").map(Number);
      return new Date(boundaryInstantOf(zone, day, h! * 60 + m!));
    },
  };
}

describe.each(testDrivers)("staff bookings on %s", (driver) => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let serviceId: string;
  let jasonId: string;
  let joeyId: string;
  let owner: Awaited<ReturnType<typeof signedInStaff>>;
  let frontDesk: Awaited<ReturnType<typeof signedInStaff>>;
  let jason: Awaited<ReturnType<typeof signedInStaff>>;
  let joey: Awaited<ReturnType<typeof signedInStaff>>;
  let patientNo = 0;

  beforeAll(async () => {
    t = await createTestApp({ driver });
    ({ serviceId, jasonId, joeyId } = await demoClinic(t));
    ({ owner, frontDesk, jason, joey } = await demoStaff(t, { jasonId, joeyId }));
  }, 180_000);
  afterAll(() => t.close());

  const auditRows = (entityId: string) =>
    t.db.select().from(schema.auditLog).where(eq(schema.auditLog.entityId, entityId));
  const events = (bookingId: string) =>
    t.db.select().from(schema.bookingEvents).where(eq(schema.bookingEvents.bookingId, bookingId));
  const outbox = (bookingId: string) =>
    t.db.select().from(schema.outboxMessages).where(eq(schema.outboxMessages.bookingId, bookingId));

  /** Free times for Jason from a week ahead (clear of the demo bookings), as staff see them. */
  async function freeTimes(practitionerId = jasonId) {
    const from = addLocalDays(localDateOf(t.now(), zone), 20);
    const { days } = await frontDesk.client.bookings.availability.query({
      serviceId,
      practitionerId,
      from,
      to: addLocalDays(from, 13),
    });
    return days.flatMap((d) => d.slots.map((s) => s.start));
  }

  async function book(practitionerId = jasonId, index = 0) {
    const start = (await freeTimes(practitionerId))[index]!;
    const booking = await frontDesk.client.bookings.createForPatient.mutate({
      serviceId,
      practitionerId,
      start,
      patient: patient(++patientNo),
    });
    return booking;
  }

  it("takes a phone booking inside the online notice window, but never over another booking", async () => {
    const monday = mondayAhead(t.now());
    const now = monday.at("07:30");
    const app = createApp({ db: t.db, logger: silentLogger, now: () => now });
    const desk = await signedInStaff(t, "front_desk", { at: now });
    const client = inProcessClient(app, desk.token);
    const range = { serviceId, practitionerId: jasonId, from: monday.date, to: monday.date };

    // Online, the 2-hour notice hides Jason's first hour; the front desk sees it.
    const online = await inProcessClient(app).availability.slots.query(range);
    const staff = await client.bookings.availability.query(range);
    const eight = monday.at("08:00");
    expect(online.days[0]!.slots.some((s) => s.start.getTime() === eight.getTime())).toBe(false);
    expect(staff.days[0]!.slots[0]!.start).toEqual(eight);

    const booked = await client.bookings.createForPatient.mutate({
      serviceId,
      practitionerId: jasonId,
      start: eight,
      patient: patient(900),
      notes: "Rang in with a stiff neck",
    });
    expect(booked).toMatchObject({
      status: "confirmed",
      startsAt: eight,
      practitioner: { id: jasonId },
      patient: { email: "phone900@example.com" },
      notes: "Rang in with a stiff neck",
      hasManageLink: true,
    });

    const before = await t.db.select().from(schema.bookings);
    for (const start of [eight, monday.at("08:15")]) {
      const error = await client.bookings.createForPatient
        .mutate({ serviceId, practitionerId: jasonId, start, patient: patient(901) })
        .catch((e) => e);
      expect([error.data?.code, error.message]).toEqual([
        "CONFLICT",
        "That time was just taken — please pick another.",
      ]);
    }
    expect(await t.db.select().from(schema.bookings)).toHaveLength(before.length);

    // Outside hours is a bad request naming the field, not a conflict.
    const early = await client.bookings.createForPatient
      .mutate({
        serviceId,
        practitionerId: jasonId,
        start: monday.at("07:00"),
        patient: patient(902),
      })
      .catch((e) => e);
    expect(early.data?.code).toBe("BAD_REQUEST");
    expect(early.data?.fieldErrors?.start?.[0]).toMatch(
      /in the past|isn't one of the available times/,
    );

    // The patient is emailed, the history names the staff member, and the write is audited.
    const mail = await outbox(booked.id);
    expect(mail.find((m) => m.kind === "booking.confirmation")?.toAddress).toBe(
      "phone900@example.com",
    );
    expect((await events(booked.id)).map((e) => [e.kind, e.actor])).toEqual([
      ["created", desk.user.id],
    ]);
    expect((await auditRows(booked.id)).map((a) => [a.action, a.actorId])).toEqual([
      ["booking.create", desk.user.id],
    ]);
    expect((await auditRows(booked.id))[0]!.changes).toMatchObject({
      status: { from: null, to: "confirmed" },
      startsAt: { from: null, to: eight.toISOString() },
      practitionerId: { from: null, to: jasonId },
    });
  });

  it("keeps practitioners to their own bookings, while letting them read every diary", async () => {
    const booking = await book(jasonId);
    const error = await joey.client.bookings.cancel
      .mutate({ id: booking.id, reason: "Not mine to cancel" })
      .catch((e) => e);
    expect(error.data?.code).toBe("FORBIDDEN");
    const moved = await joey.client.bookings.reschedule
      .mutate({ id: booking.id, start: (await freeTimes())[3]! })
      .catch((e) => e);
    expect(moved.data?.code).toBe("FORBIDDEN");
    const forJason = await joey.client.bookings.createForPatient
      .mutate({
        serviceId,
        practitionerId: jasonId,
        start: (await freeTimes())[0]!,
        patient: patient(++patientNo),
      })
      .catch((e) => e);
    expect(forJason.data?.code).toBe("FORBIDDEN");

    // Nothing was written by the refused calls.
    const [row] = await t.db
      .select()
      .from(schema.bookings)
      .where(eq(schema.bookings.id, booking.id));
    expect(row!.status).toBe("confirmed");
    expect((await auditRows(booking.id)).map((a) => a.action)).toEqual(["booking.create"]);

    // Joey reads Jason's booking, but the detail offers him no actions on it.
    const seen = await joey.client.bookings.detail.query({ id: booking.id });
    expect(seen.actions).toEqual({
      cancel: false,
      reschedule: false,
      markAttendance: false,
      readManageLink: false,
    });
    expect((await jason.client.bookings.detail.query({ id: booking.id })).actions).toMatchObject({
      cancel: true,
      reschedule: true,
    });

    // A practitioner's "first available" is themselves.
    const own = await joey.client.bookings.createForPatient.mutate({
      serviceId,
      practitionerId: "any",
      start: (await freeTimes(joeyId))[0]!,
      patient: patient(++patientNo),
    });
    expect(own.practitioner.id).toBe(joeyId);
  });

  it("cancels for the patient, emails them and records who did it", async () => {
    const booking = await book(jasonId, 5);
    const cancelled = await jason.client.bookings.cancel.mutate({
      id: booking.id,
      reason: "Jason is unwell",
    });
    expect(cancelled).toMatchObject({
      status: "cancelled",
      cancellationReason: "Jason is unwell",
      actions: { cancel: false, reschedule: false },
    });
    const mail = await outbox(booking.id);
    const notice = mail.find((m) => m.kind === "booking.cancelled")!;
    expect(notice.toAddress).toBe(booking.patient.email);
    expect(notice.textBody).toContain("Jason is unwell");
    // The reminder that was queued with the booking is dropped.
    expect(mail.some((m) => m.kind === "booking.reminder")).toBe(false);

    expect(cancelled.history.map((h) => [h.kind, h.actorKind, h.actorName])).toEqual([
      ["created", "staff", frontDesk.user.name],
      ["cancelled", "staff", jason.user.name],
    ]);
    expect(cancelled.messages.map((m) => m.kind)).toContain("booking.cancelled");
    const audit = await auditRows(booking.id);
    expect(audit.find((a) => a.action === "booking.cancel")).toMatchObject({
      actorId: jason.user.id,
      actorName: jason.user.name,
      changes: {
        status: { from: "confirmed", to: "cancelled" },
        cancellationReason: { from: null, to: "Jason is unwell" },
      },
    });

    const again = await owner.client.bookings.cancel
      .mutate({ id: booking.id, reason: "Twice" })
      .catch((e) => e);
    expect([again.data?.code, again.message]).toEqual([
      "BAD_REQUEST",
      "This booking has already been cancelled",
    ]);
  });

  it("cancels a booking made without a link and gives the patient a working one", async () => {
    const [seeded] = await t.db
      .select()
      .from(schema.bookings)
      .where(
        and(eq(schema.bookings.practitionerId, joeyId), eq(schema.bookings.status, "confirmed")),
      )
      .limit(1);
    expect(seeded!.manageTokenHash).toBeNull();
    await frontDesk.client.bookings.cancel.mutate({ id: seeded!.id, reason: "Clinic emergency" });
    const notice = (await outbox(seeded!.id)).find((m) => m.kind === "booking.cancelled")!;
    // The cancellation's calendar file links to the booking's page (lines unfolded first).
    const ics = notice.attachments[0]!.content.replace(/\r\n[ \t]/g, "");
    const token = ics.match(/\/manage\/([A-Za-z0-9_-]{43})/)![1]!;
    expect(await t.client().bookings.byToken.query({ token })).toMatchObject({
      id: seeded!.id,
      status: "cancelled",
    });
  });

  it("reschedules to a free time, emails the patient, and refuses a taken one", async () => {
    const times = await freeTimes();
    const booking = await book(jasonId, 10);
    const other = await book(jasonId, 20);
    const target = times.find((s) => s.getTime() >= booking.startsAt.getTime() + 2 * 3_600_000)!;
    const moved = await frontDesk.client.bookings.reschedule.mutate({
      id: booking.id,
      start: target,
    });
    expect(moved.startsAt).toEqual(target);
    expect((await outbox(booking.id)).some((m) => m.kind === "booking.rescheduled")).toBe(true);
    expect(
      (await auditRows(booking.id)).find((a) => a.action === "booking.reschedule")?.changes,
    ).toEqual({
      startsAt: { from: booking.startsAt.toISOString(), to: target.toISOString() },
    });

    const taken = await frontDesk.client.bookings.reschedule
      .mutate({ id: booking.id, start: other.startsAt })
      .catch((e) => e);
    expect(taken.data?.code).toBe("CONFLICT");
    expect((await frontDesk.client.bookings.detail.query({ id: booking.id })).startsAt).toEqual(
      target,
    );
  });

  it("records a no-show only once the appointment has started", async () => {
    const booking = await book(jasonId, 30);
    const early = await jason.client.bookings.setStatus
      .mutate({ id: booking.id, status: "no_show" })
      .catch((e) => e);
    expect(early.data?.code).toBe("PRECONDITION_FAILED");

    const later = new Date(booking.startsAt.getTime() + 10 * 60_000);
    const app = createApp({ db: t.db, logger: silentLogger, now: () => later });
    const asJason = await signedInStaff(t, "practitioner", { practitionerId: jasonId, at: later });
    const asJoey = await signedInStaff(t, "practitioner", { practitionerId: joeyId, at: later });
    const refused = await inProcessClient(app, asJoey.token)
      .bookings.setStatus.mutate({ id: booking.id, status: "no_show" })
      .catch((e) => e);
    expect(refused.data?.code).toBe("FORBIDDEN");

    const marked = await inProcessClient(app, asJason.token).bookings.setStatus.mutate({
      id: booking.id,
      status: "no_show",
    });
    expect(marked.status).toBe("no_show");
    expect(marked.history.at(-1)).toMatchObject({ kind: "no_show", actorName: asJason.user.name });
    expect(
      (await auditRows(booking.id)).find((a) => a.action === "booking.set_status"),
    ).toMatchObject({
      actorId: asJason.user.id,
      changes: { status: { from: "confirmed", to: "no_show" } },
    });
    // A started appointment is no longer moved or cancelled, only its attendance corrected.
    const cancel = await inProcessClient(app, asJason.token)
      .bookings.cancel.mutate({ id: booking.id, reason: "Too late" })
      .catch((e) => e);
    expect(cancel.data?.code).toBe("BAD_REQUEST");
    const corrected = await inProcessClient(app, asJason.token).bookings.setStatus.mutate({
      id: booking.id,
      status: "completed",
    });
    expect(corrected.status).toBe("completed");
  });

  it("lays out the calendar per practitioner with hours, breaks and bookings in the clinic's zone", async () => {
    const booking = await book(joeyId, 2);
    const date = localDateOf(booking.startsAt, zone);
    const week = await owner.client.bookings.list.query({ from: date, to: addLocalDays(date, 6) });
    expect(week.timeZone).toBe(zone);
    expect(week.days.map((d) => d.date)).toHaveLength(7);
    expect(week.practitioners.map((p) => p.name)).toEqual(
      expect.arrayContaining(["Jason Lee", "Joey Lee"]),
    );
    expect(week.bookings.find((b) => b.id === booking.id)).toMatchObject({
      practitionerId: joeyId,
      patient: { name: booking.patient.name },
      service: { id: serviceId },
    });
    const joeyDay = week.practitioners.find((p) => p.id === joeyId)!.days[0]!;
    expect(joeyDay.working.length).toBeGreaterThan(0);
    expect(
      joeyDay.working.some((w) => w.startsAt <= booking.startsAt && booking.endsAt <= w.endsAt),
    ).toBe(true);
    // Joey's demo week has a lunch break between two stretches on the days he works.
    expect(joeyDay.breaks).toHaveLength(joeyDay.working.length - 1);

    const onlyJason = await jason.client.bookings.list.query({
      from: date,
      to: date,
      practitionerId: jasonId,
    });
    expect(onlyJason.practitioners.map((p) => p.id)).toEqual([jasonId]);
    expect(onlyJason.bookings.every((b) => b.practitionerId === jasonId)).toBe(true);
  });
});
