import { addLocalDays, computeSlots, type SlotPractitioner, type SlotQuery } from "@clinic/domain";
import { computeSlotsReference } from "@clinic/domain/slots-reference";

/** A deterministic pseudo-random sequence, so every run measures the same inputs. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const weekly = [1, 2, 3, 4, 5].flatMap((weekday) => [
  { weekday, start: "08:00", end: "12:30" },
  { weekday, start: "13:30", end: "18:00" },
]);

/** `practitioners` with `bookings` spread over `days` from a fixed Monday in Sydney. */
export function slotScenario(practitioners: number, days: number, bookings: number): SlotQuery {
  const from = "2026-03-02"; // spans the April DST change when run for 90 days
  const start = Date.parse("2026-03-01T21:00:00Z");
  const next = random(42);
  const people: SlotPractitioner[] = Array.from({ length: practitioners }, (_, i) => ({
    id: `p${i}`,
    weeklyHours: [...weekly, { weekday: 6, start: "08:00", end: "12:00" }],
    timeOff: [
      {
        startDate: addLocalDays(from, 10 + i),
        endDate: addLocalDays(from, 10 + i),
        startTime: null,
        endTime: null,
      },
    ],
    busy: [],
  }));
  for (let b = 0; b < bookings; b++) {
    const who = people[b % practitioners]!;
    const day = Math.floor(next() * days);
    const hour = Math.floor(next() * 9);
    const begin = start + day * 86_400_000 + hour * 3_600_000 + Math.floor(next() * 4) * 900_000;
    (who.busy as { start: Date; end: Date }[]).push({
      start: new Date(begin),
      end: new Date(begin + 40 * 60_000),
    });
  }
  return {
    timeZone: "Australia/Sydney",
    from,
    to: addLocalDays(from, days - 1),
    now: new Date("2026-03-01T00:00:00Z"),
    policy: { slotStepMinutes: 15, minNoticeMinutes: 120, horizonDays: 365 },
    service: { durationMinutes: 30, bufferBeforeMinutes: 0, bufferAfterMinutes: 10 },
    practitioners: people,
    closures: [{ startDate: addLocalDays(from, 25), endDate: addLocalDays(from, 25) }],
  };
}

export interface Timing {
  runs: number;
  medianMs: number;
  meanMs: number;
  slots: number;
}

/** Times `fn` for at least `minMs` (after a warm-up), returning the median and mean of the runs. */
export function time(fn: () => unknown[], minMs = 1500): Timing {
  let slots = 0;
  for (let i = 0; i < 3; i++) slots = fn().length;
  const samples: number[] = [];
  const until = performance.now() + minMs;
  while (performance.now() < until || samples.length < 5) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return {
    runs: samples.length,
    medianMs: samples[Math.floor(samples.length / 2)]!,
    meanMs: samples.reduce((s, x) => s + x, 0) / samples.length,
    slots,
  };
}

export function benchSlotEngine() {
  const scenarios = [
    { name: "1 practitioner × 30 days", query: slotScenario(1, 30, 40) },
    { name: "10 practitioners × 90 days, 500 bookings", query: slotScenario(10, 90, 500) },
  ];
  return scenarios.map(({ name, query }) => {
    const sweep = time(() => computeSlots(query));
    const plain = time(() => computeSlotsReference(query));
    if (sweep.slots !== plain.slots) throw new Error(`${name}: implementations disagree`);
    return { name, sweep, plain, speedup: plain.medianMs / sweep.medianMs };
  });
}
