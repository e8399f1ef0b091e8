import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "./database.js";
import { SQLSTATE, sqlState } from "./database.js";
import * as schema from "./schema.js";
import { isEmpty, seedDemoClinic, seedIfEmpty } from "./seed/seed.js";
import { createTestDatabase, testDrivers } from "./testing.js";

const at = (iso: string) => new Date(iso);

describe.each(testDrivers)("schema on %s", (driver) => {
  let handle: DatabaseHandle;
  let practitionerId: string;
  let otherPractitionerId: string;
  let serviceId: string;
  let patientId: string;

  beforeAll(async () => {
    handle = await createTestDatabase(driver);
    const [p1, p2] = await handle.db
      .insert(schema.practitioners)
      .values([
        { slug: "a", name: "A", title: "Chiro", bio: "…" },
        { slug: "b", name: "B", title: "Chiro", bio: "…" },
      ])
      .returning();
    const [service] = await handle.db
      .insert(schema.services)
      .values({ slug: "s", name: "S", summary: "…", durationMinutes: 30, priceCents: 9000 })
      .returning();
    const [patient] = await handle.db
      .insert(schema.patients)
      .values({ name: "Pat", email: "pat@example.com", phone: "0400 000 000" })
      .returning();
    practitionerId = p1!.id;
    otherPractitionerId = p2!.id;
    serviceId = service!.id;
    patientId = patient!.id;
  });
  afterAll(() => handle.close());

  const book = (
    start: string,
    end: string,
    overrides: Partial<typeof schema.bookings.$inferInsert> = {},
  ) =>
    handle.db
      .insert(schema.bookings)
      .values({
        serviceId,
        practitionerId,
        patientId,
        startsAt: at(start),
        endsAt: at(end),
        during: { start: at(start), end: at(end) },
        ...overrides,
      })
      .returning();

  async function errorOf(promise: Promise<unknown>): Promise<unknown> {
    try {
      await promise;
    } catch (error) {
      return error;
    }
    throw new Error("expected the statement to fail");
  }

  it("rejects an overlapping booking for the same practitioner with SQLSTATE 23P01", async () => {
    await book("2030-03-04T00:00:00Z", "2030-03-04T00:30:00Z");
    const error = await errorOf(book("2030-03-04T00:15:00Z", "2030-03-04T00:45:00Z"));
    expect(sqlState(error)).toBe(SQLSTATE.exclusionViolation);
  });

  it("counts buffers: a booking overlapping only the blocked buffer is rejected too", async () => {
    await book("2030-03-05T00:00:00Z", "2030-03-05T00:30:00Z", {
      during: { start: at("2030-03-05T00:00:00Z"), end: at("2030-03-05T00:40:00Z") },
    });
    const error = await errorOf(book("2030-03-05T00:35:00Z", "2030-03-05T01:00:00Z"));
    expect(sqlState(error)).toBe(SQLSTATE.exclusionViolation);
  });

  it("allows back-to-back bookings, other practitioners, and time freed by cancellation", async () => {
    await book("2030-03-06T00:00:00Z", "2030-03-06T00:30:00Z");
    await expect(book("2030-03-06T00:30:00Z", "2030-03-06T01:00:00Z")).resolves.toHaveLength(1);
    await expect(
      book("2030-03-06T00:00:00Z", "2030-03-06T00:30:00Z", { practitionerId: otherPractitionerId }),
    ).resolves.toHaveLength(1);

    const [cancelled] = await book("2030-03-07T00:00:00Z", "2030-03-07T00:30:00Z", {
      status: "cancelled",
    });
    expect(cancelled?.status).toBe("cancelled");
    await expect(book("2030-03-07T00:00:00Z", "2030-03-07T00:30:00Z")).resolves.toHaveLength(1);
    // …and a cancelled booking can't be revived into an overlap.
    const error = await errorOf(
      handle.db
        .update(schema.bookings)
        .set({ status: "confirmed" })
        .where(eq(schema.bookings.id, cancelled!.id)),
    );
    expect(sqlState(error)).toBe(SQLSTATE.exclusionViolation);
  });

  it("keeps idempotency keys unique", async () => {
    await book("2030-03-08T00:00:00Z", "2030-03-08T00:30:00Z", { idempotencyKey: "key-1" });
    const error = await errorOf(
      book("2030-03-09T00:00:00Z", "2030-03-09T00:30:00Z", { idempotencyKey: "key-1" }),
    );
    expect(sqlState(error)).toBe(SQLSTATE.uniqueViolation);
  });

  it("checks that a booking ends after it starts and that ratings are 1 to 5", async () => {
    const backwards = await errorOf(book("2030-03-10T01:00:00Z", "2030-03-10T00:30:00Z"));
    expect(sqlState(backwards)).toBeDefined();
    const rating = await errorOf(
      handle.db
        .insert(schema.reviews)
        .values({ authorName: "X", rating: 6, body: "Too good to be true" }),
    );
    expect(sqlState(rating)).toBe(SQLSTATE.checkViolation);
  });

  it("stores instants as timestamptz and round-trips the blocked range", async () => {
    const [row] = await book("2030-04-05T15:00:00Z", "2030-04-05T15:30:00Z");
    const [readBack] = await handle.db
      .select()
      .from(schema.bookings)
      .where(eq(schema.bookings.id, row!.id));
    expect(readBack!.startsAt.toISOString()).toBe("2030-04-05T15:00:00.000Z");
    expect(readBack!.during.end.toISOString()).toBe("2030-04-05T15:30:00.000Z");
    // Both drivers return `{ rows }` from a raw query.
    const { rows } = (await handle.db.execute(
      sql`select data_type from information_schema.columns where table_name = 'bookings' and column_name = 'starts_at'`,
    )) as unknown as { rows: { data_type: string }[] };
    expect(rows[0]?.data_type).toBe("timestamp with time zone");
  });
});

