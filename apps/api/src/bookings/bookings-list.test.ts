import { schema } from "@clinic/db";
import { testDrivers } from "@clinic/db/testing";
import { BOOKINGS_PAGE_SIZE, startOfLocalDay } from "@clinic/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, demoClinic, demoStaff, failure, type TestApp } from "../testing/index.js";

const SYDNEY = "Australia/Sydney";
const HOUR = 3_600_000;

/** A booking of `practitionerId` for a new patient, starting `hour` hours after local midnight of `date`. */
async function booking(
  t: TestApp,
  options: {
    date: string;
    hour: number;
    practitionerId: string;
    serviceId: string;
    patient: { name: string; email: string; phone: string };
    status?: "confirmed" | "cancelled" | "completed" | "no_show";
  },
) {
  const [patient] = await t.db.insert(schema.patients).values(options.patient).returning();
  const startsAt = new Date(startOfLocalDay(SYDNEY, options.date).getTime() + options.hour * HOUR);
  const endsAt = new Date(startsAt.getTime() + 30 * 60_000);
  const [row] = await t.db
    .insert(schema.bookings)
    .values({
      serviceId: options.serviceId,
      practitionerId: options.practitionerId,
      patientId: patient!.id,
      startsAt,
      endsAt,
      during: { start: startsAt, end: endsAt },
      status: options.status ?? "confirmed",
    })
    .returning();
  return { id: row!.id, patientId: patient!.id, startsAt };
}

