import { TZDate, tzOffset } from "@date-fns/tz";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addLocalDays,
  boundaryInstantOf,
  dateOfWall,
  firstExistingMinute,
  instantOf,
  localDay,
  wallTimeOf,
} from "../dates/local-time.js";
import { computeSlots, type Slot, type SlotQuery } from "./slots.js";
import { computeSlotsReference } from "./slots-reference.js";
import { minutesOfDay, timeOfDay, type WorkingHoursRange } from "./working-hours.js";

/**
 * The slot engine and the wall-clock conversion in every zone the runtime
 * knows, 2026–2030, concentrated on the days around each zone's changes.
 *
 * The default run (100 generated schedules, 300 wall times, every
 * transition of every zone checked at its edges and hourly) fits the normal
 * suite. `pnpm --filter @clinic/domain test:zones` sets `PROPERTY_RUNS=2000`:
 * that many schedules, three times as many wall times, and every transition
 * day at a 15-minute step (about 4 minutes on a busy 2-core machine).
 */

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;
const DEFAULT_RUNS = 100;
const RUNS = Number(process.env.PROPERTY_RUNS ?? DEFAULT_RUNS);
const THOROUGH = RUNS > DEFAULT_RUNS;
const TIMEOUT_MS = Math.max(60_000, RUNS * 1_000);

const FROM = Date.UTC(2026, 0, 1);
const TO = Date.UTC(2031, 0, 1);

interface Transition {
  zone: string;
  /** The first instant of the new offset. */
  at: number;
  /** Offsets (minutes) before and after. */
  before: number;
  after: number;
}

const offsetAt = (zone: string, instant: number) => tzOffset(zone, new Date(instant));

/**
 * A zone's offset changes from `FROM` to `TO`, each to the minute. Weekly
 * probes find them (no zone changes and changes back within a week; Morocco's
 * Ramadan suspension, the shortest, lasts about a month), then bisection.
 */
function transitionsOf(zone: string): Transition[] {
  const found: Transition[] = [];
  let previous = FROM;
  let previousOffset = offsetAt(zone, previous);
  for (let probe = FROM + 7 * DAY_MS; previous < TO; probe += 7 * DAY_MS) {
    const offset = offsetAt(zone, probe);
    if (offset !== previousOffset) {
      let lo = previous;
      let hi = probe;
      while (hi - lo > MINUTE_MS) {
        const mid = lo + Math.floor((hi - lo) / 2 / MINUTE_MS) * MINUTE_MS;
        if (offsetAt(zone, mid) === previousOffset) lo = mid;
        else hi = mid;
      }
      found.push({ zone, at: hi, before: previousOffset, after: offsetAt(zone, hi) });
    }
    previous = probe;
    previousOffset = offset;
  }
  return found;
}

let allTransitions: Map<string, Transition[]> | undefined;
/** Every zone's transitions, computed once per test run. */
function transitions(): Map<string, Transition[]> {
  allTransitions ??= new Map(
    Intl.supportedValuesOf("timeZone").map((zone) => [zone, transitionsOf(zone)]),
  );
  return allTransitions;
}

/** `yyyy-MM-dd` and minute of a wall reading given as `Date.UTC`-style milliseconds. */
function splitWall(wall: number): { date: string; minute: number } {
  const midnight = Math.floor(wall / DAY_MS) * DAY_MS;
  return { date: dateOfWall(midnight), minute: Math.round((wall - midnight) / MINUTE_MS) };
}

/** Every instant that reads as `wall` near a transition, from its two offsets, earliest first. */
function expectedInstants(t: Transition, wall: number): number[] {
  const instants: number[] = [];
  if (wall - t.before * MINUTE_MS < t.at) instants.push(wall - t.before * MINUTE_MS);
  if (wall - t.after * MINUTE_MS >= t.at) instants.push(wall - t.after * MINUTE_MS);
  return instants.sort((a, b) => a - b);
}

