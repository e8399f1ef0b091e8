import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  clinicClosureInputSchema,
  findOverlappingRanges,
  minutesOfDay,
  setWeeklyHoursSchema,
  timeOfDay,
  timeOffInputSchema,
  type WorkingHoursRange,
  weeklyHoursSchema,
  workingHoursRangeSchema,
} from "./working-hours.js";

const PRACTITIONER_ID = "3f1c2a9e-8b7d-4c6e-9a5f-1b2c3d4e5f60";

const range = (weekday: number, start: string, end: string): WorkingHoursRange => ({
  weekday,
  start,
  end,
});

function issues(result: {
  success: boolean;
  error?: { issues: { message: string; path: PropertyKey[] }[] };
}) {
  return (result.error?.issues ?? []).map((issue) => ({
    path: issue.path,
    message: issue.message,
  }));
}

describe("minutesOfDay / timeOfDay", () => {
  it("converts both ways", () => {
    expect(minutesOfDay("00:00")).toBe(0);
    expect(minutesOfDay("08:30")).toBe(510);
    expect(minutesOfDay("23:59")).toBe(1439);
    expect(minutesOfDay("24:00")).toBe(1440);
    expect(timeOfDay(0)).toBe("00:00");
    expect(timeOfDay(510)).toBe("08:30");
    expect(timeOfDay(1440)).toBe("24:00");
  });

  it("round-trips every minute of the day", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1440 }), (minutes) => {
        expect(minutesOfDay(timeOfDay(minutes))).toBe(minutes);
      }),
    );
  });

  it("refuses input that is not a time of day instead of returning nonsense", () => {
    for (const bad of ["9:00", "25:00", "12:60", "noon", ""]) {
      expect(() => minutesOfDay(bad), bad).toThrow(RangeError);
    }
    for (const bad of [-1, 1441, 90.5, Number.NaN]) {
      expect(() => timeOfDay(bad), String(bad)).toThrow(RangeError);
    }
  });
});

describe("workingHoursRangeSchema", () => {
  it("accepts a range that ends after it starts, including 24:00 as the end", () => {
    expect(workingHoursRangeSchema.safeParse(range(1, "08:00", "12:30")).success).toBe(true);
    expect(workingHoursRangeSchema.safeParse(range(7, "18:00", "24:00")).success).toBe(true);
  });

  it("rejects an empty or backwards range on the end field", () => {
    expect(issues(workingHoursRangeSchema.safeParse(range(1, "12:00", "12:00")))).toEqual([
      { path: ["end"], message: "End must be after start" },
    ]);
    expect(issues(workingHoursRangeSchema.safeParse(range(1, "17:00", "09:00")))).toEqual([
      { path: ["end"], message: "End must be after start" },
    ]);
    expect(workingHoursRangeSchema.safeParse(range(1, "24:00", "24:00")).success).toBe(false);
  });

  it("rejects bad time formats with only the format message", () => {
    expect(issues(workingHoursRangeSchema.safeParse(range(1, "9:00", "17:00")))).toEqual([
      { path: ["start"], message: "Use a 24-hour time such as 09:30" },
    ]);
    expect(issues(workingHoursRangeSchema.safeParse(range(1, "09:00", "25:00")))).toEqual([
      { path: ["end"], message: "Use a 24-hour time such as 09:30" },
    ]);
  });

  it("rejects weekdays outside 1–7", () => {
    expect(workingHoursRangeSchema.safeParse(range(0, "09:00", "17:00")).success).toBe(false);
    expect(workingHoursRangeSchema.safeParse(range(8, "09:00", "17:00")).success).toBe(false);
    expect(workingHoursRangeSchema.safeParse(range(1.5, "09:00", "17:00")).success).toBe(false);
  });
});

