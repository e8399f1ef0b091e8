import { describe, expect, it } from "vitest";
import { readReportParams, reportSearch } from "./report-params";

const read = (query: string) => readReportParams(new URLSearchParams(query), "2026-04-02");

describe("readReportParams", () => {
  it("defaults to this month", () => {
    expect(read("")).toMatchObject({
      values: { period: "month", from: "2026-04-02", to: "", practitioner: "" },
      input: { period: "month", from: "2026-04-02" },
      errors: {},
    });
  });

  it("ignores the last day unless the period is custom", () => {
    expect(read("period=week&from=2026-03-30&to=nonsense").input).toEqual({
      period: "week",
      from: "2026-03-30",
    });
  });

  it("puts each mistake by its field and keeps what was typed", () => {
    const custom = read("period=custom&from=2026-04-10&to=2026-04-01&practitioner=nobody");
    expect(custom.input).toBeNull();
    expect(custom.values).toMatchObject({ from: "2026-04-10", to: "2026-04-01" });
    expect(custom.errors).toEqual({
      to: "End on or after the first day",
      practitioner: "Choose a practitioner from the list",
    });
    expect(read("period=custom&from=2026-04-10").errors).toEqual({
      to: "Choose the last day of the period",
    });
    expect(read("period=year").errors).toEqual({ period: "Choose week, month or custom" });
    expect(read("from=31/03/2026").errors.from).toMatch(/Use a date such as/);
  });

  it("builds the query string back, without a last day the period ignores", () => {
    expect(
      reportSearch({ period: "week", from: "2026-03-30", to: "2026-04-01", practitioner: "" }),
    ).toBe("period=week&from=2026-03-30");
  });
});
