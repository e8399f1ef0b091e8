import { isoWeekStart, weekOf } from "@clinic/domain";
import { describe, expect, it } from "vitest";
import {
  bookingWindow,
  clampWeek,
  isInWindow,
  weekNavigation,
  weekQueryRange,
} from "./booking-week";

const SYDNEY = "Australia/Sydney";

// The picker's weeks are the domain's: Monday to Sunday.
describe("isoWeekStart, as the picker's weeks start", () => {
  it("finds the Monday of any day's week, Sunday included", () => {
    expect(isoWeekStart("2026-03-02")).toBe("2026-03-02"); // Monday
    expect(isoWeekStart("2026-03-05")).toBe("2026-03-02"); // Thursday
    expect(isoWeekStart("2026-03-08")).toBe("2026-03-02"); // Sunday
    expect(isoWeekStart("2026-03-01")).toBe("2026-02-23"); // Sunday, across a month end
  });
});

describe("bookingWindow", () => {
  it("starts today in the clinic's zone, not in UTC", () => {
    // 20:00 UTC on Tuesday 3 March is already Wednesday 4 March in Sydney.
    const window = bookingWindow(new Date("2026-03-03T20:00:00Z"), SYDNEY, 60);
    expect(window.today).toBe("2026-03-04");
    expect(window.firstWeek).toBe("2026-03-02");
    expect(window.lastDay).toBe("2026-05-03");
    expect(window.lastWeek).toBe("2026-04-27");
  });
});

describe("week navigation", () => {
  const window = bookingWindow(new Date("2026-03-03T20:00:00Z"), SYDNEY, 60);

  it("offers no earlier week than this one and no later one than the horizon's", () => {
    expect(weekNavigation(window.firstWeek, window)).toEqual({
      previous: null,
      next: "2026-03-09",
    });
    expect(weekNavigation("2026-03-16", window)).toEqual({
      previous: "2026-03-09",
      next: "2026-03-23",
    });
    expect(weekNavigation(window.lastWeek, window)).toEqual({
      previous: "2026-04-20",
      next: null,
    });
  });

  it("moves an out-of-range or mid-week request to a week inside the window", () => {
    expect(clampWeek(null, window)).toBe("2026-03-02");
    expect(clampWeek("2025-12-25", window)).toBe("2026-03-02");
    expect(clampWeek("2026-03-19", window)).toBe("2026-03-16");
    expect(clampWeek("2027-01-01", window)).toBe("2026-04-27");
  });

  it("asks the API only for the days of a week inside the window", () => {
    expect(weekQueryRange("2026-03-02", window)).toEqual({ from: "2026-03-04", to: "2026-03-08" });
    expect(weekQueryRange("2026-03-09", window)).toEqual({ from: "2026-03-09", to: "2026-03-15" });
    expect(weekQueryRange("2026-04-27", window)).toEqual({ from: "2026-04-27", to: "2026-05-03" });
    expect(weekQueryRange("2026-05-04", window)).toBeNull();
  });

  it("knows which days can be booked", () => {
    expect(isInWindow("2026-03-03", window)).toBe(false);
    expect(isInWindow("2026-03-04", window)).toBe(true);
    expect(isInWindow("2026-05-03", window)).toBe(true);
    expect(isInWindow("2026-05-04", window)).toBe(false);
  });

  it("lists a week's seven days, across a daylight-saving change", () => {
    expect(weekOf("2026-03-30")).toEqual([
      "2026-03-30",
      "2026-03-31",
      "2026-04-01",
      "2026-04-02",
      "2026-04-03",
      "2026-04-04",
      "2026-04-05",
    ]);
  });
});