describe("weeklyHoursSchema", () => {
  it("accepts a normal week with a lunch break", () => {
    const week = [
      range(1, "08:00", "12:00"),
      range(1, "13:00", "18:00"),
      range(3, "08:00", "12:00"),
      range(6, "08:00", "12:00"),
    ];
    expect(weeklyHoursSchema.parse(week)).toEqual(week);
  });

  it("accepts back-to-back ranges", () => {
    expect(
      weeklyHoursSchema.safeParse([range(2, "08:00", "12:00"), range(2, "12:00", "16:00")]).success,
    ).toBe(true);
  });

  it("accepts the same times on different days", () => {
    const days = [1, 2, 3, 4, 5, 6, 7].map((d) => range(d, "09:00", "17:00"));
    expect(weeklyHoursSchema.safeParse(days).success).toBe(true);
  });

  it("rejects a same-day overlap, naming the day, on the later range", () => {
    const week = [
      range(1, "08:00", "12:00"),
      range(2, "13:00", "18:00"),
      range(2, "09:00", "13:30"),
    ];
    expect(issues(weeklyHoursSchema.safeParse(week))).toEqual([
      { path: [1], message: "Tuesday 13:00–18:00 overlaps 09:00–13:30" },
    ]);
  });

  it("rejects a range inside another and identical ranges", () => {
    const inside = weeklyHoursSchema.safeParse([
      range(5, "08:00", "18:00"),
      range(5, "10:00", "11:00"),
    ]);
    expect(issues(inside)[0]?.message).toBe("Friday 10:00–11:00 overlaps 08:00–18:00");
    const same = weeklyHoursSchema.safeParse([
      range(7, "09:00", "12:00"),
      range(7, "09:00", "12:00"),
    ]);
    expect(issues(same)[0]?.message).toMatch(/^Sunday /);
  });

  it("does not report overlaps for ranges that are already invalid", () => {
    const result = weeklyHoursSchema.safeParse([
      range(1, "10:00", "09:00"),
      range(1, "08:00", "12:00"),
    ]);
    expect(issues(result)).toEqual([{ path: [0, "end"], message: "End must be after start" }]);
  });

  it("allows at most eight ranges a day", () => {
    const hours = (n: number) =>
      Array.from({ length: n }, (_, i) =>
        range(4, timeOfDay(8 * 60 + i * 60), timeOfDay(8 * 60 + i * 60 + 30)),
      );
    expect(weeklyHoursSchema.safeParse(hours(8)).success).toBe(true);
    expect(issues(weeklyHoursSchema.safeParse(hours(9)))).toEqual([
      { path: [8], message: "At most eight ranges on Thursday" },
    ]);
  });

  it("is what setWeeklyHoursSchema validates", () => {
    const ok = setWeeklyHoursSchema.safeParse({
      practitionerId: PRACTITIONER_ID,
      ranges: [range(1, "09:00", "17:00")],
    });
    expect(ok.success).toBe(true);
    const overlap = setWeeklyHoursSchema.safeParse({
      practitionerId: PRACTITIONER_ID,
      ranges: [range(1, "09:00", "17:00"), range(1, "16:00", "18:00")],
    });
    expect(issues(overlap)[0]?.path).toEqual(["ranges", 1]);
  });
});

describe("findOverlappingRanges", () => {
  it("returns null when nothing overlaps", () => {
    expect(findOverlappingRanges([])).toBeNull();
    expect(
      findOverlappingRanges([range(1, "09:00", "12:00"), range(1, "12:00", "13:00")]),
    ).toBeNull();
  });

  it("finds an overlap whatever the input order", () => {
    const a = range(1, "08:00", "17:00");
    const b = range(1, "09:00", "10:00");
    const c = range(1, "12:00", "13:00");
    expect(findOverlappingRanges([c, b, a])).toEqual([a, b]);
  });

  it("agrees with a brute-force check", () => {
    const rangeArb = fc
      .tuple(
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 0, max: 47 }),
        fc.integer({ min: 1, max: 12 }),
      )
      .map(([weekday, startSlot, length]) =>
        range(weekday, timeOfDay(startSlot * 30), timeOfDay(Math.min(48, startSlot + length) * 30)),
      );
    fc.assert(
      fc.property(fc.array(rangeArb, { maxLength: 8 }), (ranges) => {
        const expected = ranges.some((a, i) =>
          ranges.some(
            (b, j) =>
              i !== j &&
              a.weekday === b.weekday &&
              minutesOfDay(a.start) < minutesOfDay(b.end) &&
              minutesOfDay(b.start) < minutesOfDay(a.end),
          ),
        );
        expect(findOverlappingRanges(ranges) !== null).toBe(expected);
      }),
    );
  });
});

