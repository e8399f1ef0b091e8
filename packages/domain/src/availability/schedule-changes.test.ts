import { describe, expect, it } from "vitest";
import {
  addClosureInputSchema,
  addTimeOffInputSchema,
  appointmentsOutsideSchedule,
  fitsSchedule,
  type ScheduleRules,
  scheduleExceptions,
  setWeeklyHoursInputSchema,
  workingDay,
} from "./schedule-changes.js";

const zone = "Australia/Sydney";
const PRACTITIONER_ID = "3f1c2a9e-8b7d-4c6e-9a5f-1b2c3d4e5f60";
// 2026-03-02 is a Monday; Sydney is on UTC+11 (daylight time) until 5 April 2026.
const at = (date: string, time: string) => new Date(`${date}T${time}:00+11:00`);
const appt = (date: string, start: string, end: string) => ({
  startsAt: at(date, start),
  endsAt: at(date, end),
});

const rules = (overrides: Partial<ScheduleRules> = {}): ScheduleRules => ({
  timeZone: zone,
  weeklyHours: [
    { weekday: 1, start: "08:00", end: "12:00" },
    { weekday: 1, start: "12:00", end: "13:00" },
    { weekday: 1, start: "14:00", end: "18:00" },
  ],
  timeOff: [],
  closures: [],
  ...overrides,
});

describe("fitsSchedule", () => {
  it("accepts appointments inside a working range, also across touching ranges", () => {
    expect(fitsSchedule(appt("2026-03-02", "08:00", "08:30"), rules())).toBe(true);
    expect(fitsSchedule(appt("2026-03-02", "11:45", "12:15"), rules())).toBe(true);
    expect(fitsSchedule(appt("2026-03-02", "17:30", "18:00"), rules())).toBe(true);
  });

  it("refuses appointments in a break, past the end, or on a day off", () => {
    expect(fitsSchedule(appt("2026-03-02", "12:45", "13:15"), rules())).toBe(false);
    expect(fitsSchedule(appt("2026-03-02", "17:45", "18:15"), rules())).toBe(false);
    expect(fitsSchedule(appt("2026-03-03", "09:00", "09:30"), rules())).toBe(false);
  });

  it("refuses appointments overlapping time off or on a closed day", () => {
    const partDay = {
      startDate: "2026-03-02",
      endDate: "2026-03-02",
      startTime: "15:00",
      endTime: "16:00",
    };
    expect(fitsSchedule(appt("2026-03-02", "15:30", "16:00"), rules({ timeOff: [partDay] }))).toBe(
      false,
    );
    expect(fitsSchedule(appt("2026-03-02", "16:00", "16:30"), rules({ timeOff: [partDay] }))).toBe(
      true,
    );
    const wholeDays = {
      startDate: "2026-03-01",
      endDate: "2026-03-02",
      startTime: null,
      endTime: null,
    };
    expect(
      fitsSchedule(appt("2026-03-02", "09:00", "09:30"), rules({ timeOff: [wholeDays] })),
    ).toBe(false);
    const closure = { startDate: "2026-03-02", endDate: "2026-03-02" };
    expect(fitsSchedule(appt("2026-03-02", "09:00", "09:30"), rules({ closures: [closure] }))).toBe(
      false,
    );
  });

  it("reads wall-clock times in the clinic's zone after the daylight-saving change", () => {
    // Monday 6 April 2026 is on standard time (UTC+10): 08:00 local is 22:00 UTC the day before.
    const april = {
      startsAt: new Date("2026-04-05T22:00:00Z"),
      endsAt: new Date("2026-04-05T22:30:00Z"),
    };
    expect(fitsSchedule(april, rules())).toBe(true);
    const early = {
      startsAt: new Date("2026-04-05T21:00:00Z"),
      endsAt: new Date("2026-04-05T21:30:00Z"),
    };
    expect(fitsSchedule(early, rules())).toBe(false);
  });

  it("lists the appointments a change would leave outside the hours, in order", () => {
    const list = [
      { id: "a", ...appt("2026-03-02", "08:00", "08:30") },
      { id: "b", ...appt("2026-03-02", "16:00", "16:30") },
      { id: "c", ...appt("2026-03-02", "09:00", "09:30") },
    ];
    const morningsOnly = rules({ weeklyHours: [{ weekday: 1, start: "08:00", end: "12:00" }] });
    expect(appointmentsOutsideSchedule(list, morningsOnly).map((a) => a.id)).toEqual(["b"]);
    expect(appointmentsOutsideSchedule(list, rules({ weeklyHours: [] })).map((a) => a.id)).toEqual([
      "a",
      "b",
      "c",
    ]);
  });
});

