import { describe, expect, it } from "vitest";
import { treatmentPlanCreateInputSchema, treatmentPlanPreviewInputSchema } from "./plan-input.js";
import {
  nearestStarts,
  planOccurrences,
  planRepeatLabel,
  wallClockLabel,
} from "./plan-occurrences.js";

const sydney = "Australia/Sydney";
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe("planOccurrences", () => {
  it("repeats every N weeks at the same wall time, the count given", () => {
    const list = planOccurrences({
      timeZone: sydney,
      firstStart: new Date("2027-02-09T09:30:00+11:00"),
      interval: { unit: "week", count: 2 },
      end: { occurrences: 3 },
    });
    expect(list.map((o) => [o.index, o.date, wallClockLabel(o.minute), o.skipped])).toEqual([
      [1, "2027-02-09", "09:30", false],
      [2, "2027-02-23", "09:30", false],
      [3, "2027-03-09", "09:30", false],
    ]);
  });

  it("stops at the end date, inclusive", () => {
    const list = planOccurrences({
      timeZone: sydney,
      firstStart: new Date("2027-02-09T09:30:00+11:00"),
      interval: { unit: "day", count: 3 },
      end: { until: "2027-02-15" },
    });
    expect(list.map((o) => o.date)).toEqual(["2027-02-09", "2027-02-12", "2027-02-15"]);
  });

  it("keeps 9:00 local across Sydney's first Sunday of October (clocks forward)", () => {
    const list = planOccurrences({
      timeZone: sydney,
      firstStart: new Date("2026-09-29T09:00:00+10:00"),
      interval: { unit: "week", count: 1 },
      end: { occurrences: 2 },
    });
    expect(list[0]!.start.toISOString()).toBe("2026-09-28T23:00:00.000Z");
    // 6 October is in daylight time (+11:00): the instant moves, the wall time doesn't.
    expect(list[1]!.start.toISOString()).toBe("2026-10-05T22:00:00.000Z");
    expect(list[1]!.start.getTime() - list[0]!.start.getTime()).toBe(7 * DAY - HOUR);
  });

  it("keeps 9:00 local across Sydney's first Sunday of April (clocks back)", () => {
    const list = planOccurrences({
      timeZone: sydney,
      firstStart: new Date("2027-03-30T09:00:00+11:00"),
      interval: { unit: "week", count: 1 },
      end: { occurrences: 2 },
    });
    expect(list[1]!.start.toISOString()).toBe("2027-04-05T23:00:00.000Z");
    expect(list[1]!.start.getTime() - list[0]!.start.getTime()).toBe(7 * DAY + HOUR);
  });

  it("names the first instant of a repeated hour, on the change day itself", () => {
    // Sydney 2027-04-04: 02:00–02:59 happens twice; a daily 02:30 series takes the first.
    const list = planOccurrences({
      timeZone: sydney,
      firstStart: new Date("2027-04-03T02:30:00+11:00"),
      interval: { unit: "day", count: 1 },
      end: { occurrences: 3 },
    });
    expect(list[1]!.date).toBe("2027-04-04");
    expect(list[1]!.start.toISOString()).toBe("2027-04-03T15:30:00.000Z");
    expect(list[1]!.skipped).toBe(false);
    expect(list[2]!.start.toISOString()).toBe("2027-04-04T16:30:00.000Z");
  });

  it("marks a wall time the clocks skip and moves it to the end of the gap (Sydney, 02:30)", () => {
    const list = planOccurrences({
      timeZone: sydney,
      firstStart: new Date("2026-10-03T02:30:00+10:00"),
      interval: { unit: "day", count: 1 },
      end: { occurrences: 3 },
    });
    expect(list[1]).toMatchObject({ date: "2026-10-04", skipped: true });
    // 02:00 AEST became 03:00 AEDT at 2026-10-03T16:00Z.
    expect(list[1]!.start.toISOString()).toBe("2026-10-03T16:00:00.000Z");
    expect(list[2]).toMatchObject({ date: "2026-10-05", skipped: false });
  });

  it("handles a change at local midnight (Santiago, 2027-09-05 has no 00:00–00:59)", () => {
    const santiago = "America/Santiago";
    const list = planOccurrences({
      timeZone: santiago,
      firstStart: new Date("2027-09-04T00:30:00-04:00"),
      interval: { unit: "day", count: 1 },
      end: { occurrences: 3 },
    });
    expect(list.map((o) => o.date)).toEqual(["2027-09-04", "2027-09-05", "2027-09-06"]);
    expect(list[1]!.skipped).toBe(true);
    expect(list[1]!.start.toISOString()).toBe("2027-09-05T04:00:00.000Z");
    // The day after: 00:30 at −03:00.
    expect(list[2]!.start.toISOString()).toBe("2027-09-06T03:30:00.000Z");
  });

  it("never makes more than 52 appointments", () => {
    const list = planOccurrences({
      timeZone: sydney,
      firstStart: new Date("2027-02-09T09:30:00+11:00"),
      interval: { unit: "day", count: 1 },
      end: { until: "2027-12-31" },
    });
    expect(list).toHaveLength(52);
  });
});

