import { testDrivers } from "@clinic/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  auditRows,
  createTestApp,
  demoClinic,
  demoStaff,
  failure,
  type signedInStaff,
  type TestApp,
} from "../testing/index.js";

describe.each(testDrivers)("public holidays as closures (%s)", (driver) => {
  let t: TestApp;
  let serviceId: string;
  let owner: Awaited<ReturnType<typeof signedInStaff>>;
  let frontDesk: Awaited<ReturnType<typeof signedInStaff>>;

  beforeAll(async () => {
    t = await createTestApp({ driver });
    const clinic = await demoClinic(t);
    serviceId = clinic.serviceId;
    ({ owner, frontDesk } = await demoStaff(t, clinic));
  }, 180_000);
  afterAll(() => t.close());

  it("offers the region's next 12 months from the clinic's today, the demo's all accepted", async () => {
    // The test clock starts on 2027-02-09 in Sydney: the demo accepted holidays up to 2028-02-08.
    const { region, holidays } = await frontDesk.client.schedules.holidaySuggestions.query();
    expect(region).toBe("AU-NSW");
    expect(holidays[0]).toMatchObject({ startDate: "2027-03-26", name: "Good Friday" });
    expect(holidays.map((h) => h.name)).toEqual(
      expect.arrayContaining(["Christmas Day", "Boxing Day", "Australia Day"]),
    );
    expect(holidays.every((h) => h.startDate >= "2027-02-09" && h.startDate < "2028-02-09")).toBe(
      true,
    );
    expect(holidays.filter((h) => h.closureId === null)).toEqual([]);
  });

  it("accepts a holiday in one call, named after it, and a second accept changes nothing", async () => {
    const closures = await owner.client.schedules.listClosures.query({ includePast: false });
    const christmas = closures.find((c) => c.startDate === "2027-12-25")!;
    expect(christmas).toMatchObject({ endDate: "2027-12-25", reason: "Christmas Day" });
    await owner.client.schedules.removeClosure.mutate({ id: christmas.id });
    const offered = (await owner.client.schedules.holidaySuggestions.query()).holidays;
    expect(offered.find((h) => h.startDate === "2027-12-25")?.closureId).toBeNull();

    const before = (await auditRows(t, "clinic_closure.create")).length;
    const first = await owner.client.schedules.acceptHoliday.mutate({ startDate: "2027-12-25" });
    expect(first.created).toBe(true);
    const again = await owner.client.schedules.acceptHoliday.mutate({ startDate: "2027-12-25" });
    expect(again).toEqual({ closureId: first.closureId, created: false });
    const after = await owner.client.schedules.listClosures.query({ includePast: false });
    expect(after.filter((c) => c.startDate === "2027-12-25")).toEqual([
      expect.objectContaining({ id: first.closureId, reason: "Christmas Day" }),
    ]);
    expect((await auditRows(t, "clinic_closure.create")).length).toBe(before + 1);
  });

  it("makes one closure when the same holiday is accepted twice at once", async () => {
    const closures = await owner.client.schedules.listClosures.query({ includePast: false });
    const boxingDay = closures.find((c) => c.startDate === "2027-12-28")!;
    expect(boxingDay.reason).toMatch(/Boxing Day/);
    await owner.client.schedules.removeClosure.mutate({ id: boxingDay.id });
    const results = await Promise.all([
      owner.client.schedules.acceptHoliday.mutate({ startDate: "2027-12-28" }),
      owner.client.schedules.acceptHoliday.mutate({ startDate: "2027-12-28" }),
    ]);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(results[0]!.closureId).toBe(results[1]!.closureId);
    const after = await owner.client.schedules.listClosures.query({ includePast: false });
    expect(after.filter((c) => c.startDate === "2027-12-28")).toHaveLength(1);
  });

  it("refuses a date with no holiday, and staff who may not close the clinic", async () => {
    const none = await failure(
      owner.client.schedules.acceptHoliday.mutate({ startDate: "2027-12-23" }),
    );
    expect(none.code).toBe("BAD_REQUEST");
    expect(none.fieldErrors).toEqual({
      startDate: ["There's no public holiday on that date in the next year"],
    });
    const refused = await failure(
      frontDesk.client.schedules.acceptHoliday.mutate({ startDate: "2027-12-26" }),
    );
    expect(refused.code).toBe("FORBIDDEN");
  });

  it("names the closure on a closed day of the availability answer, with no times that day", async () => {
    const answer = await t.client().availability.slots.query({
      serviceId,
      practitionerId: "any",
      from: "2027-03-25",
      to: "2027-03-30",
    });
    expect(answer.closedDays).toEqual([
      { date: "2027-03-26", reason: "Good Friday" },
      { date: "2027-03-27", reason: "Easter Saturday" },
      { date: "2027-03-28", reason: "Easter Sunday" },
      { date: "2027-03-29", reason: "Easter Monday" },
    ]);
    const open = answer.days.map((d) => d.date);
    expect(open).toContain("2027-03-25");
    for (const closed of answer.closedDays) expect(open).not.toContain(closed.date);
  });

  it("checks the region against the holiday library, naming the field, and none offers none", async () => {
    const current = await owner.client.settings.staffGet.query();
    for (const holidayRegion of ["AU-XYZ", "XX", "Sydney"]) {
      const bad = await failure(owner.client.settings.update.mutate({ ...current, holidayRegion }));
      expect(bad.fieldErrors, holidayRegion).toEqual({ holidayRegion: [expect.any(String)] });
    }
    expect(await owner.client.settings.staffGet.query()).toEqual(current);

    const vic = await owner.client.settings.update.mutate({ ...current, holidayRegion: "au-vic" });
    expect(vic.holidayRegion).toBe("AU-VIC");
    const names = (await owner.client.schedules.holidaySuggestions.query()).holidays.map(
      (h) => h.name,
    );
    expect(names).toContain("Melbourne Cup");

    await owner.client.settings.update.mutate({ ...current, holidayRegion: null });
    expect(await owner.client.schedules.holidaySuggestions.query()).toEqual({
      region: null,
      holidays: [],
    });
    await owner.client.settings.update.mutate(current);
  });
});
