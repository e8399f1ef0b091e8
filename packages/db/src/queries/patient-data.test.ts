import { ERASED_PATIENT_NAME } from "@clinic/domain";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../database.js";
import * as schema from "../schema.js";
import { createTestDatabase, testDrivers } from "../testing.js";
import {
  collectPatientData,
  ERASED_TEXT,
  erasePatient,
  findInactivePatients,
  scrubPersonalData,
} from "./patient-data.js";

const at = (iso: string) => new Date(iso);

describe("scrubPersonalData", () => {
  const needles = ["sam ng", "sam@example.com", "0400 123 456", "0400123456"];

  it("replaces what names the person and free text about them, keeping ids, times and statuses", () => {
    const changes = {
      status: { from: "confirmed", to: "cancelled" },
      cancellationReason: { from: null, to: "Moving away" },
      patientId: { from: null, to: "0b1c2d3e-0000-4000-8000-000000000000" },
      startsAt: { from: null, to: "2027-02-10T21:00:00.000Z" },
      other: { from: "Call SAM NG back", to: "0400-123-456" },
      nested: [{ label: "(0400) 123456" }],
    };
    expect(scrubPersonalData(changes, needles, { freeText: true })).toEqual({
      status: { from: "confirmed", to: "cancelled" },
      cancellationReason: { from: null, to: ERASED_TEXT },
      patientId: changes.patientId,
      startsAt: changes.startsAt,
      other: { from: ERASED_TEXT, to: ERASED_TEXT },
      nested: [{ label: ERASED_TEXT }],
    });
  });

  it("leaves free text that doesn't name them alone in entries about other records", () => {
    const changes = { name: { from: "Westside", to: "Westside Sports" } };
    expect(scrubPersonalData(changes, needles, { freeText: false })).toEqual(changes);
  });

  it("doesn't take a date's digits for a phone number", () => {
    expect(scrubPersonalData("2027-02-10T04:00:12.345Z", ["040012"], { freeText: false })).toBe(
      "2027-02-10T04:00:12.345Z",
    );
  });
});

describe.each(testDrivers)("patient data on %s", (driver) => {
  let handle: DatabaseHandle;
  let serviceId: string;
  let practitionerId: string;

  beforeAll(async () => {
    handle = await createTestDatabase(driver);
    const [practitioner] = await handle.db
      .insert(schema.practitioners)
      .values({ slug: "a", name: "A", title: "Chiro", bio: "…" })
      .returning();
    const [service] = await handle.db
      .insert(schema.services)
      .values({ slug: "s", name: "S", summary: "…", durationMinutes: 30, priceCents: 9000 })
      .returning();
    practitionerId = practitioner!.id;
    serviceId = service!.id;
  });
  afterAll(() => handle.close());

  async function patientWith(email: string, created: string, bookingStarts: string[]) {
    const [patient] = await handle.db
      .insert(schema.patients)
      .values({
        name: `Patient ${email}`,
        email,
        phone: "0400 000 000",
        createdAt: at(created),
        updatedAt: at(created),
      })
      .returning();
    for (const start of bookingStarts) {
      const startsAt = at(start);
      const endsAt = new Date(startsAt.getTime() + 30 * 60_000);
      await handle.db.insert(schema.bookings).values({
        serviceId,
        practitionerId,
        patientId: patient!.id,
        startsAt,
        endsAt,
        during: { start: startsAt, end: endsAt },
        manageTokenHash: `hash-${email}-${start}`,
        createdAt: at(created),
        updatedAt: at(created),
      });
    }
    return patient!.id;
  }

  it("finds patients whose row and bookings are all older than the cut-off, oldest first", async () => {
    const idle = await patientWith("idle@example.com", "2019-01-01T00:00:00Z", [
      "2019-06-01T00:00:00Z",
    ]);
    const older = await patientWith("older@example.com", "2018-01-01T00:00:00Z", []);
    await patientWith("visited@example.com", "2018-01-01T00:00:00Z", ["2025-06-01T00:00:00Z"]);
    await patientWith("ahead@example.com", "2018-01-01T00:00:00Z", ["2027-06-01T00:00:00Z"]);
    const cutoff = at("2024-01-01T00:00:00Z");
    expect(await findInactivePatients(handle.db, cutoff, 10)).toEqual([older, idle]);
    expect(await findInactivePatients(handle.db, cutoff, 1)).toEqual([older]);

    const now = at("2026-11-30T00:00:00Z");
    const result = await handle.db.transaction((tx) =>
      erasePatient(tx, idle, {
        now,
        actor: { id: null, name: "Housekeeping" },
        reason: "retention",
      }),
    );
    expect(result).toMatchObject({ outcome: "erased", counts: { bookingsKept: 1 } });
    // Erased patients are never picked again.
    expect(await findInactivePatients(handle.db, cutoff, 10)).toEqual([older]);

    const data = await collectPatientData(handle.db, idle);
    expect(data?.patient).toMatchObject({ name: ERASED_PATIENT_NAME, phone: "", erasedAt: now });
    const [booking] = await handle.db
      .select()
      .from(schema.bookings)
      .where(eq(schema.bookings.patientId, idle));
    expect(booking!.manageTokenHash).toBeNull();
    expect(
      await handle.db.transaction((tx) =>
        erasePatient(tx, idle, { now, actor: { id: null, name: "x" }, reason: "request" }),
      ),
    ).toEqual({ outcome: "already_erased" });
  });
});
