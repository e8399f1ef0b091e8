import { describe, expect, it } from "vitest";
import { clockLabel, openingState, openingStateLabel } from "./opening-state.js";

const weekdays = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: "08:00", closes: "18:00" }));
const saturday = { weekday: 6, opens: "08:00", closes: "12:00" };
const hours = [...weekdays, saturday];

const label = (now: string, options: { timeZone?: string; closures?: typeof christmas } = {}) =>
  openingStateLabel(
    openingState({
      hours,
      closures: options.closures ?? [],
      timeZone: options.timeZone ?? "Australia/Sydney",
      now: new Date(now),
    }),
  );
const christmas = [{ startDate: "2026-12-25", endDate: "2026-12-25", reason: "Christmas Day" }];

describe("openingState", () => {
  it("says until when the clinic is open, in its zone's wall clock", () => {
    // Tuesday 10:00 in Sydney (UTC+11 in summer) is Monday 23:00 in UTC.
    expect(label("2026-12-14T23:00:00Z")).toBe("Open now until 6:00 pm");
    expect(label("2026-12-15T06:59:00Z")).toBe("Open now until 6:00 pm");
  });

  it("says when it opens next: later today, tomorrow or on a weekday", () => {
    expect(label("2026-12-14T20:00:00Z")).toBe("Closed now · opens today at 8:00 am");
    expect(label("2026-12-15T07:00:00Z")).toBe("Closed now · opens tomorrow at 8:00 am");
    // Saturday 13:00: next is Monday.
    expect(label("2026-12-19T02:00:00Z")).toBe("Closed now · opens Monday at 8:00 am");
  });

  it("names today's closure and skips closed days when looking ahead", () => {
    // Christmas Day 2026 is a Friday; 10:00 there.
    expect(label("2026-12-24T23:00:00Z", { closures: christmas })).toBe(
      "Closed today: Christmas Day · opens tomorrow at 8:00 am",
    );
    // Thursday 24 December, 19:00: Friday is closed, so Saturday.
    expect(label("2026-12-24T08:00:00Z", { closures: christmas })).toBe(
      "Closed now · opens Saturday at 8:00 am",
    );
  });

  it("keeps local hours on the day daylight saving starts (Sydney, 4 October 2026)", () => {
    // Clocks go from 02:00 to 03:00 that Sunday: 08:00 is AEDT (UTC+11), 21:00 UTC the day before.
    const spring = [{ weekday: 7, opens: "08:00", closes: "18:00" }];
    const sunday = (utc: string) =>
      openingStateLabel(
        openingState({
          hours: spring,
          closures: [],
          timeZone: "Australia/Sydney",
          now: new Date(utc),
        }),
      );
    expect(sunday("2026-10-03T20:59:00Z")).toBe("Closed now · opens today at 8:00 am");
    expect(sunday("2026-10-03T21:00:00Z")).toBe("Open now until 6:00 pm");
    expect(sunday("2026-10-04T06:59:00Z")).toBe("Open now until 6:00 pm");
    expect(sunday("2026-10-04T07:00:00Z")).toBe("Closed now · opens Sunday at 8:00 am");
  });

  it("keeps local hours on the day daylight saving ends (Sydney, 4 April 2027)", () => {
    const autumn = [{ weekday: 7, opens: "01:00", closes: "02:30" }];
    const state = (utc: string) =>
      openingStateLabel(
        openingState({
          hours: autumn,
          closures: [],
          timeZone: "Australia/Sydney",
          now: new Date(utc),
        }),
      );
    // 02:00–03:00 AEDT is repeated as 02:00–03:00 AEST: 02:15 is open both times round.
    expect(state("2027-04-03T15:15:00Z")).toBe("Open now until 2:30 am");
    expect(state("2027-04-03T16:15:00Z")).toBe("Open now until 2:30 am");
    expect(state("2027-04-03T16:45:00Z")).toBe("Closed now · opens Sunday at 1:00 am");
  });

  it("reads the right day where clocks change at midnight (Santiago, 5 September 2027)", () => {
    // Midnight doesn't exist that Sunday: 04:00 UTC is 01:00 local, Sunday, not Saturday 23:00.
    const sundayOnly = [{ weekday: 7, opens: "00:30", closes: "02:00" }];
    const at = (utc: string) =>
      openingState({
        hours: sundayOnly,
        closures: [],
        timeZone: "America/Santiago",
        now: new Date(utc),
      });
    expect(at("2027-09-05T04:00:00Z")).toEqual({ open: true, closes: "02:00" });
    // Saturday 23:59 (UTC−4): the next opening is the Sunday, 00:30 local (which is skipped
    // that day, but the rule says when, not whether the wall time exists).
    expect(at("2027-09-05T03:59:00Z")).toMatchObject({
      open: false,
      next: { date: "2027-09-05", tomorrow: true, opens: "00:30" },
    });
  });

  it("has no next opening without hours", () => {
    expect(
      openingStateLabel(
        openingState({ hours: [], closures: [], timeZone: "UTC", now: new Date("2026-12-01") }),
      ),
    ).toBe("Closed now");
  });
});

describe("clockLabel", () => {
  it("reads 24-hour times in am/pm", () => {
    expect(["00:00", "08:05", "12:00", "18:30"].map(clockLabel)).toEqual([
      "12:00 am",
      "8:05 am",
      "12:00 pm",
      "6:30 pm",
    ]);
  });
});
