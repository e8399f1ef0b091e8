import { getISOWeek, getISOWeekYear } from "date-fns";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isoWeekLabel, isoWeekStart, lastIsoWeeks } from "./iso-weeks.js";

describe("ISO weeks of local dates", () => {
  it("starts weeks on Monday", () => {
    expect(isoWeekStart("2026-03-04")).toBe("2026-03-02"); // a Wednesday
    expect(isoWeekStart("2026-03-02")).toBe("2026-03-02");
    expect(isoWeekStart("2026-03-08")).toBe("2026-03-02"); // Sunday ends the week
  });

  it("labels weeks by their ISO week-year across new year", () => {
    expect(isoWeekLabel("2024-12-30")).toBe("2025-W01");
    expect(isoWeekLabel("2027-01-01")).toBe("2026-W53");
    expect(isoWeekLabel("2026-01-01")).toBe("2026-W01");
  });

  it("agrees with date-fns for any date", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("1990-01-01"), max: new Date("2100-01-01"), noInvalidDate: true }),
        (d) => {
          const date = d.toISOString().slice(0, 10);
          const local = new Date(`${date}T12:00:00`);
          const expected = `${getISOWeekYear(local)}-W${String(getISOWeek(local)).padStart(2, "0")}`;
          expect(isoWeekLabel(date)).toBe(expected);
        },
      ),
    );
  });

  it("lists consecutive Mondays ending with the current week", () => {
    expect(lastIsoWeeks("2026-03-04", 3)).toEqual(["2026-02-16", "2026-02-23", "2026-03-02"]);
  });
});
