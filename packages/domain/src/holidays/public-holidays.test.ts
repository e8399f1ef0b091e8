import { describe, expect, it } from "vitest";
import { isKnownHolidayRegion, publicHolidays, upcomingPublicHolidays } from "./public-holidays.js";

describe("isKnownHolidayRegion", () => {
  it("knows countries, states and regions of the holiday library", () => {
    for (const code of ["AU", "AU-NSW", "AU-VIC", "US-CA", "DE-BY-A", "GB"]) {
      expect(isKnownHolidayRegion(code), code).toBe(true);
    }
  });

  it("refuses unknown or malformed codes", () => {
    for (const code of ["XX", "AU-XYZ", "DE-BY-ZZ", "au-nsw", "AU_NSW", "", "Australia"]) {
      expect(isKnownHolidayRegion(code), code).toBe(false);
    }
  });
});

describe("publicHolidays", () => {
  it("lists New South Wales' public holidays as local dates, substitute days included", () => {
    const december = publicHolidays("AU-NSW", "2026-12-01", "2026-12-31");
    expect(december).toEqual([
      { startDate: "2026-12-25", endDate: "2026-12-25", name: "Christmas Day" },
      { startDate: "2026-12-26", endDate: "2026-12-26", name: "Boxing Day" },
      { startDate: "2026-12-28", endDate: "2026-12-28", name: "Boxing Day (substitute day)" },
    ]);
  });

  it("keeps to public holidays (no bank or observance days) and spans years", () => {
    const names = publicHolidays("AU-NSW", "2026-12-20", "2027-01-31").map((h) => h.name);
    expect(names).toContain("New Year's Day");
    expect(names).toContain("Australia Day");
    expect(names).not.toContain("Christmas Eve");
  });

  it("gives an unknown region nothing", () => {
    expect(publicHolidays("XX", "2026-01-01", "2026-12-31")).toEqual([]);
  });
});

describe("upcomingPublicHolidays", () => {
  it("starts from today in the clinic's zone, not in UTC", () => {
    // 00:30 on Christmas Day in Sydney is still 24 December in UTC.
    const now = new Date("2026-12-24T13:30:00Z");
    const upcoming = upcomingPublicHolidays("AU-NSW", now, "Australia/Sydney");
    expect(upcoming[0]).toMatchObject({ startDate: "2026-12-25", name: "Christmas Day" });
    // A year ahead ends the day before the same date: next Christmas is not offered yet.
    expect(upcoming.at(-1)!.startDate < "2027-12-25").toBe(true);
    expect(upcoming.map((h) => h.startDate)).toContain("2027-10-04");
  });

  it("drops a holiday once it's past in the zone, even while it's still that day elsewhere", () => {
    // 00:30 on 26 December in Sydney: Christmas Day is over there.
    const now = new Date("2026-12-25T13:30:00Z");
    const upcoming = upcomingPublicHolidays("AU-NSW", now, "Australia/Sydney");
    expect(upcoming[0]).toMatchObject({ startDate: "2026-12-26", name: "Boxing Day" });
  });

  it("reads today right on a day whose clocks change at midnight (Santiago)", () => {
    // 2027-09-05 00:00 local doesn't exist in Santiago (clocks go to 01:00); this instant is 01:00.
    const now = new Date("2027-09-05T04:00:00Z");
    const upcoming = upcomingPublicHolidays("CL", now, "America/Santiago");
    expect(upcoming[0]).toMatchObject({ startDate: "2027-09-17" });
    expect(upcoming.every((h) => h.startDate >= "2027-09-05" && h.startDate < "2028-09-05")).toBe(
      true,
    );
  });

  it("from 29 February, offers holidays up to the last day of next February", () => {
    const now = new Date("2028-02-29T01:00:00Z");
    const upcoming = upcomingPublicHolidays("AU-NSW", now, "Australia/Sydney");
    expect(upcoming.at(-1)!.startDate <= "2029-02-28").toBe(true);
    expect(upcoming.map((h) => h.name)).toContain("Australia Day");
  });
});
