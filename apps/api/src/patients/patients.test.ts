import { testDrivers } from "@clinic/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTestApp,
  insertTestBooking,
  practitionerIdBySlug,
  signedInStaff,
} from "../testing/index.js";

const DAY_MS = 86_400_000;

describe.each(testDrivers)("patients on %s", (driver) => {
  let t: Awaited<ReturnType<typeof createTestApp>>;

  beforeAll(async () => {
    t = await createTestApp({ driver });
  }, 180_000);
  afterAll(() => t.close());

  it("finds patients by part of a name, email or phone, with counts and next visit", async () => {
    const jasonId = await practitionerIdBySlug(t, "jason-lee");
    const frontDesk = await signedInStaff(t, "front_desk");
    const jason = await signedInStaff(t, "practitioner", { practitionerId: jasonId });
    // Well past the demo clinic's bookings, on the hour.
    const startsAt = new Date(Math.ceil((t.now().getTime() + 90 * DAY_MS) / 3_600_000) * 3_600_000);
    const { booking, patient } = await insertTestBooking(t.db, {
      startsAt,
      practitionerId: jasonId,
      patientName: "Phone Patient 41",
    });
    const { name } = patient;
    const email = patient.email!;
    const phone = patient.phone!;
    for (const query of [
      name.slice(2, 12).toUpperCase(),
      email.split("@")[0]!,
      phone.replace(/\s/g, ""),
    ]) {
      const found = await frontDesk.client.patients.search.query({ query });
      expect(
        found.patients.map((p) => p.email),
        query,
      ).toContain(email);
    }
    const { patients } = await jason.client.patients.search.query({ query: email });
    expect(patients).toEqual([
      expect.objectContaining({
        email,
        bookingCount: 1,
        nextVisit: startsAt,
        lastVisit: null,
      }),
    ]);
    // LIKE's wildcards are taken literally.
    expect((await frontDesk.client.patients.search.query({ query: "%" })).total).toBe(0);

    const detail = await frontDesk.client.patients.detail.query({ id: patients[0]!.id });
    expect(detail.patient).toMatchObject({ name, email, phone });
    expect(detail.bookings.map((b) => b.id)).toEqual([booking.id]);
  });
});
