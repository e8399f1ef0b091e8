import { describe, expect, it } from "vitest";
import { calendarHref, readCalendarParams, stepDate, viewRange } from "./calendar-params";

const TODAY = "2026-03-11"; // a Wednesday
const ID = "6f1c2b9e-8a55-4d0f-9b7e-2c7d1f0a9e11";

describe("calendar params", () => {
  it("defaults to today's day view for everyone", () => {
    expect(readCalendarParams(new URLSearchParams(), TODAY)).toEqual({
      view: "day",
      date: TODAY,
      practitionerId: null,
      includeCancelled: false,
    });
  });

  it("falls back on malformed dates and ids instead of failing", () => {
    const params = readCalendarParams(
      new URLSearchParams("date=2026-02-31&practitioner=1 OR 1"),
      TODAY,
    );
    expect(params.date).toBe(TODAY);
    expect(params.practitionerId).toBeNull();
  });

  it("round-trips through its own links", () => {
    const params = {
      view: "week" as const,
      date: "2026-04-02",
      practitionerId: ID,
      includeCancelled: true,
    };
    const href = calendarHref(params);
    expect(readCalendarParams(new URL(href, "http://x").searchParams, TODAY)).toEqual(params);
  });

  it("covers Monday to Sunday in week view, across a month end", () => {
    expect(viewRange("week", "2026-04-02")).toEqual({ from: "2026-03-30", to: "2026-04-05" });
    expect(viewRange("day", "2026-04-02")).toEqual({ from: "2026-04-02", to: "2026-04-02" });
  });

  it("shows Monday to Sunday in week view, across a month or a year end", () => {
    expect(viewRange("week", "2026-04-01")).toEqual({ from: "2026-03-30", to: "2026-04-05" });
    expect(viewRange("week", "2027-01-01")).toEqual({ from: "2026-12-28", to: "2027-01-03" });
  });

  it("steps a day or a week, landing on Mondays in week view", () => {
    expect(stepDate("day", "2026-03-01", -1)).toBe("2026-02-28");
    expect(stepDate("week", "2026-04-02", 1)).toBe("2026-04-06");
    expect(stepDate("week", "2026-04-02", -1)).toBe("2026-03-23");
  });
});
