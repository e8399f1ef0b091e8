import { insertBooking, schema, upsertPatient } from "@clinic/db";
import {
  addLocalDays,
  boundaryInstantOf,
  isoWeekLabel,
  lastIsoWeeks,
  localDateOf,
  localDay,
} from "@clinic/domain";
import { and, eq, gte, lt, ne } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, demoClinic, signedInStaff } from "../testing/index.js";

const zone = "Australia/Sydney";
const at = (date: string, minute: number) =>
  new Date(boundaryInstantOf(zone, localDay(zone, date), minute));

describe("the staff dashboard", () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let jasonId: string;
  let joeyId: string;
  let serviceId: string;
  let patientId: string;

  beforeAll(async () => {
    t = await createTestApp();
    ({ serviceId, jasonId, joeyId } = await demoClinic(t));
    patientId = (
      await upsertPatient(t.db, {
        name: "Past Patient",
        email: "past@example.com",
        phone: "0400 000 001",
      })
    ).id;
  }, 180_000);
  afterAll(() => t.close());

  /** A 30-minute booking written straight to the table (past times aren't bookable through the API). */
  async function pastBooking(
    practitionerId: string,
    startsAt: Date,
    status: "completed" | "cancelled" | "no_show" | "confirmed" = "completed",
  ) {
    const endsAt = new Date(startsAt.getTime() + 30 * 60_000);
    const { id } = await insertBooking(t.db, {
      serviceId,
      practitionerId,
      patientId,
      startsAt,
      endsAt,
      blockedFrom: startsAt,
      blockedUntil: endsAt,
      notes: "",
      contactConsent: false,
      idempotencyKey: null,
      manageTokenHash: null,
    });
    if (status !== "confirmed") {
      await t.db.update(schema.bookings).set({ status }).where(eq(schema.bookings.id, id));
    }
    return id;
  }

  it("keeps its counts and adds today, the next seven days and twelve weeks with zero weeks", async () => {
    const owner = await signedInStaff(t, "owner");
    const today = localDateOf(t.now(), zone);
    const weeks = lastIsoWeeks(today, 12);
    // The demo clinic has visits of its own in the last week or so: count what this test adds.
    const before = (await owner.client.dashboard.summary.query()).bookingsPerWeek.map(
      (w) => w.count,
    );
    // The oldest week twice (one at its very start), three weeks ago once, a cancelled one and a no-show.
    await pastBooking(jasonId, at(weeks[0]!, 0));
    await pastBooking(joeyId, at(addLocalDays(weeks[0]!, 4), 10 * 60));
    await pastBooking(jasonId, at(addLocalDays(weeks[8]!, 2), 9 * 60));
    await pastBooking(jasonId, at(addLocalDays(weeks[5]!, 1), 9 * 60), "cancelled");
    await pastBooking(joeyId, at(addLocalDays(weeks[5]!, 1), 9 * 60), "no_show");
    // The Sunday before the oldest week is outside the chart.
    await pastBooking(jasonId, at(addLocalDays(weeks[0]!, -1), 23 * 60));
    // Early this morning, before anyone's hours: still today's.
    const early = await pastBooking(joeyId, at(today, 6 * 60), "confirmed");

    const summary = await owner.client.dashboard.summary.query();
    expect(summary).toMatchObject({
      timeZone: zone,
      today,
      upcomingBookings: expect.any(Number),
      pendingReviews: expect.any(Number),
      newEnquiries: expect.any(Number),
    });

    expect(summary.bookingsPerWeek.map((w) => w.weekStart)).toEqual(weeks);
    expect(summary.bookingsPerWeek.map((w) => w.isoWeek)).toEqual(weeks.map(isoWeekLabel));
    const added = summary.bookingsPerWeek.map((w, i) => w.count - before[i]!);
    // Completed and no-show visits count; cancelled ones and the Sunday before the chart don't.
    expect(added.slice(0, 11)).toEqual([2, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0]);

    expect(summary.nextDays.map((d) => d.date)).toEqual(
      Array.from({ length: 7 }, (_, i) => addLocalDays(today, i)),
    );
    for (const day of summary.nextDays) {
      const rows = await t.db
        .select()
        .from(schema.bookings)
        .where(
          and(
            ne(schema.bookings.status, "cancelled"),
            gte(schema.bookings.startsAt, at(day.date, 0)),
            lt(schema.bookings.startsAt, at(addLocalDays(day.date, 1), 0)),
          ),
        );
      expect(day.count, day.date).toBe(rows.length);
    }
    expect(summary.nextDays[0]!.count).toBeGreaterThanOrEqual(1);

    const byName = Object.fromEntries(
      summary.todayByPractitioner.map((p) => [
        p.practitioner.name,
        p.appointments.map((a) => a.id),
      ]),
    );
    expect(byName).toEqual({ "Jason Lee": [], "Joey Lee": [early] });
    expect(
      summary.todayByPractitioner.find((p) => p.practitioner.id === joeyId)!.appointments[0],
    ).toMatchObject({
      patientName: "Past Patient",
      status: "confirmed",
    });
  });

  it("is open to every staff role and no one else", async () => {
    const frontDesk = await signedInStaff(t, "front_desk");
    const practitioner = await signedInStaff(t, "practitioner", { practitionerId: jasonId });
    await expect(frontDesk.client.dashboard.summary.query()).resolves.toHaveProperty(
      "bookingsPerWeek",
    );
    await expect(practitioner.client.dashboard.summary.query()).resolves.toHaveProperty("nextDays");
    await expect(t.client().dashboard.summary.query()).rejects.toMatchObject({
      data: { code: "UNAUTHORIZED" },
    });
  });
});