describe("timeOffInputSchema", () => {
  const timeOff = (overrides: Partial<Record<string, unknown>> = {}) => ({
    practitionerId: PRACTITIONER_ID,
    startDate: "2026-04-06",
    endDate: "2026-04-06",
    startTime: null,
    endTime: null,
    reason: "Conference",
    ...overrides,
  });

  it("accepts whole days, one or several, with no times", () => {
    expect(timeOffInputSchema.safeParse(timeOff()).success).toBe(true);
    expect(timeOffInputSchema.safeParse(timeOff({ endDate: "2026-04-10" })).success).toBe(true);
  });

  it("accepts part of a day and spans across days with times", () => {
    expect(
      timeOffInputSchema.safeParse(timeOff({ startTime: "13:00", endTime: "17:00" })).success,
    ).toBe(true);
    expect(
      timeOffInputSchema.safeParse(timeOff({ startTime: "13:00", endTime: "24:00" })).success,
    ).toBe(true);
    // Evening of the 6th to the morning of the 7th: the end time is earlier, but on a later day.
    expect(
      timeOffInputSchema.safeParse(
        timeOff({ endDate: "2026-04-07", startTime: "17:00", endTime: "09:00" }),
      ).success,
    ).toBe(true);
  });

  it("requires both times or neither", () => {
    const message = "Give both a start and an end time, or neither for whole days";
    expect(issues(timeOffInputSchema.safeParse(timeOff({ startTime: "09:00" })))).toEqual([
      { path: ["endTime"], message },
    ]);
    expect(issues(timeOffInputSchema.safeParse(timeOff({ endTime: "09:00" })))).toEqual([
      { path: ["endTime"], message },
    ]);
  });

  it("rejects an end before the start", () => {
    expect(issues(timeOffInputSchema.safeParse(timeOff({ startDate: "2026-04-07" })))).toEqual([
      { path: ["endDate"], message: "End must be after start" },
    ]);
    expect(
      issues(timeOffInputSchema.safeParse(timeOff({ startTime: "13:00", endTime: "13:00" }))),
    ).toEqual([{ path: ["endTime"], message: "End must be after start" }]);
    expect(
      issues(timeOffInputSchema.safeParse(timeOff({ startTime: "13:00", endTime: "09:00" }))),
    ).toEqual([{ path: ["endTime"], message: "End must be after start" }]);
  });

  it("compares dates across months and years", () => {
    expect(
      timeOffInputSchema.safeParse(timeOff({ startDate: "2026-12-30", endDate: "2027-01-02" }))
        .success,
    ).toBe(true);
    expect(
      timeOffInputSchema.safeParse(timeOff({ startDate: "2027-01-02", endDate: "2026-12-30" }))
        .success,
    ).toBe(false);
  });

  it("refuses 24:00 as a start time", () => {
    expect(
      issues(
        timeOffInputSchema.safeParse(
          timeOff({ endDate: "2026-04-07", startTime: "24:00", endTime: "09:00" }),
        ),
      ),
    ).toEqual([
      { path: ["startTime"], message: "Start at 00:00 on the next day instead of 24:00" },
    ]);
  });

  it("reports a bad date once, without a misleading ordering message", () => {
    expect(issues(timeOffInputSchema.safeParse(timeOff({ startDate: "2026-02-30" })))).toEqual([
      { path: ["startDate"], message: "Use a date such as 2026-04-05" },
    ]);
  });

  it("trims the reason and allows it to be empty", () => {
    expect(timeOffInputSchema.parse(timeOff({ reason: "  Leave " })).reason).toBe("Leave");
    expect(timeOffInputSchema.safeParse(timeOff({ reason: "" })).success).toBe(true);
    expect(timeOffInputSchema.safeParse(timeOff({ reason: "x".repeat(201) })).success).toBe(false);
  });
});

describe("clinicClosureInputSchema", () => {
  it("accepts one day or a span, in order", () => {
    expect(
      clinicClosureInputSchema.safeParse({
        startDate: "2026-12-25",
        endDate: "2026-12-25",
        reason: "Christmas Day",
      }).success,
    ).toBe(true);
    expect(
      clinicClosureInputSchema.safeParse({
        startDate: "2026-12-24",
        endDate: "2027-01-04",
        reason: "Summer break",
      }).success,
    ).toBe(true);
  });

  it("rejects an end date before the start date", () => {
    const result = clinicClosureInputSchema.safeParse({
      startDate: "2026-12-26",
      endDate: "2026-12-25",
      reason: "Boxing Day",
    });
    expect(issues(result)).toEqual([
      { path: ["endDate"], message: "End date can't be before start date" },
    ]);
  });

  it("requires a reason", () => {
    const result = clinicClosureInputSchema.safeParse({
      startDate: "2026-12-25",
      endDate: "2026-12-25",
      reason: "  ",
    });
    expect(issues(result)).toEqual([{ path: ["reason"], message: "Say why the clinic is closed" }]);
  });
});
