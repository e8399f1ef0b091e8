import { describe, expect, it } from "vitest";
import { workingMinutes } from "../availability/slots.js";
import { practiceReportInputSchema, reportRange } from "./practice-report.js";

describe("reportRange", () => {
  it("takes the ISO week or the calendar month holding the date, or the dates given", () => {
    expect(reportRange({ period: "week", from: "2026-04-05" })).toEqual({
      from: "2026-03-30",
      to: "2026-04-05",
    });
    expect(reportRange({ period: "month", from: "2028-02-15" })).toEqual({
      from: "2028-02-01",
      to: "2028-02-29",
    });
    expect(reportRange({ period: "month", from: "2026-12-31" })).toEqual({
      from: "2026-12-01",
      to: "2026-12-31",
    });
    expect(reportRange({ period: "custom", from: "2026-01-03", to: "2026-02-01" })).toEqual({
      from: "2026-01-03",
      to: "2026-02-01",
    });
  });

  it("allows a custom period of up to 366 days", () => {
    const input = { period: "custom", from: "2028-01-01" };
    expect(practiceReportInputSchema.safeParse({ ...input, to: "2028-12-31" }).success).toBe(true);
    expect(practiceReportInputSchema.safeParse({ ...input, to: "2029-01-01" }).success).toBe(false);
  });
});

describe("workingMinutes", () => {
  const base = {
    timeZone: "Australia/Sydney",
    weeklyHours: [{ weekday: 7, start: "00:00", end: "06:00" }],
    timeOff: [],
    closures: [],
  };

  it("counts the hours that pass on the days the clocks change", () => {
    // Back an hour at 03:00 on 5 April 2026, forward at 02:00 on 4 October 2026.
    expect(workingMinutes({ ...base, from: "2026-04-05", to: "2026-04-05" })).toBe(7 * 60);
    expect(workingMinutes({ ...base, from: "2026-10-04", to: "2026-10-04" })).toBe(5 * 60);
    expect(workingMinutes({ ...base, from: "2026-04-12", to: "2026-04-12" })).toBe(6 * 60);
  });

  it("leaves out time off and clinic closures", () => {
    const weekdays = {
      ...base,
      weeklyHours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: "09:00", end: "17:00" })),
      from: "2026-03-02",
      to: "2026-03-08",
    };
    expect(workingMinutes(weekdays)).toBe(40 * 60);
    expect(
      workingMinutes({
        ...weekdays,
        timeOff: [
          { startDate: "2026-03-03", endDate: "2026-03-03", startTime: "08:00", endTime: "10:00" },
          { startDate: "2026-03-05", endDate: "2026-03-06", startTime: null, endTime: null },
        ],
        closures: [{ startDate: "2026-03-02", endDate: "2026-03-02" }],
      }),
    ).toBe((40 - 8 - 1 - 16) * 60);
  });
});
