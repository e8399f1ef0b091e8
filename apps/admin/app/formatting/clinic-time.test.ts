import { describe, expect, it } from "vitest";
import { dateTimeLabel, isLocalDate, parseClinicDateTime, timeLabel, todayIn } from "./clinic-time";

const SYDNEY = "Australia/Sydney";

describe("parseClinicDateTime", () => {
  it("reads a wall-clock time in the clinic's zone, not the server's", () => {
    // 9:30 in Sydney in January is AEDT (UTC+11).
    expect(parseClinicDateTime("2026-01-15", "09:30", SYDNEY)?.toISOString()).toBe(
      "2026-01-14T22:30:00.000Z",
    );
    // The same wall time in July is AEST (UTC+10).
    expect(parseClinicDateTime("2026-07-15", "09:30", SYDNEY)?.toISOString()).toBe(
      "2026-07-14T23:30:00.000Z",
    );
  });

  it("uses the right offset on each side of the change on the day clocks go forward", () => {
    // Sunday 4 October 2026: 02:00 AEST jumps to 03:00 AEDT.
    expect(parseClinicDateTime("2026-10-04", "01:30", SYDNEY)?.toISOString()).toBe(
      "2026-10-03T15:30:00.000Z",
    );
    expect(parseClinicDateTime("2026-10-04", "09:00", SYDNEY)?.toISOString()).toBe(
      "2026-10-03T22:00:00.000Z",
    );
  });

  it("refuses a time the clocks skip", () => {
    expect(parseClinicDateTime("2026-10-04", "02:30", SYDNEY)).toBeNull();
  });

  it("takes the first of a time that happens twice when clocks go back", () => {
    // Sunday 5 April 2026: 03:00 AEDT goes back to 02:00 AEST, so 02:30 happens twice.
    expect(parseClinicDateTime("2026-04-05", "02:30", SYDNEY)?.toISOString()).toBe(
      "2026-04-04T15:30:00.000Z",
    );
    expect(parseClinicDateTime("2026-04-05", "04:00", SYDNEY)?.toISOString()).toBe(
      "2026-04-04T18:00:00.000Z",
    );
  });

  it("refuses a time the clocks skip at midnight, and takes the first of one repeated at midnight", () => {
    // Santiago, 5 September 2027: 00:00 jumps to 01:00.
    expect(parseClinicDateTime("2027-09-05", "00:30", "America/Santiago")).toBeNull();
    expect(parseClinicDateTime("2027-09-05", "01:00", "America/Santiago")?.toISOString()).toBe(
      "2027-09-05T04:00:00.000Z",
    );
    // Havana, 7 November 2027: 01:00 goes back to 00:00, so 00:30 happens twice.
    expect(parseClinicDateTime("2027-11-07", "00:30", "America/Havana")?.toISOString()).toBe(
      "2027-11-07T04:30:00.000Z",
    );
  });

  it("refuses malformed input", () => {
    expect(parseClinicDateTime("2026-02-30", "09:00", SYDNEY)).toBeNull();
    expect(parseClinicDateTime("2026-02-10", "9:00", SYDNEY)).toBeNull();
    expect(parseClinicDateTime("2026-02-10", "24:00", SYDNEY)).toBeNull();
  });
});

describe("clinic dates", () => {
  it("names today's date in the zone, which can be ahead of UTC's", () => {
    const lateUtc = new Date("2026-03-01T20:00:00Z"); // 7 am on 2 March in Sydney
    expect(todayIn(SYDNEY, lateUtc)).toBe("2026-03-02");
    expect(todayIn("UTC", lateUtc)).toBe("2026-03-01");
  });

  it("formats instants on the clinic's clock", () => {
    const instant = new Date("2026-10-03T22:00:00Z");
    expect(timeLabel(instant, SYDNEY)).toBe("9:00 am");
    expect(dateTimeLabel(instant, SYDNEY)).toBe("Sun 4 Oct 2026, 9:00 am");
  });

  it("checks calendar dates strictly", () => {
    expect(isLocalDate("2028-02-29")).toBe(true);
    expect(isLocalDate("2026-02-29")).toBe(false);
    expect(isLocalDate("2026-2-01")).toBe(false);
    expect(isLocalDate(null)).toBe(false);
  });
});
