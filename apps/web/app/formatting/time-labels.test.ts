import { longDateLabel } from "@clinic/domain";
import { describe, expect, it } from "vitest";
import {
  abbreviationFrom,
  dayParts,
  formatAppointmentStart,
  formatDateRange,
  formatSlotTime,
  zoneAbbreviation,
} from "./time-labels";

const SYDNEY = "Australia/Sydney";

describe("formatSlotTime", () => {
  it("labels summer times AEDT and winter times AEST", () => {
    // 9:30 am in Sydney: UTC+11 in January, UTC+10 in July.
    expect(formatSlotTime(new Date("2026-01-14T22:30:00Z"), SYDNEY)).toBe("9:30 am AEDT");
    expect(formatSlotTime(new Date("2026-07-14T23:30:00Z"), SYDNEY)).toBe("9:30 am AEST");
  });

  it("labels each side of the day daylight saving ends (5 April 2026) correctly", () => {
    // Clocks go back from 3:00 AEDT to 2:00 AEST: the same day has both abbreviations.
    expect(formatSlotTime(new Date("2026-04-04T14:30:00Z"), SYDNEY)).toBe("1:30 am AEDT");
    expect(formatSlotTime(new Date("2026-04-04T15:30:00Z"), SYDNEY)).toBe("2:30 am AEDT");
    expect(formatSlotTime(new Date("2026-04-04T16:30:00Z"), SYDNEY)).toBe("2:30 am AEST");
    expect(formatSlotTime(new Date("2026-04-04T23:30:00Z"), SYDNEY)).toBe("9:30 am AEST");
  });

  it("labels the day daylight saving starts (4 October 2026) correctly", () => {
    expect(formatSlotTime(new Date("2026-10-03T22:00:00Z"), SYDNEY)).toBe("9:00 am AEDT");
    expect(formatSlotTime(new Date("2026-10-03T15:30:00Z"), SYDNEY)).toBe("1:30 am AEST");
  });

  it("writes afternoon times in 12-hour form", () => {
    expect(formatSlotTime(new Date("2026-01-15T04:15:00Z"), SYDNEY)).toBe("3:15 pm AEDT");
    expect(formatSlotTime(new Date("2026-01-15T01:00:00Z"), SYDNEY)).toBe("12:00 pm AEDT");
  });

  it("uses the clinic's zone, not the server's", () => {
    expect(formatSlotTime(new Date("2026-01-14T22:30:00Z"), "Australia/Perth")).toBe(
      "6:30 am AWST",
    );
  });
});

describe("abbreviationFrom", () => {
  it("keeps a real abbreviation", () => {
    expect(abbreviationFrom("AEDT", "Australian Eastern Daylight Time")).toBe("AEDT");
    expect(abbreviationFrom("UTC", "Coordinated Universal Time")).toBe("UTC");
  });

  it("builds one from the long name when the short name is only an offset", () => {
    expect(abbreviationFrom("GMT+11", "Australian Eastern Daylight Time")).toBe("AEDT");
    expect(abbreviationFrom("GMT+10", "Australian Eastern Standard Time")).toBe("AEST");
  });

  it("falls back to the offset when there is no name at all", () => {
    expect(abbreviationFrom("GMT+5:45", "GMT+05:45")).toBe("GMT+5:45");
  });
});

describe("zoneAbbreviation", () => {
  it("never answers with a bare offset for Sydney", () => {
    expect(zoneAbbreviation(SYDNEY, new Date("2026-02-01T00:00:00Z"))).toBe("AEDT");
    expect(zoneAbbreviation(SYDNEY, new Date("2026-06-01T00:00:00Z"))).toBe("AEST");
  });
});

describe("dates", () => {
  it("writes a local date in full, whatever the server's zone", () => {
    expect(longDateLabel("2026-03-03")).toBe("Tuesday 3 March 2026");
    expect(dayParts("2026-03-03")).toEqual({
      weekday: "Tue",
      dayOfMonth: "3",
      month: "Mar",
      label: "Tuesday 3 March",
    });
  });

  it("writes an appointment's start as the clinic sees it, even across UTC midnight", () => {
    // 8 am Sydney on 5 April is still 4 April in UTC.
    expect(formatAppointmentStart(new Date("2026-04-04T22:00:00Z"), SYDNEY)).toBe(
      "Sunday 5 April 2026 at 8:00 am AEST",
    );
  });

  it("shortens a week's range where the dates share a month or a year", () => {
    expect(formatDateRange("2026-03-02", "2026-03-08")).toBe("2 – 8 March 2026");
    expect(formatDateRange("2026-03-30", "2026-04-05")).toBe("30 March – 5 April 2026");
    expect(formatDateRange("2026-12-28", "2027-01-03")).toBe("28 December 2026 – 3 January 2027");
  });
});
