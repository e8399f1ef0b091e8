import { describe, expect, it } from "vitest";
import { countLabel } from "./count-label";

describe("countLabel", () => {
  it("says one, several and thousands of something", () => {
    expect(countLabel(1, "entry", "entries")).toBe("1 entry");
    expect(countLabel(0, "entry", "entries")).toBe("0 entries");
    expect(countLabel(1204, "booking", "bookings")).toBe("1,204 bookings");
  });
});
