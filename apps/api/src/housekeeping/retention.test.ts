import { insertBooking, schema, upsertPatient } from "@clinic/db";
import { testDrivers } from "@clinic/db/testing";
import { ERASED_PATIENT_NAME } from "@clinic/domain";
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  auditRows,
  createTestApp,
  demoClinic,
  filledInFormToken,
  signedInStaff,
  type TestApp,
} from "../testing/index.js";
import { startHousekeeper } from "./housekeeping.js";

const DAY_MS = 86_400_000;
const YEAR_MS = 365 * DAY_MS;

describe.each(testDrivers)("removing inactive patients and enquiries (%s)", (driver) => {
  let t: TestApp;
  let clinic: Awaited<ReturnType<typeof demoClinic>>;
  const ids: Record<"gone" | "recent" | "upcoming", string> = {
    gone: "",
    recent: "",
    upcoming: "",
  };
  const enquiryIds: Record<"old" | "recent", string> = { old: "", recent: "" };

  // How many times housekeeping told the public caches that published content changed.
  let publicChanges = 0;
  const housekeeper = () =>
    startHousekeeper({
      db: t.db,
      logger: t.logger,
      now: t.now,
      intervalMs: 3_600_000,
      autoStart: false,
      onPublicChange: async () => {
        publicChanges += 1;
      },
    });

  /** A patient whose row dates from `agoMs` before now, with one booking starting `bookingAgoMs` before now. */
  async function patientWithBooking(name: string, agoMs: number, bookingAgoMs: number) {
    const then = new Date(t.now().getTime() - agoMs);
    const { id } = await upsertPatient(t.db, {
      name,
      email: `${name.toLowerCase().replace(/\s+/g, ".")}@example.com`,
      phone: "0400 111 222",
    });
    await t.db
      .update(schema.patients)
      .set({ createdAt: then, updatedAt: then })
      .where(eq(schema.patients.id, id));
    const startsAt = new Date(t.now().getTime() - bookingAgoMs);
    const endsAt = new Date(startsAt.getTime() + 30 * 60_000);
    const booking = await insertBooking(t.db, {
      serviceId: clinic.serviceId,
      practitionerId: clinic.joeyId,
      patientId: id,
      startsAt,
      endsAt,
      blockedFrom: startsAt,
      blockedUntil: endsAt,
      notes: `${name}'s notes`,
      contactConsent: false,
      idempotencyKey: null,
      manageTokenHash: null,
    });
    const made = new Date(Math.min(then.getTime(), startsAt.getTime()));
    await t.db
      .update(schema.bookings)
      .set({
        status: bookingAgoMs > 0 ? "completed" : "confirmed",
        createdAt: made,
        updatedAt: made,
      })
      .where(eq(schema.bookings.id, booking.id));
    return id;
  }

  async function enquiryFrom(name: string, agoMs: number) {
    const { id } = await t.client().enquiries.submit.mutate({
      name,
      email: `${name.toLowerCase().replace(/\s+/g, ".")}@example.com`,
      phone: null,
      message: "Are you open on Sundays?",
      formToken: filledInFormToken("enquiry"),
    });
    const then = new Date(t.now().getTime() - agoMs);
    await t.db
      .update(schema.enquiries)
      .set({ createdAt: then, updatedAt: then })
      .where(eq(schema.enquiries.id, id));
    return id;
  }

  beforeAll(async () => {
    t = await createTestApp({ driver });
    clinic = await demoClinic(t);
    ids.gone = await patientWithBooking("Long Gone", 4 * YEAR_MS, 3 * YEAR_MS);
    ids.recent = await patientWithBooking("Came Back", 4 * YEAR_MS, YEAR_MS);
    ids.upcoming = await patientWithBooking("Booked Ahead", 4 * YEAR_MS, -20 * DAY_MS);
    enquiryIds.old = await enquiryFrom("Old Asker", 3 * YEAR_MS);
    enquiryIds.recent = await enquiryFrom("New Asker", YEAR_MS);
  }, 180_000);
  afterAll(() => t.close());

  const patient = async (id: string) =>
    (await t.db.select().from(schema.patients).where(eq(schema.patients.id, id)))[0]!;
  const enquiriesLeft = async () =>
    (
      await t.db
        .select({ id: schema.enquiries.id })
        .from(schema.enquiries)
        .where(inArray(schema.enquiries.id, Object.values(enquiryIds)))
    ).map((r) => r.id);

  it("removes nothing while the setting is off (the default)", async () => {
    const result = await housekeeper().runOnce();
    expect(result).toMatchObject({ erasedPatients: 0, deletedEnquiries: 0 });
    expect((await patient(ids.gone)).name).toBe("Long Gone");
    expect((await enquiriesLeft()).sort()).toEqual(Object.values(enquiryIds).sort());
  });

  it("erases only patients and deletes only enquiries inactive for longer, once across instances", async () => {
    const owner = await signedInStaff(t, "owner");
    const settings = await owner.client.settings.staffGet.query();
    expect(settings.inactiveRetentionYears).toBeNull();
    await owner.client.settings.update.mutate({ ...settings, inactiveRetentionYears: 2 });

    // Two instances' timers meet: one run does the work, the other finds nothing left or skips.
    const results = await Promise.all([housekeeper().runOnce(), housekeeper().runOnce()]);
    const total = (key: "erasedPatients" | "deletedEnquiries") =>
      results.reduce((sum, r) => sum + (r?.[key] ?? 0), 0);
    expect(total("erasedPatients")).toBe(1);
    expect(total("deletedEnquiries")).toBe(1);
    // Their published reviews went too: the caches heard of it once, from the run that erased.
    expect(publicChanges).toBe(1);

    const gone = await patient(ids.gone);
    expect(gone).toMatchObject({ name: ERASED_PATIENT_NAME, phone: "" });
    expect(gone.erasedAt).not.toBeNull();
    const kept = await t.db
      .select()
      .from(schema.bookings)
      .where(eq(schema.bookings.patientId, ids.gone));
    expect(kept.map((b) => [b.status, b.notes])).toEqual([["completed", ""]]);
    expect((await patient(ids.recent)).name).toBe("Came Back");
    expect((await patient(ids.upcoming)).name).toBe("Booked Ahead");
    expect(await enquiriesLeft()).toEqual([enquiryIds.recent]);

    const erasures = (await auditRows(t, "patient.erase")).filter((a) => a.entityId === ids.gone);
    expect(erasures).toHaveLength(1);
    expect(erasures[0]).toMatchObject({ actorId: null, actorName: "Housekeeping" });
    expect(erasures[0]!.changes).toMatchObject({ reason: { from: null, to: "retention" } });
    expect(JSON.stringify(erasures[0])).not.toContain("Long Gone");
    const deletions = await auditRows(t, "enquiry.delete");
    expect(deletions.map((a) => a.entityId)).toEqual([enquiryIds.old]);

    // Nothing is left for the next run; the demo clinic's own patients are all active.
    expect(await housekeeper().runOnce()).toMatchObject({ erasedPatients: 0, deletedEnquiries: 0 });
    expect(publicChanges).toBe(1);
  });
});
