import { describe, expect, it } from "vitest";
import { countAxis } from "./chart-scale";

describe("countAxis", () => {
  it("rounds the top up to a whole step and lists the gridlines", () => {
    expect(countAxis(17)).toEqual({ max: 20, ticks: [0, 5, 10, 15, 20] });
    expect(countAxis(40)).toEqual({ max: 40, ticks: [0, 10, 20, 30, 40] });
  });

  it("never uses fractional steps for small counts", () => {
    expect(countAxis(3)).toEqual({ max: 3, ticks: [0, 1, 2, 3] });
  });

  it("gives an empty chart a scale of one", () => {
    expect(countAxis(0)).toEqual({ max: 1, ticks: [0, 1] });
  });
});
