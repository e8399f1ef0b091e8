import { describe, expect, it } from "vitest";
import { longDateLabel, shortDateLabel } from "./labels.js";
import {
  datesBetween,
  localDateOf,
  localDaysRange,
  startOfLocalDay,
  weekOf,
} from "./local-days.js";

const HOUR = 3_600_000;
const sydney = "Australia/Sydney";

describe("local days", () => {
  it("start at local midnight, in summer and in winter", () => {
    expect(startOfLocalDay(sydney, "2026-12-01").toISOString()).toBe("2026-11-30T13:00:00.000Z");
    expect(startOfLocalDay(sydney, "2026-07-01").toISOString()).toBe("2026-06-30T14:00:00.000Z");
  });

  it("last 23 hours when the clocks go forward and 25 when they go back", () => {
    const forward = localDaysRange(sydney, "2026-10-04", "2026-10-04");
    expect((forward.to.getTime() - forward.from.getTime()) / HOUR).toBe(23);
    const back = localDaysRange(sydney, "2027-04-04", "2027-04-04");
    expect((back.to.getTime() - back.from.getTime()) / HOUR).toBe(25);
    const week = localDaysRange(sydney, "2026-09-28", "2026-10-04");
    expect((week.to.getTime() - week.from.getTime()) / HOUR).toBe(7 * 24 - 1);
  });

  it("where clocks change at midnight, start when the clocks resume and last 23 or 25 hours", () => {
    const santiago = "America/Santiago";
    // 2027-09-05 has no 00:00–00:59: the day starts at 01:00 -03, not 23:00 the evening before.
    expect(startOfLocalDay(santiago, "2027-09-05").toISOString()).toBe("2027-09-05T04:00:00.000Z");
    const forward = localDaysRange(santiago, "2027-09-05", "2027-09-05");
    expect((forward.to.getTime() - forward.from.getTime()) / HOUR).toBe(23);
    const eveningBefore = localDaysRange(santiago, "2027-09-04", "2027-09-04");
    expect((eveningBefore.to.getTime() - eveningBefore.from.getTime()) / HOUR).toBe(24);
    // 24:00 on 3 April 2027 goes back to 23:00: the 3rd lasts 25 hours.
    const back = localDaysRange(santiago, "2027-04-03", "2027-04-03");
    expect((back.to.getTime() - back.from.getTime()) / HOUR).toBe(25);
    expect(startOfLocalDay("America/Havana", "2027-03-14").toISOString()).toBe(
      "2027-03-14T05:00:00.000Z",
    );
  });

  it("name the local date of an instant in the zone", () => {
    expect(localDateOf(new Date("2026-11-30T12:59:59Z"), sydney)).toBe("2026-11-30");
    expect(localDateOf(new Date("2026-11-30T13:00:00Z"), sydney)).toBe("2026-12-01");
  });

  it("list dates across months, years and 29 February", () => {
    expect(datesBetween("2027-12-30", "2028-01-02")).toEqual([
      "2027-12-30",
      "2027-12-31",
      "2028-01-01",
      "2028-01-02",
    ]);
    expect(datesBetween("2028-02-28", "2028-03-01")).toHaveLength(3);
    expect(datesBetween("2026-05-02", "2026-05-01")).toEqual([]);
  });

  it("group a week Monday to Sunday, whichever day is asked", () => {
    const week = weekOf("2026-12-03");
    expect(week[0]).toBe("2026-11-30");
    expect(week[6]).toBe("2026-12-06");
    expect(weekOf("2026-12-06")).toEqual(week);
  });

  it("label dates in words", () => {
    expect(longDateLabel("2026-04-06")).toBe("Monday 6 April 2026");
    expect(shortDateLabel("2028-02-29")).toBe("Tue 29 Feb");
  });
});