describe("workingDay", () => {
  it("gives merged working stretches and the breaks between them", () => {
    const day = workingDay(zone, "2026-03-02", rules().weeklyHours);
    expect(day.working.map((w) => [w.start, w.end])).toEqual([
      ["08:00", "13:00"],
      ["14:00", "18:00"],
    ]);
    expect(day.breaks.map((b) => [b.start, b.end])).toEqual([["13:00", "14:00"]]);
    expect(day.working[0]!.startsAt).toEqual(at("2026-03-02", "08:00"));
    expect(day.breaks[0]!.endsAt).toEqual(at("2026-03-02", "14:00"));
    expect(workingDay(zone, "2026-03-03", rules().weeklyHours)).toEqual({
      working: [],
      breaks: [],
    });
  });
});

describe("schedule rules where clocks change at midnight (America/Santiago)", () => {
  const santiago = "America/Santiago";
  const sunday = [{ weekday: 7, start: "00:00", end: "08:00" }];

  it("a day starting at 00:00 on 2027-09-05 starts at 01:00, when the clocks resume", () => {
    const day = workingDay(santiago, "2027-09-05", sunday);
    expect(day.working[0]!.startsAt.toISOString()).toBe("2027-09-05T04:00:00.000Z");
    expect(day.working[0]!.endsAt.toISOString()).toBe("2027-09-05T11:00:00.000Z");
  });

  it("time off from 00:00 covers the whole day, not the previous evening", () => {
    const withTimeOff: ScheduleRules = {
      timeZone: santiago,
      weeklyHours: [...sunday, { weekday: 6, start: "18:00", end: "24:00" }],
      timeOff: [
        { startDate: "2027-09-05", endDate: "2027-09-05", startTime: "00:00", endTime: "08:00" },
      ],
      closures: [],
    };
    // Saturday 4 September 23:00–23:30 (-04) is before the time off starts.
    const saturdayLate = {
      startsAt: new Date("2027-09-05T03:00:00Z"),
      endsAt: new Date("2027-09-05T03:30:00Z"),
    };
    expect(fitsSchedule(saturdayLate, withTimeOff)).toBe(true);
  });
});

describe("schedule change inputs", () => {
  it("default confirmOrphans to false and keep the underlying rules", () => {
    expect(
      setWeeklyHoursInputSchema.parse({ practitionerId: PRACTITIONER_ID, ranges: [] })
        .confirmOrphans,
    ).toBe(false);
    const backwards = addTimeOffInputSchema.safeParse({
      practitionerId: PRACTITIONER_ID,
      startDate: "2026-03-05",
      endDate: "2026-03-04",
      startTime: null,
      endTime: null,
      reason: "",
      confirmOrphans: true,
    });
    expect(backwards.error?.issues.map((i) => i.path)).toEqual([["endDate"]]);
    expect(
      addClosureInputSchema.parse({
        startDate: "2026-04-03",
        endDate: "2026-04-06",
        reason: "Easter",
      }),
    ).toMatchObject({ confirmOrphans: false, reason: "Easter" });
  });
});

describe("scheduleExceptions", () => {
  const timeZone = "Australia/Sydney";
  // Mondays 08:00–12:30 and 13:30–18:00; 2026-03-02 is a Monday.
  const weeklyHours = [
    { weekday: 1, start: "08:00", end: "12:30" },
    { weekday: 1, start: "13:30", end: "18:00" },
  ];
  const at = (hhmm: string, minutes = 30) => {
    const startsAt = new Date(`2026-03-02T${hhmm}:00+11:00`);
    return { startsAt, endsAt: new Date(startsAt.getTime() + minutes * 60_000) };
  };
  const rules = { timeZone, weeklyHours, timeOff: [], closures: [] };

  it("names each rule an appointment sets aside, and none when it fits", () => {
    expect(scheduleExceptions(at("09:00"), rules)).toEqual([]);
    expect(scheduleExceptions(at("07:00"), rules)).toEqual(["outside_hours"]);
    expect(scheduleExceptions(at("12:15"), rules)).toEqual(["break"]);
    expect(scheduleExceptions(at("17:45"), rules)).toEqual(["outside_hours"]);
    expect(
      scheduleExceptions(at("09:00"), {
        ...rules,
        closures: [{ startDate: "2026-03-02", endDate: "2026-03-02" }],
        timeOff: [
          { startDate: "2026-03-02", endDate: "2026-03-02", startTime: null, endTime: null },
        ],
      }),
    ).toEqual(["closure", "time_off"]);
  });
});