describe.each(testDrivers)("the staff bookings list (%s)", (driver) => {
  let t: TestApp;
  let clinic: Awaited<ReturnType<typeof demoClinic>>;
  let staff: Awaited<ReturnType<typeof demoStaff>>;
  const ids: Record<string, { id: string; patientId: string }> = {};
  // A June week in 2027, clear of the demo clinic's bookings around the test clock.
  const week = { from: "2027-06-07", to: "2027-06-13" };

  beforeAll(async () => {
    t = await createTestApp({ driver });
    clinic = await demoClinic(t);
    staff = await demoStaff(t, clinic);
    const assessment = clinic.serviceIdOf("initial-assessment");
    const at = (
      key: string,
      date: string,
      hour: number,
      practitionerId: string,
      patient: { name: string; email: string; phone: string },
      extra: { status?: "cancelled" | "completed"; serviceId?: string } = {},
    ) =>
      booking(t, {
        date,
        hour,
        practitionerId,
        serviceId: extra.serviceId ?? clinic.serviceId,
        patient,
        status: extra.status,
      }).then((b) => {
        ids[key] = b;
      });
    await at("mia", "2027-06-07", 9, clinic.jasonId, {
      name: "Mia Tanaka",
      email: "mia.tanaka@example.com",
      phone: "0412 345 678",
    });
    await at("ben", "2027-06-08", 10, clinic.joeyId, {
      name: "Ben Okafor",
      email: "ben@example.org",
      phone: "(02) 9000 1111",
    });
    await at(
      "cancelled",
      "2027-06-09",
      11,
      clinic.jasonId,
      { name: "Cara Cancel", email: "cara@example.com", phone: "0400 000 001" },
      { status: "cancelled" },
    );
    await at(
      "assessment",
      "2027-06-10",
      12,
      clinic.joeyId,
      { name: "Dev Assess", email: "dev@example.com", phone: "0400 000 002" },
      { serviceId: assessment },
    );
    // The last local minutes of the week are in it; the first of the next day are not.
    await at("lateSunday", "2027-06-13", 23.5, clinic.jasonId, {
      name: "Late Sunday",
      email: "late@example.com",
      phone: "0400 000 003",
    });
    await at("nextMonday", "2027-06-14", 0.25, clinic.joeyId, {
      name: "Next Monday",
      email: "next@example.com",
      phone: "0400 000 004",
    });
  }, 120_000);
  afterAll(() => t?.close());

  const names = (page: { items: { patient: { name: string } }[] }) =>
    page.items.map((b) => b.patient.name);

  it("lists a week's bookings by start, local days in the clinic's zone, with the total", async () => {
    const page = await staff.frontDesk.client.bookings.search.query(week);
    expect(names(page)).toEqual([
      "Mia Tanaka",
      "Ben Okafor",
      "Cara Cancel",
      "Dev Assess",
      "Late Sunday",
    ]);
    expect(page).toMatchObject({ total: 5, page: 1, pageCount: 1, timeZone: SYDNEY });
    expect(page.items[0]).toMatchObject({
      id: ids.mia!.id,
      status: "confirmed",
      practitioner: { id: clinic.jasonId, name: "Jason Lee" },
      patient: { email: "mia.tanaka@example.com", erased: false },
    });
  });

  it("filters by practitioner, service, status and patient", async () => {
    const client = staff.owner.client.bookings;
    expect(names(await client.search.query({ ...week, practitionerId: clinic.joeyId }))).toEqual([
      "Ben Okafor",
      "Dev Assess",
    ]);
    expect(
      names(
        await client.search.query({
          ...week,
          serviceId: clinic.serviceIdOf("initial-assessment"),
        }),
      ),
    ).toEqual(["Dev Assess"]);
    expect(names(await client.search.query({ ...week, status: "cancelled" }))).toEqual([
      "Cara Cancel",
    ]);
    expect(names(await client.search.query({ ...week, patientId: ids.ben!.patientId }))).toEqual([
      "Ben Okafor",
    ]);
  });

  it("searches the patient's name, email and phone (digits alone too)", async () => {
    const search = (query: string) =>
      staff.jason.client.bookings.search.query({ ...week, query }).then(names);
    expect(await search("tanaka")).toEqual(["Mia Tanaka"]);
    expect(await search("BEN@EXAMPLE")).toEqual(["Ben Okafor"]);
    expect(await search("0412345678")).toEqual(["Mia Tanaka"]);
    expect(await search("9000 1111")).toEqual(["Ben Okafor"]);
    // LIKE's wildcards are taken literally.
    expect(await search("%")).toEqual([]);
    const none = await staff.jason.client.bookings.search.query({ ...week, query: "nobody" });
    expect(none).toMatchObject({ items: [], total: 0, pageCount: 1 });
  });

  it("pages in a stable order: no booking skipped or repeated", async () => {
    const busy = { from: "2027-08-02", to: "2027-08-06" };
    const made: string[] = [];
    for (let i = 0; i < BOOKINGS_PAGE_SIZE + 5; i++) {
      const b = await booking(t, {
        date: `2027-08-0${2 + (i % 5)}`,
        // Two practitioners at the same times, so many bookings share a start.
        hour: 7 + Math.floor(i / 10),
        practitionerId: i % 2 ? clinic.jasonId : clinic.joeyId,
        serviceId: clinic.serviceId,
        patient: { name: `Pager ${i}`, email: `pager${i}@example.com`, phone: "0400 999 999" },
        status: "cancelled",
      });
      made.push(b.id);
    }
    const first = await staff.owner.client.bookings.search.query(busy);
    const second = await staff.owner.client.bookings.search.query({ ...busy, page: 2 });
    expect(first).toMatchObject({ total: BOOKINGS_PAGE_SIZE + 5, pageCount: 2 });
    expect(first.items).toHaveLength(BOOKINGS_PAGE_SIZE);
    expect(second.items).toHaveLength(5);
    const seen = [...first.items, ...second.items];
    expect(new Set(seen.map((b) => b.id))).toEqual(new Set(made));
    const starts = seen.map((b) => b.startsAt.getTime());
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    const third = await staff.owner.client.bookings.search.query({ ...busy, page: 3 });
    expect(third.items).toEqual([]);
  });

  it("refuses a backwards or over-long range, naming the field", async () => {
    const backwards = await failure(
      staff.owner.client.bookings.search.query({ from: "2027-06-13", to: "2027-06-07" }),
    );
    expect(backwards.code).toBe("BAD_REQUEST");
    expect(backwards.fieldErrors).toHaveProperty("to");
    const tooLong = await failure(
      staff.owner.client.bookings.search.query({ from: "2027-01-01", to: "2028-01-02" }),
    );
    expect(tooLong.fieldErrors).toHaveProperty("to");
    const badDate = await failure(
      staff.owner.client.bookings.search.query({ from: "2027-02-30", to: "2027-03-01" }),
    );
    expect(badDate.fieldErrors).toHaveProperty("from");
  });

  it("is for staff only", async () => {
    expect((await failure(t.client().bookings.search.query(week))).code).toBe("UNAUTHORIZED");
  });
});
