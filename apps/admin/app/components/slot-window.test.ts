import { describe, expect, it } from "vitest";
import { slotWindow } from "./slot-window";

describe("slotWindow", () => {
  it("starts today by default and offers only the next stretch", () => {
    const window = slotWindow(null, "2026-03-10");
    expect(window).toMatchObject({
      from: "2026-03-10",
      to: "2026-03-23",
      previous: null,
      next: "2026-03-24",
    });
    expect(window.dates).toHaveLength(14);
  });

  it("never starts in the past, and pages back no further than today", () => {
    expect(slotWindow("2026-01-01", "2026-03-10").from).toBe("2026-03-10");
    expect(slotWindow("2026-03-15", "2026-03-10").previous).toBe("2026-03-10");
    expect(slotWindow("2026-04-07", "2026-03-10").previous).toBe("2026-03-24");
  });

  it("stops at the staff horizon a year ahead", () => {
    const window = slotWindow("2030-01-01", "2026-03-10");
    expect(window.to).toBe("2027-03-10");
    expect(window.next).toBeNull();
  });

  it("ignores a malformed date", () => {
    expect(slotWindow("next tuesday", "2026-03-10").from).toBe("2026-03-10");
  });
});