function instantOfWall(zone: string, wall: number, resolve: "earliest" | "latest" = "earliest") {
  const { date, minute } = splitWall(wall);
  return instantOf(zone, localDay(zone, date), minute, resolve);
}

/** Slots are strictly increasing, each at a wall time that exists and converts back to it. */
function expectWellFormed(zone: string, slots: readonly Slot[]) {
  const days = new Map<string, ReturnType<typeof localDay>>();
  for (let i = 0; i < slots.length; i++) {
    const start = slots[i]!.start.getTime();
    if (i > 0) expect(start).toBeGreaterThan(slots[i - 1]!.start.getTime());
    const { date, minute } = wallTimeOf(zone, start);
    const day = days.get(date) ?? localDay(zone, date);
    days.set(date, day);
    // The slot's wall time exists, and as a wall time it names this very instant (its first reading).
    const instant = instantOf(zone, day, minute);
    if (instant !== start)
      expect({ zone, date, minute, instant }).toEqual({ zone, date, minute, instant: start });
  }
}

function allDayQuery(zone: string, from: string, to: string, step: number): SlotQuery {
  return {
    timeZone: zone,
    from,
    to,
    now: new Date(FROM - 30 * DAY_MS),
    policy: { slotStepMinutes: step, minNoticeMinutes: 0, horizonDays: 3650 },
    service: { durationMinutes: step, bufferBeforeMinutes: 0, bufferAfterMinutes: 0 },
    practitioners: [
      {
        id: "p",
        weeklyHours: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
          weekday,
          start: "00:00",
          end: "24:00",
        })),
        timeOff: [],
        busy: [],
      },
    ],
    closures: [],
  };
}

describe("time zones in this runtime", () => {
  it("Node's ICU carries the full zone database (full-icu), with Chile's and Cuba's midnight rules", () => {
    const zones = Intl.supportedValuesOf("timeZone");
    expect(zones.length).toBeGreaterThan(400);
    for (const zone of [
      "America/Santiago",
      "America/Havana",
      "America/Asuncion",
      "America/Scoresbysund",
      "Atlantic/Azores",
      "Asia/Beirut",
      "Asia/Gaza",
      "Asia/Hebron",
      "Africa/Cairo",
      "Pacific/Apia",
      "Australia/Lord_Howe",
      "Antarctica/Troll",
      "Australia/Sydney",
    ]) {
      expect(zones).toContain(zone);
    }
    const santiago = transitions().get("America/Santiago")!;
    expect(santiago.map((t) => new Date(t.at).toISOString())).toContain("2027-09-05T04:00:00.000Z");
    expect(transitions().get("America/Havana")!.length).toBe(10);
    // Lord Howe moves half an hour: +10:30 ↔ +11.
    expect(
      transitions()
        .get("Australia/Lord_Howe")!
        .every((t) => Math.abs(t.after - t.before) === 30),
    ).toBe(true);
  });
});

