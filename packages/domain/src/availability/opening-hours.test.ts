import { describe, expect, it } from "vitest";
import { openingHours } from "./opening-hours.js";

describe("openingHours", () => {
  it("joins practitioners' ranges per day, keeping a break only when nobody works", () => {
    const hours = openingHours([
      { weekday: 1, start: "08:00", end: "12:30" },
      { weekday: 1, start: "13:30", end: "18:00" },
      { weekday: 1, start: "12:00", end: "13:30" }, // a colleague covers lunch
      { weekday: 3, start: "09:00", end: "12:00" },
      { weekday: 3, start: "14:00", end: "17:00" },
      { weekday: 6, start: "08:00", end: "12:00" },
    ]);
    expect(hours).toEqual([
      { weekday: 1, dayName: "Monday", opens: "08:00", closes: "18:00" },
      { weekday: 3, dayName: "Wednesday", opens: "09:00", closes: "12:00" },
      { weekday: 3, dayName: "Wednesday", opens: "14:00", closes: "17:00" },
      { weekday: 6, dayName: "Saturday", opens: "08:00", closes: "12:00" },
    ]);
  });

  it("is empty when nobody has hours", () => {
    expect(openingHours([])).toEqual([]);
  });
});
