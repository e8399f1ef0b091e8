import { describe, expect, it } from "vitest";
import { boundaryInstantOf, instantOf, localDay, wallTimeOf } from "./local-time.js";

/** The instant of a wall time as ISO, or null when it doesn't exist. */
function instant(zone: string, date: string, time: string): string | null {
  const [h, m] = time.split(":").map(Number);
  const found = instantOf(zone, localDay(zone, date), h! * 60 + m!);
  return found === null ? null : new Date(found).toISOString();
}

function boundary(zone: string, date: string, time: string): string {
  const [h, m] = time.split(":").map(Number);
  return new Date(boundaryInstantOf(zone, localDay(zone, date), h! * 60 + m!)).toISOString();
}

/** `yyyy-MM-dd HH:mm` of an ISO instant in the zone. */
function wall(zone: string, iso: string): string {
  const { date, minute } = wallTimeOf(zone, Date.parse(iso));
  const hh = String(Math.floor(minute / 60)).padStart(2, "0");
  return `${date} ${hh}:${String(minute % 60).padStart(2, "0")}`;
}

describe("wall clock → instant where clocks change at midnight", () => {
  it("Santiago, spring forward 2027-09-05: 00:00 jumps to 01:00, so 00:00–00:59 don't exist", () => {
    const zone = "America/Santiago";
    expect(instant(zone, "2027-09-05", "00:00")).toBeNull();
    expect(instant(zone, "2027-09-05", "00:30")).toBeNull();
    expect(instant(zone, "2027-09-05", "00:59")).toBeNull();
    expect(instant(zone, "2027-09-05", "01:00")).toBe("2027-09-05T04:00:00.000Z");
    expect(instant(zone, "2027-09-04", "23:59")).toBe("2027-09-05T03:59:00.000Z");
    // A range starting in the gap starts at the change: 01:00 -03.
    expect(boundary(zone, "2027-09-05", "00:00")).toBe("2027-09-05T04:00:00.000Z");
    expect(boundary(zone, "2027-09-05", "00:30")).toBe("2027-09-05T04:00:00.000Z");
    expect(boundary(zone, "2027-09-04", "24:00")).toBe("2027-09-05T04:00:00.000Z");
  });

  it("Santiago, fall back 2027-04-04: 24:00 goes back to 23:00, the repeated hour resolves to its first reading", () => {
    const zone = "America/Santiago";
    // 23:30 happens at 02:30Z (-03) and again at 03:30Z (-04).
    expect(instant(zone, "2027-04-03", "23:30")).toBe("2027-04-04T02:30:00.000Z");
    expect(instantOf(zone, localDay(zone, "2027-04-03"), 23 * 60 + 30, "latest")).toBe(
      Date.parse("2027-04-04T03:30:00.000Z"),
    );
    expect(instant(zone, "2027-04-03", "22:59")).toBe("2027-04-04T01:59:00.000Z");
    expect(instant(zone, "2027-04-04", "00:00")).toBe("2027-04-04T04:00:00.000Z");
    expect(wall(zone, "2027-04-04T03:30:00.000Z")).toBe("2027-04-03 23:30");
  });

  it("Havana, spring forward 2027-03-14 (00:00 → 01:00) and fall back 2027-11-07 (01:00 → 00:00)", () => {
    const zone = "America/Havana";
    expect(instant(zone, "2027-03-14", "00:00")).toBeNull();
    expect(instant(zone, "2027-03-14", "00:30")).toBeNull();
    expect(instant(zone, "2027-03-14", "01:00")).toBe("2027-03-14T05:00:00.000Z");
    expect(boundary(zone, "2027-03-14", "00:00")).toBe("2027-03-14T05:00:00.000Z");
    expect(instant(zone, "2027-03-13", "23:30")).toBe("2027-03-14T04:30:00.000Z");
    // 00:30 on 7 November happens twice: 04:30Z (-04) first, then 05:30Z (-05).
    expect(instant(zone, "2027-11-07", "00:30")).toBe("2027-11-07T04:30:00.000Z");
    expect(instant(zone, "2027-11-07", "01:00")).toBe("2027-11-07T06:00:00.000Z");
  });

  it("Azores (-01 → +00 at 00:00) and Beirut (+02 → +03 at 00:00) skip their first hour", () => {
    expect(instant("Atlantic/Azores", "2027-03-28", "00:30")).toBeNull();
    expect(instant("Atlantic/Azores", "2027-03-28", "01:00")).toBe("2027-03-28T01:00:00.000Z");
    expect(instant("Asia/Beirut", "2027-03-28", "00:30")).toBeNull();
    expect(instant("Asia/Beirut", "2027-03-28", "01:00")).toBe("2027-03-27T22:00:00.000Z");
  });

  it("Lord Howe moves 30 minutes and Troll two hours", () => {
    expect(instant("Australia/Lord_Howe", "2027-10-03", "02:10")).toBeNull();
    expect(boundary("Australia/Lord_Howe", "2027-10-03", "02:10")).toBe("2027-10-02T15:30:00.000Z");
    expect(wall("Australia/Lord_Howe", "2027-10-02T15:30:00.000Z")).toBe("2027-10-03 02:30");
    expect(instant("Antarctica/Troll", "2027-03-28", "01:30")).toBeNull();
    expect(instant("Antarctica/Troll", "2027-03-28", "03:00")).toBe("2027-03-28T01:00:00.000Z");
  });

  it("Sydney still changes at 02:00 (regression)", () => {
    const zone = "Australia/Sydney";
    expect(instant(zone, "2026-10-04", "02:30")).toBeNull();
    expect(boundary(zone, "2026-10-04", "02:30")).toBe("2026-10-03T16:00:00.000Z");
    expect(instant(zone, "2026-10-04", "00:00")).toBe("2026-10-03T14:00:00.000Z");
    expect(instant(zone, "2027-04-04", "02:30")).toBe("2027-04-03T15:30:00.000Z");
    expect(instant(zone, "2027-04-04", "03:00")).toBe("2027-04-03T17:00:00.000Z");
  });
});
