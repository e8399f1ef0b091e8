import { describe, expect, it } from "vitest";
import { parseClinicDateTime } from "./clinic-time";
import {
  describeDay,
  orphanHeadline,
  orphansByDay,
  weeklyHoursDiff,
} from "./schedule-changes-display";

const SYDNEY = "Australia/Sydney";

function booking(id: string, date: string, from: string, to: string) {
  return {
    id,
    startsAt: parseClinicDateTime(date, from, SYDNEY)!,
    endsAt: parseClinicDateTime(date, to, SYDNEY)!,
    patientName: `Patient ${id}`,
    serviceName: "Follow-up adjustment",
  };
}

describe("orphansByDay", () => {
  it("groups bookings by their day in the clinic's zone, in time order", () => {
    const days = orphansByDay(
      [
        booking("c", "2026-03-11", "08:00", "08:30"),
        booking("b", "2026-03-10", "17:30", "18:00"),
        booking("a", "2026-03-10", "07:30", "08:00"),
      ],
      SYDNEY,
    );
    expect(days.map((d) => [d.label, d.bookings.map((b) => `${b.id} ${b.timeLabel}`)])).toEqual([
      ["Tuesday 10 March 2026", ["a 7:30 am–8:00 am", "b 5:30 pm–6:00 pm"]],
      ["Wednesday 11 March 2026", ["c 8:00 am–8:30 am"]],
    ]);
  });

  it("puts an early-morning booking on its Sydney date, not its UTC one", () => {
    // 7:30 am on 10 March in Sydney is still 9 March in UTC.
    const [day] = orphansByDay([booking("a", "2026-03-10", "07:30", "08:00")], SYDNEY);
    expect(day?.date).toBe("2026-03-10");
  });
});

describe("weeklyHoursDiff", () => {
  const before = [
    { weekday: 1, start: "08:00", end: "12:30" },
    { weekday: 1, start: "13:30", end: "18:00" },
    { weekday: 3, start: "09:00", end: "17:00" },
  ];

  it("flags exactly the days whose hours change, with before and after", () => {
    const after = [
      { weekday: 1, start: "13:30", end: "18:00" },
      { weekday: 1, start: "08:00", end: "12:30" },
      { weekday: 3, start: "09:00", end: "13:00" },
      { weekday: 6, start: "08:00", end: "12:00" },
    ];
    const changed = weeklyHoursDiff(before, after).filter((d) => d.changed);
    expect(changed).toEqual([
      { weekday: 3, name: "Wednesday", before: "09:00–17:00", after: "09:00–13:00", changed: true },
      { weekday: 6, name: "Saturday", before: "Not working", after: "08:00–12:00", changed: true },
    ]);
  });

  it("describes a day's ranges in start order", () => {
    expect(describeDay([...before].reverse(), 1)).toBe("08:00–12:30, 13:30–18:00");
    expect(describeDay(before, 7)).toBe("Not working");
  });
});

describe("orphanHeadline", () => {
  it("counts in words", () => {
    expect(orphanHeadline(1)).toBe("1 booking falls outside the new hours");
    expect(orphanHeadline(3, "outside the proposed hours")).toBe(
      "3 bookings fall outside the proposed hours",
    );
    // Time off and closures catch the bookings inside them.
    expect(orphanHeadline(3, "within this time off")).toBe("3 bookings fall within this time off");
    expect(orphanHeadline(1, "within this closure")).toBe("1 booking falls within this closure");
  });
});