// A Tuesday morning in Sydney: tests never read the real date, so they pass on every day.
const SEEDED_AT = at("2027-02-09T09:15:00+11:00");

describe.each(testDrivers)("demo seed on %s", (driver) => {
  it("seeds an empty database once, and only once", async () => {
    const handle = await createTestDatabase(driver);
    try {
      expect(await isEmpty(handle.db)).toBe(true);
      expect(
        await seedIfEmpty(handle.db, { ownerPassword: "seed-test-password", now: SEEDED_AT }),
      ).toBe(true);
      expect(await seedIfEmpty(handle.db, { now: SEEDED_AT })).toBe(false);
      await seedDemoClinic(handle.db, { now: SEEDED_AT }); // a direct second call is a no-op too
      const practitioners = await handle.db.select().from(schema.practitioners);
      expect(practitioners.map((p) => p.name).sort()).toEqual(["Jason Lee", "Joey Lee"]);
      expect(await handle.db.select().from(schema.staffUsers)).toHaveLength(1);
      const reviews = await handle.db.select().from(schema.reviews);
      expect(reviews.length).toBeGreaterThanOrEqual(12);
      const bodies = reviews.map((r) => r.body);
      expect(new Set(bodies).size).toBe(bodies.length - 1); // the deliberate duplicate pair
    } finally {
      await handle.close();
    }
  });

  // Whatever day the clinic first starts on, its diary has visits ahead and yesterday's to mark.
  it.each([
    ["a Tuesday morning", SEEDED_AT],
    ["a Monday just after midnight", at("2026-11-30T00:05:00+11:00")],
    ["a Sunday just before midnight", at("2026-11-29T23:55:00+11:00")],
    ["the day clocks go forward", at("2026-10-04T12:00:00+11:00")],
    ["the day clocks go back", at("2027-04-04T12:00:00+10:00")],
  ])("on %s it has upcoming bookings and recent visits to mark", async (_label, now) => {
    const handle = await createTestDatabase(driver);
    try {
      await seedDemoClinic(handle.db, { ownerPassword: "seed-test-password", now });
      const bookings = await handle.db.select().from(schema.bookings);
      const upcoming = bookings.filter((b) => b.startsAt.getTime() > now.getTime());
      expect(upcoming.length).toBeGreaterThanOrEqual(4);
      const past = bookings.filter((b) => b.startsAt.getTime() < now.getTime());
      expect(past.length).toBeGreaterThanOrEqual(1);
      expect(past.every((b) => b.status === "confirmed")).toBe(true);
      // No demo visit sits more than a week back, so dashboards start with a quiet history.
      expect(past.every((b) => now.getTime() - b.startsAt.getTime() <= 8 * 86_400_000)).toBe(true);
    } finally {
      await handle.close();
    }
  });
});
