import { schema } from "@clinic/db";
import { testDrivers } from "@clinic/db/testing";
import { addLocalDays, localDateOf, localDay, type WorkingHoursRange } from "@clinic/domain";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, demoClinic, demoStaff, type signedInStaff } from "../testing/index.js";

const zone = "Australia/Sydney";

describe.each(testDrivers)("schedules on %s", (driver) => {
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

  const auditActions = async (entityId: string) =>
    (await t.db.select().from(schema.auditLog).where(eq(schema.auditLog.entityId, entityId))).map(
      (a) => a.action,
    );
  const bookingRow = async (id: string) =>
    (await t.db.select().from(schema.bookings).where(eq(schema.bookings.id, id)))[0]!;

  /** A booking three weeks out (clear of the demo bookings and time off), made by the front desk. */
  async function bookAhead(practitionerId: string, index = 0) {
    const from = addLocalDays(localDateOf(t.now(), zone), 21);
    const { days } = await frontDesk.client.bookings.availability.query({
      serviceId,
      practitionerId,
      from,
      to: addLocalDays(from, 6),
    });
    const start = days.flatMap((d) => d.slots)[index]!.start;
    patientNo++;
    return frontDesk.client.bookings.createForPatient.mutate({
      serviceId,
      practitionerId,
      start,
      patient: {
        name: `Schedule Patient ${patientNo}`,
        email: `schedule${patientNo}@example.com`,
        phone: "0400 111 222",
      },
    });
  }

  it("lets the front desk read schedules but not change them, and practitioners change only their own", async () => {
    const before = await frontDesk.client.schedules.get.query({ practitionerId: jasonId });
    expect(before.canEdit).toBe(false);
    expect(before.weeklyHours.length).toBeGreaterThan(0);
    expect((await jason.client.schedules.get.query({ practitionerId: jasonId })).canEdit).toBe(
      true,
    );
    expect((await jason.client.schedules.get.query({ practitionerId: joeyId })).canEdit).toBe(
      false,
    );

    const hours = {
      practitionerId: jasonId,
      ranges: [{ weekday: 1, start: "09:00", end: "10:00" }],
    };
    const timeOff = {
      practitionerId: jasonId,
      startDate: addLocalDays(localDateOf(t.now(), zone), 40),
      endDate: addLocalDays(localDateOf(t.now(), zone), 40),
      startTime: null,
      endTime: null,
      reason: "Course",
    };
    const closure = { startDate: timeOff.startDate, endDate: timeOff.endDate, reason: "Holiday" };
    // Called one at a time, so each refusal is awaited as it happens.
    const attempts = [
      () => frontDesk.client.schedules.setWeeklyHours.mutate(hours),
      () => frontDesk.client.schedules.addTimeOff.mutate(timeOff),
      () => joey.client.schedules.setWeeklyHours.mutate(hours),
      () => joey.client.schedules.addTimeOff.mutate(timeOff),
      () => jason.client.schedules.addClosure.mutate(closure),
      () => frontDesk.client.schedules.addClosure.mutate(closure),
    ];
    for (const attempt of attempts) {
      expect((await attempt().catch((e) => e)).data?.code).toBe("FORBIDDEN");
    }
    const after = await owner.client.schedules.get.query({ practitionerId: jasonId });
    expect(after.weeklyHours).toEqual(before.weeklyHours);
    expect(after.timeOff).toEqual(before.timeOff);
    // The demo's accepted public holidays are there; nothing else is.
    expect(
      await t.db
        .select()
        .from(schema.clinicClosures)
        .where(eq(schema.clinicClosures.reason, closure.reason)),
    ).toHaveLength(0);
  });

  it("refuses new hours that leave a booking outside them, lists it, and keeps it when confirmed", async () => {
    const booking = await bookAhead(joeyId, 3);
    const weekday = localDay(zone, localDateOf(booking.startsAt, zone)).weekday;
    const { weeklyHours } = await joey.client.schedules.get.query({ practitionerId: joeyId });
    const ranges: WorkingHoursRange[] = weeklyHours.filter((r) => r.weekday !== weekday);

    const preview = await joey.client.schedules.preview.query({ practitionerId: joeyId, ranges });
    expect(preview.orphans.map((o) => o.id)).toContain(booking.id);
    expect(preview.orphans.find((o) => o.id === booking.id)).toMatchObject({
      patientName: booking.patient.name,
      practitioner: { id: joeyId, name: "Joey Lee" },
      startsAt: booking.startsAt,
    });
    // No times on that weekday under the proposed hours.
    expect(
      preview.days
        .filter((d) => localDay(zone, d.date).weekday === weekday)
        .every((d) => d.times.length === 0),
    ).toBe(true);

    const refused = await joey.client.schedules.setWeeklyHours
      .mutate({ practitionerId: joeyId, ranges })
      .catch((e) => e);
    expect(refused.data?.code).toBe("PRECONDITION_FAILED");
    expect(refused.message).toContain(booking.patient.name);
    // Every orphan comes back as data, in full, so the admin needs no second call to list them.
    expect(refused.data.details.orphans).toEqual(preview.orphans);
    expect((await joey.client.schedules.get.query({ practitionerId: joeyId })).weeklyHours).toEqual(
      weeklyHours,
    );
    expect(await auditActions(joeyId)).toEqual([]);

    const saved = await joey.client.schedules.setWeeklyHours.mutate({
      practitionerId: joeyId,
      ranges,
      confirmOrphans: true,
    });
    expect(saved.weeklyHours).toEqual(ranges);
    expect(saved.orphans.map((o) => o.id)).toContain(booking.id);
    const row = await bookingRow(booking.id);
    expect([row.status, row.startsAt]).toEqual(["confirmed", booking.startsAt]);
    const [audit] = await t.db
      .select()
      .from(schema.auditLog)
      .where(eq(schema.auditLog.entityId, joeyId));
    expect(audit).toMatchObject({
      action: "practitioner.set_weekly_hours",
      actorId: joey.user.id,
      changes: { weeklyHours: { from: weeklyHours, to: ranges } },
    });
    expect(
      (audit!.changes as { bookingsOutsideHours: { from: null; to: string[] } })
        .bookingsOutsideHours.to,
    ).toContain(booking.id);

    // Putting the day back orphans nothing, so it needs no confirmation.
    const restored = await owner.client.schedules.setWeeklyHours.mutate({
      practitionerId: joeyId,
      ranges: weeklyHours,
    });
    expect(restored.orphans).toEqual([]);
  });

  it("applies the same rule to time off, and lets the practitioner remove their own", async () => {
    const booking = await bookAhead(jasonId, 2);
    const date = localDateOf(booking.startsAt, zone);
    const timeOff = {
      practitionerId: jasonId,
      startDate: date,
      endDate: date,
      startTime: "00:00",
      endTime: "23:00",
      reason: "Dentist",
    };
    expect(
      (await jason.client.schedules.previewTimeOff.query(timeOff)).orphans.map((o) => o.id),
    ).toEqual([booking.id]);
    const refused = await jason.client.schedules.addTimeOff.mutate(timeOff).catch((e) => e);
    expect(refused.data?.code).toBe("PRECONDITION_FAILED");
    expect(refused.data.details.orphans).toMatchObject([
      { id: booking.id, startsAt: booking.startsAt, patientName: booking.patient.name },
    ]);
    expect(
      await t.db.select().from(schema.timeOff).where(eq(schema.timeOff.reason, "Dentist")),
    ).toEqual([]);

    const added = await jason.client.schedules.addTimeOff.mutate({
      ...timeOff,
      confirmOrphans: true,
    });
    expect(added.orphans.map((o) => o.id)).toEqual([booking.id]);
    expect((await bookingRow(booking.id)).status).toBe("confirmed");
    const schedule = await jason.client.schedules.get.query({ practitionerId: jasonId });
    expect(schedule.timeOff.map((o) => o.id)).toContain(added.timeOff.id);

    expect(
      (await joey.client.schedules.removeTimeOff.mutate({ id: added.timeOff.id }).catch((e) => e))
        .data?.code,
    ).toBe("FORBIDDEN");
    await jason.client.schedules.removeTimeOff.mutate({ id: added.timeOff.id });
    const audit = await t.db
      .select()
      .from(schema.auditLog)
      .where(eq(schema.auditLog.entityId, added.timeOff.id));
    expect(audit.map((a) => a.action)).toEqual(["time_off.create", "time_off.delete"]);
    expect(audit.map((a) => a.changes)).toMatchObject([
      {
        reason: { from: null, to: "Dentist" },
        bookingsOutsideHours: { from: null, to: [booking.id] },
      },
      { reason: { from: "Dentist", to: null }, practitionerId: { from: jasonId, to: null } },
    ]);
  });

  it("lets only the owner close the clinic, with the same rule across every practitioner", async () => {
    const booking = await bookAhead(joeyId, 0);
    const date = localDateOf(booking.startsAt, zone);
    const closure = { startDate: date, endDate: date, reason: "Staff training" };
    const preview = await frontDesk.client.schedules.previewClosure.query(closure);
    expect(preview.orphans.map((o) => o.id)).toContain(booking.id);
    const refused = await owner.client.schedules.addClosure.mutate(closure).catch((e) => e);
    expect(refused.data?.code).toBe("PRECONDITION_FAILED");
    expect(refused.data.details.orphans).toEqual(preview.orphans);
    // The demo's accepted public holidays are there; nothing else is.
    expect(
      await t.db
        .select()
        .from(schema.clinicClosures)
        .where(eq(schema.clinicClosures.reason, closure.reason)),
    ).toHaveLength(0);

    const { closure: created } = await owner.client.schedules.addClosure.mutate({
      ...closure,
      confirmOrphans: true,
    });
    expect((await frontDesk.client.schedules.listClosures.query({})).map((c) => c.id)).toContain(
      created.id,
    );
    // The clinic is closed: the calendar shows it and no one can be booked that day.
    const calendar = await frontDesk.client.bookings.list.query({ from: date, to: date });
    expect(calendar.days[0]!.closure).toMatchObject({ reason: "Staff training" });
    expect(calendar.bookings.map((b) => b.id)).toContain(booking.id);
    const { days } = await frontDesk.client.bookings.availability.query({
      serviceId,
      practitionerId: "any",
      from: date,
      to: date,
    });
    expect(days).toEqual([]);

    await owner.client.schedules.removeClosure.mutate({ id: created.id });
    const left = await frontDesk.client.schedules.listClosures.query({ includePast: true });
    expect(left.map((c) => c.id)).not.toContain(created.id);
    expect(await auditActions(created.id)).toEqual([
      "clinic_closure.create",
      "clinic_closure.delete",
    ]);
  });

  it("previews two weeks of bookable times with the stored or proposed hours", async () => {
    const stored = await frontDesk.client.schedules.preview.query({ practitionerId: jasonId });
    expect(stored.days).toHaveLength(14);
    expect(stored.days[0]!.date).toBe(localDateOf(t.now(), zone));
    expect(stored.probe.durationMinutes).toBeGreaterThan(0);
    expect(stored.days.some((d) => d.times.length > 0)).toBe(true);
    for (const day of stored.days) {
      for (const time of day.times) expect(localDateOf(time, zone)).toBe(day.date);
    }
    const none = await frontDesk.client.schedules.preview.query({
      practitionerId: jasonId,
      ranges: [],
    });
    expect(none.days.every((d) => d.times.length === 0)).toBe(true);
    // Jason's demo bookings in the next two weeks would all be left outside "no hours".
    expect(none.orphans.length).toBeGreaterThan(0);
  });
});
