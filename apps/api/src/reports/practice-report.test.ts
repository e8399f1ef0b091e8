import { insertBooking, recordBookingEvent, schema, upsertPatient } from "@clinic/db";
import { testDrivers } from "@clinic/db/testing";
import { boundaryInstantOf, localDay } from "@clinic/domain";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditRows, createTestApp, demoClinic, demoStaff, failure } from "../testing/index.js";

const zone = "Australia/Sydney";
const HOUR = 3_600_000;
/** A local wall time in Sydney as an instant (the earlier one when the hour repeats). */
const at = (date: string, time: string) => {
  const [h, m] = time.split(":").map(Number);
  return new Date(boundaryInstantOf(zone, localDay(zone, date), h! * 60 + m!));
};

describe.each(testDrivers)("the practice report (%s)", (driver) => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let staff: Awaited<ReturnType<typeof demoStaff>>;
  let practitionerId: string;
  let serviceId: string;
  let price: number;
  const patients: Record<string, string> = {};

  async function booking(options: {
    patient: string;
    startsAt: Date;
    endsAt: Date;
    status?: "confirmed" | "completed" | "no_show" | "cancelled";
    cancelledAt?: Date;
    createdBy?: string;
    practitioner?: string;
  }) {
    const { id } = await insertBooking(t.db, {
      serviceId,
      practitionerId: options.practitioner ?? practitionerId,
      patientId: patients[options.patient]!,
      startsAt: options.startsAt,
      endsAt: options.endsAt,
      blockedFrom: options.startsAt,
      blockedUntil: options.endsAt,
      notes: "",
      contactConsent: false,
      idempotencyKey: null,
      manageTokenHash: null,
    });
    await t.db
      .update(schema.bookings)
      .set({ status: options.status ?? "confirmed", cancelledAt: options.cancelledAt ?? null })
      .where(eq(schema.bookings.id, id));
    if (options.createdBy) {
      await recordBookingEvent(t.db, { bookingId: id, kind: "created", actor: options.createdBy });
    }
    return id;
  }

  beforeAll(async () => {
    t = await createTestApp({ driver });
    const clinic = await demoClinic(t);
    staff = await demoStaff(t, clinic);
    serviceId = clinic.serviceId;
    const [service] = await t.db
      .select({ price: schema.services.priceCents })
      .from(schema.services)
      .where(eq(schema.services.id, serviceId));
    price = service!.price;
    // A practitioner of this test's own, so the demo clinic's visits stay out of the figures.
    const [p] = await t.db
      .insert(schema.practitioners)
      .values({ slug: "report-tester", name: "Report Tester", title: "Chiropractor", bio: "" })
      .returning({ id: schema.practitioners.id });
    practitionerId = p!.id;
    // Monday to Friday 09:00–12:00 and 13:00–17:00 (7 h), and Sunday 00:00–06:00 across the
    // hour the clocks change on the first Sundays of April and October.
    await t.db.insert(schema.workingHours).values([
      ...[1, 2, 3, 4, 5].flatMap((weekday) => [
        { practitionerId, weekday, startTime: "09:00", endTime: "12:00" },
        { practitionerId, weekday, startTime: "13:00", endTime: "17:00" },
      ]),
      { practitionerId, weekday: 7, startTime: "00:00", endTime: "06:00" },
    ]);
    // An hour off on Tuesday 31 March.
    await t.db.insert(schema.timeOff).values({
      practitionerId,
      startDate: "2026-03-31",
      endDate: "2026-03-31",
      startTime: "10:00",
      endTime: "11:00",
    });
    for (const [key, name] of [
      ["returning", "Rita Returning"],
      ["new", "Nina New"],
      ["cancelling", "Carl Cancelling"],
    ]) {
      patients[key!] = (
        await upsertPatient(t.db, {
          name: name!,
          email: `${key}@example.com`,
          phone: `0400 000 ${name!.length}${key!.length}`,
        })
      ).id;
    }
    // Rita has been before (a year earlier, with Jason): she returns.
    await booking({
      patient: "returning",
      practitioner: clinic.jasonId,
      startsAt: at("2025-03-03", "09:00"),
      endsAt: at("2025-03-03", "09:30"),
      status: "completed",
    });
    // The week of Monday 30 March to Sunday 5 April 2026 (Sydney's clocks go back at 03:00 on the 5th).
    await booking({
      patient: "returning",
      startsAt: at("2026-03-30", "09:00"),
      endsAt: at("2026-03-30", "10:00"),
      status: "completed",
      createdBy: staff.frontDesk.user.id,
    });
    await booking({
      patient: "returning",
      startsAt: at("2026-03-31", "13:00"),
      endsAt: at("2026-03-31", "14:00"),
      createdBy: "patient",
    });
    await booking({
      patient: "new",
      startsAt: at("2026-04-01", "09:00"),
      endsAt: at("2026-04-01", "10:00"),
      status: "no_show",
    });
    // Cancelled two hours before (inside the default 24-hour window), and two days before.
    const thursday = at("2026-04-02", "09:00");
    await booking({
      patient: "cancelling",
      startsAt: thursday,
      endsAt: new Date(thursday.getTime() + HOUR),
      status: "cancelled",
      cancelledAt: new Date(thursday.getTime() - 2 * HOUR),
      createdBy: "patient",
    });
    const friday = at("2026-04-03", "09:00");
    await booking({
      patient: "cancelling",
      startsAt: friday,
      endsAt: new Date(friday.getTime() + HOUR),
      status: "cancelled",
      cancelledAt: new Date(friday.getTime() - 48 * HOUR),
    });
    // 01:30 summer time to 02:30 standard time on the 5th: two hours pass, not one.
    await booking({
      patient: "returning",
      startsAt: new Date("2026-04-04T14:30:00Z"),
      endsAt: new Date("2026-04-04T16:30:00Z"),
      status: "completed",
    });
    // Just outside the week on either side (Carl's, so Nina's no-show stays her first visit).
    await booking({
      patient: "cancelling",
      startsAt: at("2026-03-29", "23:00"),
      endsAt: at("2026-03-29", "23:30"),
      status: "completed",
    });
    await booking({
      patient: "cancelling",
      startsAt: at("2026-04-06", "00:00"),
      endsAt: at("2026-04-06", "00:30"),
      status: "completed",
    });
  }, 180_000);
  afterAll(() => t.close());

  it("counts a week across the end of daylight saving exactly", async () => {
    const report = await staff.owner.client.reports.practice.query({
      period: "week",
      from: "2026-04-02",
      practitionerId,
    });
    expect(report).toMatchObject({ timeZone: zone, from: "2026-03-30", to: "2026-04-05" });
    expect(report.practitioners).toHaveLength(1);
    const row = report.practitioners[0]!;
    expect(row.practitioner.name).toBe("Report Tester");
    // 5 × 7 h, less the hour off, plus Sunday's 00:00–06:00 that lasts 7 hours.
    expect(row.availableMinutes).toBe((35 - 1 + 7) * 60);
    // 1 h + 1 h + 1 h (the no-show) + 2 h across the change.
    expect(row.bookedMinutes).toBe(5 * 60);
    expect(row.utilisation).toBeCloseTo(300 / 2460, 10);
    expect(row).toMatchObject({
      bookings: 6,
      completed: 2,
      noShows: 1,
      cancelled: 2,
      lateCancellations: 1,
      patients: 2,
      newPatients: 1,
      returningPatients: 1,
      // Two completed and one confirmed that has ended; not the no-show nor the cancellations.
      revenueCents: 3 * price,
    });
    expect(row.noShowRate).toBeCloseTo(1 / 6, 10);
    expect(row.lateCancellationRate).toBeCloseTo(1 / 6, 10);
    expect(report.total).toMatchObject({ bookings: 6, availableMinutes: 2460, patients: 2 });
    expect(report.byChannel).toEqual([
      { channel: "online", bookings: 1 },
      { channel: "staff", bookings: 1 },
      { channel: "unrecorded", bookings: 2 },
    ]);
    expect(report.byService).toEqual([
      { serviceId, name: expect.any(String), bookings: 4, revenueCents: 3 * price },
    ]);
  });

  it("counts the week the clocks go forward an hour short on Sunday", async () => {
    const report = await staff.frontDesk.client.reports.practice.query({
      period: "custom",
      from: "2026-09-28",
      to: "2026-10-04",
      practitionerId,
    });
    const row = report.practitioners[0]!;
    expect(row.availableMinutes).toBe((35 + 5) * 60);
    expect(row).toMatchObject({ bookings: 0, bookedMinutes: 0, utilisation: 0, noShowRate: null });
  });

  it("takes the calendar month holding the date, and lists every active practitioner without one", async () => {
    const report = await staff.owner.client.reports.practice.query({
      period: "month",
      from: "2026-02-15",
    });
    expect(report).toMatchObject({ from: "2026-02-01", to: "2026-02-28", practitionerId: null });
    const names = report.practitioners.map((p) => p.practitioner.name);
    expect(names).toEqual(expect.arrayContaining(["Jason Lee", "Joey Lee", "Report Tester"]));
  });

  it("names the field of a bad period, and refuses practitioners", async () => {
    const client = staff.owner.client.reports.practice;
    expect(
      (await failure(client.query({ period: "custom", from: "2026-01-01" }))).fieldErrors,
    ).toEqual({ to: ["Choose the last day of the period"] });
    expect(
      (await failure(client.query({ period: "custom", from: "2026-01-01", to: "2025-12-31" })))
        .fieldErrors,
    ).toEqual({ to: ["End on or after the first day"] });
    expect(
      (await failure(client.query({ period: "custom", from: "2026-01-01", to: "2027-01-02" })))
        .fieldErrors,
    ).toEqual({ to: ["A report covers at most 366 days"] });
    expect(
      (
        await failure(
          client.query({
            period: "week",
            from: "2026-01-01",
            practitionerId: "00000000-0000-4000-8000-000000000000",
          }),
        )
      ).fieldErrors,
    ).toEqual({ practitionerId: ["No such practitioner"] });
    expect(
      (
        await failure(
          staff.jason.client.reports.practice.query({ period: "week", from: "2026-01-01" }),
        )
      ).code,
    ).toBe("FORBIDDEN");
  });

  it("exports the table as CSV, audited", async () => {
    const file = await staff.frontDesk.client.reports.exportCsv.mutate({
      period: "week",
      from: "2026-03-30",
      practitionerId,
    });
    expect(file.fileName).toBe("practice-report-2026-03-30-to-2026-04-05.csv");
    const lines = file.csv
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe(
      "Practitioner,From,To,Available hours,Booked hours,Utilisation %,Bookings,Completed,No-shows,No-show rate %,Cancelled,Late cancellations,Late cancellation rate %,New patients,Returning patients,Estimated revenue",
    );
    expect(lines[1]).toBe(
      `Report Tester,2026-03-30,2026-04-05,41.00,5.00,12.2,6,2,1,16.7,2,1,16.7,1,1,${((3 * price) / 100).toFixed(2)}`,
    );
    expect(lines).toHaveLength(2);
    const audited = await auditRows(t, "report.export_csv");
    expect(audited).toHaveLength(1);
    expect(audited[0]!.changes).toMatchObject({ rows: { from: null, to: 1 } });
    expect(
      (
        await failure(
          staff.joey.client.reports.exportCsv.mutate({ period: "week", from: "2026-03-30" }),
        )
      ).code,
    ).toBe("FORBIDDEN");
  });
});
