import { describe, expect, it } from "vitest";
import { formatDate, formatDuration, formatReadingTime } from "./format-date";

describe("formatDate", () => {
  it("uses the clinic's time zone, not UTC", () => {
    // 9 pm UTC on 2 March is 8 am on 3 March in Sydney (daylight saving, UTC+11).
    const instant = new Date("2025-03-02T21:00:00Z");
    expect(formatDate(instant, "Australia/Sydney")).toBe("3 March 2025");
    expect(formatDate(instant, "UTC")).toBe("2 March 2025");
  });

  it("follows standard time in winter", () => {
    // 14:30 UTC on 30 June is 00:30 on 1 July in Sydney (UTC+10).
    expect(formatDate(new Date("2025-06-30T14:30:00Z"), "Australia/Sydney")).toBe("1 July 2025");
    expect(formatDate(new Date("2025-06-30T13:30:00Z"), "Australia/Sydney")).toBe("30 June 2025");
  });
});

describe("formatReadingTime", () => {
  it("never says zero minutes", () => {
    expect(formatReadingTime(0)).toBe("1 min read");
    expect(formatReadingTime(6)).toBe("6 min read");
  });
});

describe("formatDuration", () => {
  it.each([
    [30, "30 min"],
    [60, "1 hr"],
    [75, "1 hr 15 min"],
    [120, "2 hr"],
  ])("formats %i minutes as %s", (minutes, expected) => {
    expect(formatDuration(minutes)).toBe(expected);
  });
});