describe("nearestStarts", () => {
  it("orders free starts by distance from the wanted one, leaving it out", () => {
    const at = (h: number) => ({ start: new Date(Date.UTC(2027, 1, 9, h)) });
    const wanted = at(10).start;
    const picked = nearestStarts(wanted, [at(6), at(9), at(10), at(11), at(13)], 3);
    expect(picked.map((s) => s.start.getUTCHours())).toEqual([9, 11, 13]);
  });
});

describe("plan inputs", () => {
  const base = {
    serviceId: "6f1c1c57-3a2f-4a77-9c0a-59c9d7f3b0a1",
    practitionerId: "any",
    firstStart: new Date("2027-02-09T09:30:00+11:00"),
    intervalCount: 1,
    intervalUnit: "week",
  };

  it("needs a count or an end date, not both", () => {
    const neither = treatmentPlanPreviewInputSchema.safeParse(base);
    expect(neither.success).toBe(false);
    expect(neither.error?.issues[0]?.path).toEqual(["occurrenceCount"]);
    const both = treatmentPlanPreviewInputSchema.safeParse({
      ...base,
      occurrenceCount: 4,
      untilDate: "2027-03-01",
    });
    expect(both.success).toBe(false);
    expect(treatmentPlanPreviewInputSchema.safeParse({ ...base, occurrenceCount: 4 }).success).toBe(
      true,
    );
  });

  it("refuses an end date before the first appointment, and gaps over 90 days", () => {
    const early = treatmentPlanPreviewInputSchema.safeParse({ ...base, untilDate: "2027-02-01" });
    expect(early.error?.issues[0]?.path).toEqual(["untilDate"]);
    const far = treatmentPlanPreviewInputSchema.safeParse({
      ...base,
      intervalCount: 14,
      occurrenceCount: 2,
    });
    expect(far.error?.issues[0]?.path).toEqual(["intervalCount"]);
  });

  it("refuses the same appointment twice", () => {
    const appointment = {
      index: 1,
      start: base.firstStart,
      practitionerId: base.serviceId,
    };
    const result = treatmentPlanCreateInputSchema.safeParse({
      ...base,
      occurrenceCount: 2,
      patient: { name: "Pat", phone: "0412 345 678" },
      appointments: [appointment, appointment],
    });
    expect(result.error?.issues[0]?.path).toEqual(["appointments", 1, "index"]);
  });
});

describe("planRepeatLabel", () => {
  it("says how often a plan repeats", () => {
    expect(planRepeatLabel({ intervalUnit: "week", intervalCount: 1 })).toBe("every week");
    expect(planRepeatLabel({ intervalUnit: "week", intervalCount: 2 })).toBe("every 2 weeks");
    expect(planRepeatLabel({ intervalUnit: "day", intervalCount: 3 })).toBe("every 3 days");
  });
});
