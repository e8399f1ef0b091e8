import { describe, expect, it } from "vitest";
import { parseClinicDateTime } from "../../formatting/clinic-time";
import { emptyStarts, gridWindow, hourMarks, minutesOnDay, placeEntries } from "./calendar-layout";

const SYDNEY = "Australia/Sydney";

function at(date: string, time: string): Date {
  const instant = parseClinicDateTime(date, time, SYDNEY);
  if (!instant) throw new Error(`no such time ${date} ${time}`);
  return instant;
}

function entry(id: string, date: string, from: string, to: string) {
  return { id, startsAt: at(date, from), endsAt: at(date, to) };
}

const DAY = "2026-03-10";
const WINDOW = { startMinute: 8 * 60, endMinute: 18 * 60 };

describe("placeEntries", () => {
  it("positions an entry as a share of the visible hours", () => {
    const [placed] = placeEntries([entry("a", DAY, "09:00", "10:30")], DAY, SYDNEY, WINDOW);
    // 8:00–18:00 is 600 minutes: 9:00 is 60 in (10%), 90 minutes long (15%).
    expect(placed).toMatchObject({ startMinute: 540, endMinute: 630, top: 10, height: 15 });
    expect(placed).toMatchObject({ lane: 0, lanes: 1 });
  });

  it("puts overlapping entries side by side and leaves touching ones in one lane", () => {
    const placed = placeEntries(
      [
        entry("b", DAY, "09:30", "10:30"),
        entry("a", DAY, "09:00", "10:00"),
        entry("c", DAY, "10:30", "11:00"),
      ],
      DAY,
      SYDNEY,
      WINDOW,
    );
    expect(placed.map((p) => [p.entry.id, p.lane, p.lanes])).toEqual([
      ["a", 0, 2],
      ["b", 1, 2],
      ["c", 0, 1],
    ]);
  });

  it("shares one lane count across a chain of overlaps and reuses freed lanes", () => {
    // a overlaps b, b overlaps c, but a and c don't: c can take a's lane.
    const placed = placeEntries(
      [
        entry("a", DAY, "09:00", "10:00"),
        entry("b", DAY, "09:30", "11:00"),
        entry("c", DAY, "10:00", "10:45"),
      ],
      DAY,
      SYDNEY,
      WINDOW,
    );
    expect(placed.map((p) => [p.entry.id, p.lane, p.lanes])).toEqual([
      ["a", 0, 2],
      ["b", 1, 2],
      ["c", 0, 2],
    ]);
  });

  it("clips entries to the window and drops those on other days", () => {
    const placed = placeEntries(
      [entry("early", DAY, "07:00", "09:00"), entry("other", "2026-03-11", "09:00", "10:00")],
      DAY,
      SYDNEY,
      WINDOW,
    );
    expect(placed).toHaveLength(1);
    expect(placed[0]).toMatchObject({ top: 0, height: 10 });
  });

  it("follows the wall clock on the day clocks go forward", () => {
    // Sunday 4 October 2026, 02:00 → 03:00: an hour from 01:30 ends at 03:30 on the wall.
    const start = at("2026-10-04", "01:30");
    const oneHour = { id: "dst", startsAt: start, endsAt: new Date(start.getTime() + 3_600_000) };
    const window = { startMinute: 0, endMinute: 6 * 60 };
    const [placed] = placeEntries([oneHour], "2026-10-04", SYDNEY, window);
    expect(placed).toMatchObject({ startMinute: 90, endMinute: 210 });
    expect(placed?.height).toBeCloseTo((120 / 360) * 100, 2);
  });
});

describe("minutesOnDay", () => {
  it("clips an entry running past midnight to each of its days", () => {
    const late = { startsAt: at(DAY, "23:00"), endsAt: at("2026-03-11", "01:00") };
    expect(minutesOnDay(late, DAY, SYDNEY)).toEqual({ startMinute: 1380, endMinute: 1440 });
    expect(minutesOnDay(late, "2026-03-11", SYDNEY)).toEqual({ startMinute: 0, endMinute: 60 });
    expect(minutesOnDay(late, "2026-03-12", SYDNEY)).toBeNull();
  });

  it("leaves a whole-day entry off the next day when it ends at that midnight", () => {
    const day = { startsAt: at(DAY, "00:00"), endsAt: at("2026-03-11", "00:00") };
    expect(minutesOnDay(day, DAY, SYDNEY)).toEqual({ startMinute: 0, endMinute: 1440 });
    expect(minutesOnDay(day, "2026-03-11", SYDNEY)).toBeNull();
  });
});

describe("gridWindow", () => {
  it("keeps the default day when everything fits", () => {
    expect(gridWindow([{ startMinute: 540, endMinute: 600 }])).toEqual(WINDOW);
  });

  it("widens to whole hours around entries outside the default", () => {
    const window = gridWindow([
      { startMinute: 7 * 60 + 30, endMinute: 8 * 60 + 30 },
      { startMinute: 18 * 60, endMinute: 19 * 60 + 15 },
    ]);
    expect(window).toEqual({ startMinute: 7 * 60, endMinute: 20 * 60 });
    expect(hourMarks(window)).toHaveLength(13);
  });
});

describe("emptyStarts", () => {
  it("offers every half hour of the window clear of bookings", () => {
    const window = { startMinute: 8 * 60, endMinute: 10 * 60 };
    const starts = emptyStarts(window, [{ startMinute: 8 * 60 + 30, endMinute: 9 * 60 + 15 }]);
    expect(starts.map((s) => s.minute)).toEqual([8 * 60, 9 * 60 + 30]);
    expect(starts[0]).toEqual({ minute: 480, top: 0, height: 25 });
  });
});
