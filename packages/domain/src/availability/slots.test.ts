import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { wallTimeOf } from "../dates/local-time.js";
import { computeSlots, groupSlotsByDay, type SlotPractitioner, type SlotQuery } from "./slots.js";
import { computeSlotsReference } from "./slots-reference.js";
import type { WorkingHoursRange } from "./working-hours.js";

const SYDNEY = "Australia/Sydney";
const NEW_YORK = "America/New_York";

/** Local `HH:mm` labels of slots in a zone, for readable expectations. */
const times = (slots: { start: Date }[], zone = SYDNEY) =>
  slots.map((s) => {
    const { minute } = wallTimeOf(zone, s.start.getTime());
    return `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
  });

const hours = (weekday: number, ...ranges: [string, string][]): WorkingHoursRange[] =>
  ranges.map(([start, end]) => ({ weekday, start, end }));

function practitioner(overrides: Partial<SlotPractitioner> = {}): SlotPractitioner {
  return { id: "jason", weeklyHours: [], timeOff: [], busy: [], ...overrides };
}

// Monday 7 December 2026, Sydney (AEDT, UTC+11).
const MONDAY = "2026-12-07";
const longBefore = new Date("2026-11-01T00:00:00Z");

function query(overrides: Partial<SlotQuery> = {}): SlotQuery {
  return {
    timeZone: SYDNEY,
    from: MONDAY,
    to: MONDAY,
    now: longBefore,
    policy: { slotStepMinutes: 30, minNoticeMinutes: 0, horizonDays: 365 },
    service: { durationMinutes: 30, bufferBeforeMinutes: 0, bufferAfterMinutes: 0 },
    practitioners: [
      practitioner({ weeklyHours: hours(1, ["09:00", "12:00"], ["13:00", "15:00"]) }),
    ],
    closures: [],
    ...overrides,
  };
}

describe("computeSlots", () => {
  it("offers every step inside working hours and none in the lunch break", () => {
    const slots = computeSlots(query());
    expect(times(slots)).toEqual([
      "09:00",
      "09:30",
      "10:00",
      "10:30",
      "11:00",
      "11:30",
      "13:00",
      "13:30",
      "14:00",
      "14:30",
    ]);
    expect(slots[0]!.start.toISOString()).toBe("2026-12-06T22:00:00.000Z");
    expect(slots.every((s) => s.practitionerIds.join() === "jason")).toBe(true);
  });

  it("keeps the service's buffers inside working hours and clear of other bookings", () => {
    const withBuffers = query({
      service: { durationMinutes: 30, bufferBeforeMinutes: 15, bufferAfterMinutes: 15 },
    });
    expect(times(computeSlots(withBuffers))).toEqual([
      "09:30",
      "10:00",
      "10:30",
      "11:00",
      "13:30",
      "14:00",
    ]);

    const busy = query({
      service: { durationMinutes: 30, bufferBeforeMinutes: 0, bufferAfterMinutes: 10 },
      practitioners: [
        practitioner({
          weeklyHours: hours(1, ["09:00", "12:00"]),
          // An existing booking 10:00–10:45 local, its own buffer included.
          busy: [
            { start: new Date("2026-12-06T23:00:00Z"), end: new Date("2026-12-06T23:45:00Z") },
          ],
        }),
      ],
    });
    // 09:30 would run into 10:00 with its buffer (09:30–10:10); 10:30 overlaps the booking.
    expect(times(computeSlots(busy))).toEqual(["09:00", "11:00"]);
  });

  it("allows a slot that ends exactly when the next booking starts", () => {
    const q = query({
      practitioners: [
        practitioner({
          weeklyHours: hours(1, ["09:00", "11:00"]),
          busy: [
            { start: new Date("2026-12-06T22:30:00Z"), end: new Date("2026-12-06T23:00:00Z") },
          ],
        }),
      ],
    });
    expect(times(computeSlots(q))).toEqual(["09:00", "10:00", "10:30"]);
  });

  it("respects minimum notice and the booking horizon", () => {
    // Now is 09:20 local on the Monday; 60 minutes' notice leaves 10:30 as the first step.
    const now = new Date("2026-12-06T22:20:00Z");
    const noticed = query({
      now,
      policy: { slotStepMinutes: 30, minNoticeMinutes: 60, horizonDays: 30 },
    });
    expect(times(computeSlots(noticed))[0]).toBe("10:30");

    const weekAhead = query({
      now,
      from: MONDAY,
      to: "2026-12-21",
      policy: { slotStepMinutes: 30, minNoticeMinutes: 0, horizonDays: 7 },
    });
    const slots = computeSlots(weekAhead);
    const last = slots[slots.length - 1]!;
    expect(last.start.getTime()).toBeLessThanOrEqual(now.getTime() + 7 * 86_400_000);
    // The following Monday is within 7 days only up to 09:20.
    expect(times(slots.filter((s) => s.start.toISOString() > "2026-12-13"))).toEqual(["09:00"]);
  });

  it("skips whole days off, part days off and clinic closures", () => {
    const twoDays = { from: MONDAY, to: "2026-12-08" };
    const weeklyHours = [...hours(1, ["09:00", "11:00"]), ...hours(2, ["09:00", "11:00"])];
    const dayOff = computeSlots(
      query({
        ...twoDays,
        practitioners: [
          practitioner({
            weeklyHours,
            timeOff: [{ startDate: MONDAY, endDate: MONDAY, startTime: null, endTime: null }],
          }),
        ],
      }),
    );
    expect(groupSlotsByDay(dayOff, SYDNEY).map((d) => d.date)).toEqual(["2026-12-08"]);

    const partDay = computeSlots(
      query({
        practitioners: [
          practitioner({
            weeklyHours,
            timeOff: [{ startDate: MONDAY, endDate: MONDAY, startTime: "09:30", endTime: "10:30" }],
          }),
        ],
      }),
    );
    expect(times(partDay)).toEqual(["09:00", "10:30"]);

    const closed = computeSlots(
      query({
        ...twoDays,
        practitioners: [practitioner({ weeklyHours })],
        closures: [{ startDate: "2026-12-08", endDate: "2026-12-08" }],
      }),
    );
    expect(groupSlotsByDay(closed, SYDNEY).map((d) => d.date)).toEqual([MONDAY]);
  });

  it("merges practitioners for 'first available', listing everyone free at each time", () => {
    const slots = computeSlots(
      query({
        practitioners: [
          practitioner({ id: "jason", weeklyHours: hours(1, ["09:00", "10:00"]) }),
          practitioner({
            id: "joey",
            weeklyHours: hours(1, ["09:30", "11:00"]),
            busy: [
              { start: new Date("2026-12-06T23:00:00Z"), end: new Date("2026-12-06T23:30:00Z") },
            ],
          }),
        ],
      }),
    );
    expect(slots.map((s) => [times([s])[0], s.practitionerIds])).toEqual([
      ["09:00", ["jason"]],
      ["09:30", ["jason", "joey"]],
      ["10:30", ["joey"]],
    ]);
  });

  it("steps from each range's start in local time", () => {
    const slots = computeSlots(
      query({
        policy: { slotStepMinutes: 20, minNoticeMinutes: 0, horizonDays: 365 },
        practitioners: [practitioner({ weeklyHours: hours(1, ["08:10", "09:30"]) })],
      }),
    );
    expect(times(slots)).toEqual(["08:10", "08:30", "08:50"]);
  });
});

describe("computeSlots on daylight-saving days", () => {
  const sunday = (date: string, ranges: [string, string][], zone = SYDNEY) =>
    computeSlots(
      query({
        timeZone: zone,
        from: date,
        to: date,
        now: new Date("2026-01-01T00:00:00Z"),
        practitioners: [practitioner({ weeklyHours: hours(7, ...ranges) })],
      }),
    );

  it("Sydney, first Sunday of October: 02:00 jumps to 03:00; skipped times are never offered", () => {
    const slots = sunday("2026-10-04", [["01:00", "05:00"]]);
    expect(times(slots)).toEqual(["01:00", "01:30", "03:00", "03:30", "04:00", "04:30"]);
    // 01:30 AEST + 30 minutes is 03:00 AEDT: the slots are back to back in real time.
    expect(slots[2]!.start.getTime() - slots[1]!.start.getTime()).toBe(30 * 60_000);
  });

  it("Sydney, first Sunday of April: the repeated hour is offered once", () => {
    const slots = sunday("2026-04-05", [["01:00", "04:00"]]);
    expect(times(slots)).toEqual(["01:00", "01:30", "02:00", "02:30", "03:00", "03:30"]);
    expect(new Set(slots.map((s) => s.start.getTime())).size).toBe(slots.length);
  });

  it("a 09:00 slot is 09:00 local on both sides of a change", () => {
    const before = sunday("2026-03-29", [["09:00", "09:30"]]); // AEDT, UTC+11
    const after = sunday("2026-04-05", [["09:00", "09:30"]]); // AEST, UTC+10
    expect(before[0]!.start.toISOString()).toBe("2026-03-28T22:00:00.000Z");
    expect(after[0]!.start.toISOString()).toBe("2026-04-04T23:00:00.000Z");
    expect(times([...before, ...after])).toEqual(["09:00", "09:00"]);
  });

  it("New York, spring forward (second Sunday of March) and fall back (first Sunday of November)", () => {
    expect(times(sunday("2026-03-08", [["01:00", "04:00"]], NEW_YORK), NEW_YORK)).toEqual([
      "01:00",
      "01:30",
      "03:00",
      "03:30",
    ]);
    const fallBack = sunday("2026-11-01", [["00:30", "02:30"]], NEW_YORK);
    expect(times(fallBack, NEW_YORK)).toEqual(["00:30", "01:00", "01:30", "02:00"]);
    // 01:00 is the first (EDT) occurrence.
    expect(fallBack[1]!.start.toISOString()).toBe("2026-11-01T05:00:00.000Z");
    const nineAm = sunday("2026-11-01", [["09:00", "09:30"]], NEW_YORK);
    expect(nineAm[0]!.start.toISOString()).toBe("2026-11-01T14:00:00.000Z");
  });

  it("a working range that starts inside the skipped hour starts at the change", () => {
    const slots = sunday("2026-10-04", [["02:30", "04:00"]]);
    expect(times(slots)).toEqual(["03:00", "03:30"]);
  });
});

describe("computeSlots where clocks change at midnight", () => {
  const SANTIAGO = "America/Santiago";
  const HAVANA = "America/Havana";
  /** Slots from `from` to `to` with the same hours every day of the week. */
  const everyDay = (zone: string, from: string, to: string, ...ranges: [string, string][]) =>
    computeSlots(
      query({
        timeZone: zone,
        from,
        to,
        now: new Date("2026-01-01T00:00:00Z"),
        policy: { slotStepMinutes: 30, minNoticeMinutes: 0, horizonDays: 3650 },
        practitioners: [
          practitioner({
            weeklyHours: [1, 2, 3, 4, 5, 6, 7].flatMap((weekday) => hours(weekday, ...ranges)),
          }),
        ],
      }),
    );
  /** `yyyy-MM-dd HH:mm` local labels. */
  const stamps = (slots: { start: Date }[], zone: string) =>
    slots.map((s) => {
      const { date } = wallTimeOf(zone, s.start.getTime());
      return `${date} ${times([s], zone)[0]}`;
    });
  const expectStrictlyIncreasing = (slots: { start: Date }[]) => {
    for (let i = 1; i < slots.length; i++) {
      expect(slots[i]!.start.getTime()).toBeGreaterThan(slots[i - 1]!.start.getTime());
    }
  };

  it("Santiago, 2027-09-05: a day starting at 00:00 starts at 01:00 and offers no nonexistent time", () => {
    const slots = everyDay(SANTIAGO, "2027-09-05", "2027-09-05", ["00:00", "02:00"]);
    expect(stamps(slots, SANTIAGO)).toEqual(["2027-09-05 01:00", "2027-09-05 01:30"]);
    expect(slots[0]!.start.toISOString()).toBe("2027-09-05T04:00:00.000Z");
  });

  it("Santiago, 4–5 September 2027: the evening before and the day after never share an instant", () => {
    const slots = everyDay(SANTIAGO, "2027-09-04", "2027-09-05", ["00:00", "24:00"]);
    expect(new Set(slots.map((s) => s.start.getTime())).size).toBe(slots.length);
    expectStrictlyIncreasing(slots);
    const labels = stamps(slots, SANTIAGO);
    expect(labels.filter((l) => l.startsWith("2027-09-04"))).toHaveLength(48);
    // 00:00 and 00:30 on the 5th don't exist: 46 slots that day.
    expect(labels.filter((l) => l.startsWith("2027-09-05"))).toHaveLength(46);
    expect(labels.slice(46, 50)).toEqual([
      "2027-09-04 23:00",
      "2027-09-04 23:30",
      "2027-09-05 01:00",
      "2027-09-05 01:30",
    ]);
  });

  it("Santiago, fall back 2027-04-04 (24:00 → 23:00 on the 3rd): the repeated hour is listed once", () => {
    const slots = everyDay(
      SANTIAGO,
      "2027-04-03",
      "2027-04-04",
      ["22:00", "24:00"],
      ["00:00", "01:00"],
    );
    expect(stamps(slots, SANTIAGO)).toEqual([
      "2027-04-03 00:00",
      "2027-04-03 00:30",
      "2027-04-03 22:00",
      "2027-04-03 22:30",
      "2027-04-03 23:00",
      "2027-04-03 23:30",
      "2027-04-04 00:00",
      "2027-04-04 00:30",
      "2027-04-04 22:00",
      "2027-04-04 22:30",
      "2027-04-04 23:00",
      "2027-04-04 23:30",
    ]);
    expectStrictlyIncreasing(slots);
    // 23:30 is its first (-03) reading; 00:00 on the 4th is 30 minutes after the second 23:30.
    expect(slots[5]!.start.toISOString()).toBe("2027-04-04T02:30:00.000Z");
    expect(slots[6]!.start.toISOString()).toBe("2027-04-04T04:00:00.000Z");
  });

  it("Havana, spring forward 2027-03-14 and fall back 2027-11-07", () => {
    const spring = everyDay(
      HAVANA,
      "2027-03-13",
      "2027-03-14",
      ["00:00", "02:00"],
      ["23:00", "24:00"],
    );
    expect(stamps(spring, HAVANA)).toEqual([
      "2027-03-13 00:00",
      "2027-03-13 00:30",
      "2027-03-13 01:00",
      "2027-03-13 01:30",
      "2027-03-13 23:00",
      "2027-03-13 23:30",
      "2027-03-14 01:00",
      "2027-03-14 01:30",
      "2027-03-14 23:00",
      "2027-03-14 23:30",
    ]);
    expectStrictlyIncreasing(spring);

    const fall = everyDay(HAVANA, "2027-11-07", "2027-11-07", ["00:00", "02:00"]);
    expect(stamps(fall, HAVANA)).toEqual([
      "2027-11-07 00:00",
      "2027-11-07 00:30",
      "2027-11-07 01:00",
      "2027-11-07 01:30",
    ]);
    // 00:00 and 00:30 are their first (-04) readings; 01:00 exists only at -05.
    expect(fall.map((s) => s.start.toISOString())).toEqual([
      "2027-11-07T04:00:00.000Z",
      "2027-11-07T04:30:00.000Z",
      "2027-11-07T06:00:00.000Z",
      "2027-11-07T06:30:00.000Z",
    ]);
  });

  it("a range starting in a gap starts at the first existing time, even off the slot step", () => {
    // Lord Howe skips 02:00–02:29 on 3 October 2027; an hourly grid from 02:00 starts at 02:30.
    const zone = "Australia/Lord_Howe";
    const slots = computeSlots(
      query({
        timeZone: zone,
        from: "2027-10-03",
        to: "2027-10-03",
        now: new Date("2026-01-01T00:00:00Z"),
        policy: { slotStepMinutes: 60, minNoticeMinutes: 0, horizonDays: 3650 },
        practitioners: [practitioner({ weeklyHours: hours(7, ["02:00", "05:00"]) })],
      }),
    );
    expect(times(slots, zone)).toEqual(["02:30", "03:30", "04:30"]);
  });

  it("Sydney's 02:00 changes are unchanged (regression)", () => {
    const spring = everyDay(SYDNEY, "2026-10-04", "2026-10-04", ["00:00", "04:00"]);
    expect(times(spring)).toEqual(["00:00", "00:30", "01:00", "01:30", "03:00", "03:30"]);
    const fall = everyDay(SYDNEY, "2027-04-04", "2027-04-04", ["01:00", "04:00"]);
    expect(times(fall)).toEqual(["01:00", "01:30", "02:00", "02:30", "03:00", "03:30"]);
    expectStrictlyIncreasing(fall);
  });
});

describe("computeSlots properties", () => {
  const zones = ["Australia/Sydney", "America/New_York", "Europe/London", "UTC", "Asia/Kolkata"];
  // Days around each zone's 2026 changes, so DST days come up often.
  const startDates = [
    "2026-03-06",
    "2026-03-27",
    "2026-04-03",
    "2026-10-02",
    "2026-10-23",
    "2026-10-30",
  ];
  const hhmm = (m: number) =>
    `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;

  const rangeArb = fc
    .tuple(
      fc.integer({ min: 1, max: 7 }),
      fc.integer({ min: 0, max: 94 }),
      fc.integer({ min: 1, max: 48 }),
    )
    .map(([weekday, start, len]) => ({
      weekday,
      start: hhmm(start * 15),
      end: hhmm(Math.min(96, start + len) * 15),
    }));

  const practitionerArb = (id: string, base: number) =>
    fc.record({
      id: fc.constant(id),
      weeklyHours: fc.array(rangeArb, { maxLength: 6 }).map((ranges) => {
        // Working hours never overlap on a day (the schema refuses it); keep the first of any clash.
        const kept: WorkingHoursRange[] = [];
        for (const r of ranges) {
          const clash = kept.some(
            (k) => k.weekday === r.weekday && r.start < k.end && k.start < r.end,
          );
          if (!clash) kept.push(r);
        }
        return kept;
      }),
      timeOff: fc.array(
        fc
          .tuple(fc.integer({ min: 0, max: 12 }), fc.option(fc.integer({ min: 0, max: 90 })))
          .map(([day, startQuarter]) => {
            const date = new Date(base + day * 86_400_000).toISOString().slice(0, 10);
            return startQuarter === null
              ? { startDate: date, endDate: date, startTime: null, endTime: null }
              : {
                  startDate: date,
                  endDate: date,
                  startTime: hhmm(startQuarter * 15),
                  endTime: hhmm(startQuarter * 15 + 90),
                };
          }),
        { maxLength: 2 },
      ),
      busy: fc.array(
        fc
          .tuple(fc.integer({ min: -1, max: 14 * 24 * 4 }), fc.integer({ min: 1, max: 12 }))
          .map(([q, len]) => ({
            start: new Date(base + q * 15 * 60_000),
            end: new Date(base + (q + len) * 15 * 60_000),
          })),
        { maxLength: 25 },
      ),
    });

  const queryArb = fc
    .tuple(fc.constantFrom(...zones), fc.constantFrom(...startDates))
    .chain(([timeZone, from]) => {
      const base = Date.parse(`${from}T00:00:00Z`) - 14 * 3_600_000;
      return fc.record({
        timeZone: fc.constant(timeZone),
        from: fc.constant(from),
        to: fc
          .integer({ min: 0, max: 10 })
          .map((n) => new Date(Date.parse(from) + n * 86_400_000).toISOString().slice(0, 10)),
        now: fc
          .integer({ min: -2 * 24 * 60, max: 6 * 24 * 60 })
          .map((m) => new Date(base + m * 60_000)),
        policy: fc.record({
          slotStepMinutes: fc.constantFrom(5, 10, 15, 20, 30, 60),
          minNoticeMinutes: fc.integer({ min: 0, max: 24 * 60 }),
          horizonDays: fc.integer({ min: 1, max: 12 }),
        }),
        service: fc.record({
          durationMinutes: fc.constantFrom(15, 30, 45, 60, 90),
          bufferBeforeMinutes: fc.constantFrom(0, 5, 10, 15),
          bufferAfterMinutes: fc.constantFrom(0, 5, 10, 15),
        }),
        practitioners: fc
          .tuple(practitionerArb("a", base), practitionerArb("b", base))
          .chain((pair) => fc.constantFrom([pair[0]], pair)),
        closures: fc.array(
          fc.integer({ min: 0, max: 10 }).map((n) => {
            const date = new Date(Date.parse(from) + n * 86_400_000).toISOString().slice(0, 10);
            return { startDate: date, endDate: date };
          }),
          { maxLength: 1 },
        ),
      });
    });

  it("agree with the plain per-candidate implementation", () => {
    fc.assert(
      fc.property(queryArb, (q) => {
        const fast = computeSlots(q).map((s) => [s.start.toISOString(), s.practitionerIds.join()]);
        const plain = computeSlotsReference(q).map((s) => [
          s.start.toISOString(),
          s.practitionerIds.join(),
        ]);
        expect(fast).toEqual(plain);
      }),
      { numRuns: 300 },
    );
  });

  it("never overlap busy time, stay inside working hours, notice and horizon, sorted and unique", () => {
    fc.assert(
      fc.property(queryArb, (q) => {
        const slots = computeSlots(q);
        const { durationMinutes, bufferBeforeMinutes, bufferAfterMinutes } = q.service;
        const starts = slots.map((s) => s.start.getTime());
        expect([...new Set(starts)].sort((a, b) => a - b)).toEqual(starts);
        for (const slot of slots) {
          const start = slot.start.getTime();
          const blockStart = start - bufferBeforeMinutes * 60_000;
          const blockEnd = start + (durationMinutes + bufferAfterMinutes) * 60_000;
          expect(start).toBeGreaterThanOrEqual(
            q.now.getTime() + q.policy.minNoticeMinutes * 60_000,
          );
          expect(start).toBeLessThanOrEqual(q.now.getTime() + q.policy.horizonDays * 86_400_000);
          for (const id of slot.practitionerIds) {
            const p = q.practitioners.find((x) => x.id === id)!;
            for (const b of p.busy) {
              expect(b.start.getTime() < blockEnd && blockStart < b.end.getTime()).toBe(false);
            }
            // The start's local time lies in one of that weekday's ranges, and so does the block's length.
            const local = wallTimeOf(q.timeZone, start);
            const weekday = ((new Date(`${local.date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
            const inRange = p.weeklyHours.some((r) => {
              if (r.weekday !== weekday) return false;
              const [sh, sm] = r.start.split(":").map(Number);
              const [eh, em] = r.end.split(":").map(Number);
              return local.minute >= sh! * 60 + sm! && local.minute < eh! * 60 + em!;
            });
            expect(inRange).toBe(true);
            expect(q.closures.some((c) => c.startDate === local.date)).toBe(false);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