describe("every zone's transitions, 2026–2030", () => {
  it(
    "convert exactly at and around each change, and give well-formed slots on its days",
    () => {
      const step = THOROUGH ? 15 : 60;
      let checked = 0;
      for (const [zone, list] of transitions()) {
        for (let i = 0; i < list.length; i++) {
          const t = list[i]!;
          // The engine assumes a zone never changes twice within 54 hours (see local-time.ts).
          if (i > 0 && t.at - list[i - 1]!.at <= 54 * HOUR_MS) {
            expect.fail(`${zone} changes twice within 54 hours at ${new Date(t.at).toISOString()}`);
          }
          const readBefore = t.at + t.before * MINUTE_MS; // the wall time the clock leaves
          const readAfter = t.at + t.after * MINUTE_MS; // the wall time it shows next
          const edges = [readBefore, readAfter].flatMap((w) => [w - MINUTE_MS, w, w + MINUTE_MS]);
          edges.push(
            (readBefore + readAfter) / 2,
            readBefore - 3 * HOUR_MS,
            readAfter + 3 * HOUR_MS,
          );
          const days = new Map<string, ReturnType<typeof localDay>>();
          for (const wall of edges) {
            const { date, minute } = splitWall(wall);
            const day = days.get(date) ?? localDay(zone, date);
            days.set(date, day);
            const expected = expectedInstants(t, wall);
            const found = {
              zone,
              wall: new Date(wall).toISOString(),
              earliest: instantOf(zone, day, minute, "earliest"),
              latest: instantOf(zone, day, minute, "latest"),
              // A nonexistent time moves forward to the change itself.
              boundary: boundaryInstantOf(zone, day, minute),
            };
            const want = {
              ...found,
              earliest: expected[0] ?? null,
              latest: expected.at(-1) ?? null,
              boundary: expected[0] ?? t.at,
            };
            // Compare first: building vitest assertions for ~20,000 edges costs more than the checks.
            if (JSON.stringify(found) !== JSON.stringify(want)) expect(found).toEqual(want);
          }
          // Slots on the day(s) the change touches, all day long at the step.
          const first = splitWall(Math.min(readBefore, readAfter)).date;
          const last = splitWall(Math.max(readBefore, readAfter)).date;
          const slots = computeSlots(allDayQuery(zone, first, last, step));
          expectWellFormed(zone, slots);
          // Exactly the grid times that exist and end by their day's 24:00, from the change alone.
          const expected: number[] = [];
          for (let date = first; date <= last; date = addLocalDays(date, 1)) {
            const midnight = Date.parse(`${date}T00:00:00Z`);
            const close = expectedInstants(t, midnight + DAY_MS)[0] ?? t.at;
            for (let minute = 0; minute < 1440; minute += step) {
              const start = expectedInstants(t, midnight + minute * MINUTE_MS)[0];
              if (start !== undefined && start + step * MINUTE_MS <= close) expected.push(start);
            }
          }
          const starts = slots.map((s) => s.start.getTime());
          if (starts.join() !== expected.join()) {
            expect({ zone, slots: starts }).toEqual({ zone, slots: expected });
          }
          checked++;
        }
      }
      // Sanity: the scan found the world's changes (1,302 in Node 20's ICU 78 for 2026–2030), not none.
      expect(checked).toBeGreaterThan(500);
    },
    TIMEOUT_MS,
  );
});

describe("generated schedules in every zone", () => {
  const hhmm = (quarter: number) => timeOfDay(Math.min(96, quarter) * 15);

  /** A zone, a day near one of its changes (or any day for zones without), and local minutes near the change. */
  const weekdayOf = (date: string) => localDay("UTC", date).weekday;

  /**
   * A zone and a day near one of its changes (or any zone and day, now and
   * then), with the change's local time. Changes within two hours of
   * midnight, where days and dates get confused, come up as often as all the
   * others together.
   */
  function buildPlaceArb() {
    const all = [...transitions().values()].flat();
    // The skipped or repeated wall times touch or cross midnight (Santiago, Havana, Azores…).
    const nearMidnight = all.filter((t) => {
      const a = splitWall(Math.min(t.at + t.before * MINUTE_MS, t.at + t.after * MINUTE_MS));
      const b = splitWall(Math.max(t.at + t.before * MINUTE_MS, t.at + t.after * MINUTE_MS));
      return a.minute === 0 || b.minute === 0 || a.date !== b.date;
    });
    const nearChange = fc
      .record({
        transition: fc.oneof(fc.constantFrom(...all), fc.constantFrom(...nearMidnight)),
        shift: fc.integer({ min: -2, max: 1 }),
      })
      .map(({ transition, shift }) => {
        const changeWall = transition.at + transition.before * MINUTE_MS;
        const change = splitWall(changeWall);
        return {
          // The skipped or repeated wall times, from `spanStart` for `span` minutes.
          spanStart: Math.min(changeWall, transition.at + transition.after * MINUTE_MS),
          span: Math.abs(transition.after - transition.before),
          zone: transition.zone,
          transition: transition as Transition | null,
          from: addLocalDays(change.date, shift),
          changeMinute: change.minute,
          changeWall,
          // The change's day and the day before it, whose 24:00 the change may be.
          weekdays: [weekdayOf(change.date), weekdayOf(addLocalDays(change.date, -1))],
        };
      });
    const anyDay = fc
      .record({
        zone: fc.constantFrom(...transitions().keys()),
        day: fc.integer({ min: 0, max: (TO - FROM) / DAY_MS - 5 }),
        minute: fc.integer({ min: 0, max: 1439 }),
      })
      .map(({ zone, day, minute }) => {
        const date = dateOfWall(FROM + day * DAY_MS);
        return {
          spanStart: FROM + day * DAY_MS + minute * MINUTE_MS,
          span: 0,
          zone,
          transition: null,
          from: date,
          changeMinute: minute,
          changeWall: FROM + day * DAY_MS + minute * MINUTE_MS,
          weekdays: [weekdayOf(date)],
        };
      });
    return fc.oneof({ arbitrary: nearChange, weight: 4 }, { arbitrary: anyDay, weight: 1 });
  }
  // Built on first use (it needs every zone's transitions) and once: not per generated case.
  let places: ReturnType<typeof buildPlaceArb> | undefined;
  const placeArb = fc.constant(null).chain(() => {
    places ??= buildPlaceArb();
    return places;
  });

  /** Working ranges that favour the change's days, midnight and the change's local time. */
  const rangeArb = (place: { changeMinute: number; weekdays: number[] }) =>
    fc
      .tuple(
        fc.oneof(fc.constantFrom(...place.weekdays), fc.integer({ min: 1, max: 7 })),
        fc.oneof(
          fc.constantFrom(0, 1, 2, 4, 88, 92, 94, 95),
          fc.integer({ min: -8, max: 4 }).map((q) => Math.floor(place.changeMinute / 15) + q),
          fc.integer({ min: 0, max: 95 }),
        ),
        fc.integer({ min: 1, max: 40 }),
      )
      .map(([weekday, start, length]): WorkingHoursRange => {
        const from = Math.min(95, Math.max(0, start));
        return { weekday, start: hhmm(from), end: hhmm(from + length) };
      });

  const queryArb = placeArb.chain((place) =>
    fc.record({
      place: fc.constant(place),
      query: fc.record({
        timeZone: fc.constant(place.zone),
        from: fc.constant(place.from),
        to: fc.integer({ min: 0, max: 3 }).map((n) => addLocalDays(place.from, n)),
        now: fc.constant(new Date(FROM - 30 * DAY_MS)),
        policy: fc.record({
          slotStepMinutes: fc.constantFrom(5, 10, 15, 20, 30, 45, 60),
          minNoticeMinutes: fc.constant(0),
          horizonDays: fc.constant(3650),
        }),
        service: fc.record({
          durationMinutes: fc.constantFrom(15, 30, 45, 60, 90),
          bufferBeforeMinutes: fc.constantFrom(0, 5, 15),
          bufferAfterMinutes: fc.constantFrom(0, 5, 15),
        }),
        practitioners: fc.array(rangeArb(place), { minLength: 1, maxLength: 8 }).map((ranges) => {
          // The schema refuses overlapping ranges on a day; keep the first of any clash.
          const kept: WorkingHoursRange[] = [];
          for (const r of ranges) {
            const clash = kept.some(
              (k) =>
                k.weekday === r.weekday &&
                minutesOfDay(r.start) < minutesOfDay(k.end) &&
                minutesOfDay(k.start) < minutesOfDay(r.end),
            );
            if (!clash) kept.push(r);
          }
          return [{ id: "p", weeklyHours: kept, timeOff: [], busy: [] }];
        }),
        closures: fc.constant([]),
      }),
    }),
  );

  it(
    "slots exist as wall times, increase strictly, sit on the range's step and match the plain implementation",
    () => {
      fc.assert(
        fc.property(queryArb, ({ query }) => {
          const slots = computeSlots(query);
          expectWellFormed(query.timeZone, slots);
          const step = query.policy.slotStepMinutes;
          const hours = query.practitioners[0]!.weeklyHours;
          for (const slot of slots) {
            const { date, minute } = wallTimeOf(query.timeZone, slot.start.getTime());
            expect(date >= query.from && date <= query.to).toBe(true);
            const day = localDay(query.timeZone, date);
            // Ranges that touch are one stretch (09:00–12:00 and 12:00–13:00 step from 09:00).
            const stretches = hours
              .filter((r) => r.weekday === day.weekday)
              .map((r) => [minutesOfDay(r.start), minutesOfDay(r.end)] as [number, number])
              .sort((a, b) => a[0] - b[0])
              .reduce<[number, number][]>((joined, range) => {
                const last = joined.at(-1);
                if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
                else joined.push(range);
                return joined;
              }, []);
            const onStep = stretches.some(([start, end]) => {
              const first = firstExistingMinute(query.timeZone, day, start);
              return minute >= first && minute < end && (minute - first) % step === 0;
            });
            expect(onStep).toBe(true);
          }
          expect(slots).toEqual(computeSlotsReference(query));
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT_MS,
  );

  it(
    "wall → instant → wall round-trips for existing times; nonexistent ones have no instant",
    () => {
      // Anywhere within six hours of the change, or in and just around its skipped or repeated times.
      const wallArb = placeArb.chain((place) =>
        fc
          .oneof(
            fc.integer({ min: -6 * 60, max: 6 * 60 }).map((m) => place.changeWall + m * MINUTE_MS),
            fc
              .integer({ min: -2, max: place.span + 2 })
              .map((m) => place.spanStart + m * MINUTE_MS),
          )
          .map((wall) => ({ ...place, wall })),
      );
      fc.assert(
        fc.property(wallArb, ({ zone, wall, transition }) => {
          const { date, minute } = splitWall(wall);
          const earliest = instantOfWall(zone, wall, "earliest");
          const latest = instantOfWall(zone, wall, "latest");
          const where = { zone, date, minute };
          if (earliest === null) {
            expect(latest).toBeNull();
            // No nearby offset of the zone makes any instant read as this wall time.
            for (const probe of [-DAY_MS, 0, DAY_MS]) {
              const offset = offsetAt(zone, wall + probe);
              const candidate = wall - offset * MINUTE_MS;
              expect({ ...where, reads: wallTimeOf(zone, candidate) }).not.toEqual({
                ...where,
                reads: { date, minute },
              });
            }
            return;
          }
          expect({ ...where, back: wallTimeOf(zone, earliest) }).toEqual({
            ...where,
            back: { date, minute },
          });
          expect({ ...where, back: wallTimeOf(zone, latest!) }).toEqual({
            ...where,
            back: { date, minute },
          });
          expect(latest!).toBeGreaterThanOrEqual(earliest);
          if (
            transition &&
            Math.abs(wall - (transition.at + transition.before * MINUTE_MS)) < DAY_MS
          ) {
            expect([earliest, latest]).toEqual([
              expectedInstants(transition, wall)[0],
              expectedInstants(transition, wall).at(-1),
            ]);
          }
          // @date-fns/tz finds an instant of every existing time too, but of a repeated time it takes
          // the first reading west of UTC and the second east of it (Sydney 2027-04-04 02:30 → AEST),
          // one reason the engine resolves repeated times itself.
          const [y, m, d] = date.split("-").map(Number);
          const tzDate = new TZDate(y!, m! - 1, d!, Math.floor(minute / 60), minute % 60, zone);
          expect({ ...where, tzDate: [earliest, latest].includes(tzDate.getTime()) }).toEqual({
            ...where,
            tzDate: true,
          });
        }),
        { numRuns: RUNS * 3 },
      );
    },
    TIMEOUT_MS,
  );
});
