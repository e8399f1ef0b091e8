import { describe, expect, it } from "vitest";
import { bookingsListHref, readBookingsListParams } from "./bookings-params";

const TODAY = "2026-12-01";
const JASON = "3f1c2a9e-8b7d-4c6e-9a5f-1b2c3d4e5f60";
const read = (query: string) => readBookingsListParams(new URLSearchParams(query), TODAY);

describe("the bookings list's address", () => {
  it("shows four weeks from today by default", () => {
    expect(read("")).toMatchObject({
      values: { from: TODAY, to: "2026-12-28", practitioner: "", q: "" },
      page: 1,
      filter: { from: TODAY, to: "2026-12-28" },
      errors: {},
    });
  });

  it("counts four weeks from a start date, or back from an end date given alone", () => {
    expect(read("from=2027-02-01").filter).toMatchObject({ from: "2027-02-01", to: "2027-02-28" });
    expect(read("to=2026-11-30").filter).toMatchObject({ from: "2026-11-03", to: "2026-11-30" });
  });

  it("reads every filter and the page", () => {
    const params = read(
      `from=2026-12-01&to=2026-12-07&practitioner=${JASON}&status=no_show&q=+mia+&page=3`,
    );
    expect(params.filter).toEqual({
      from: "2026-12-01",
      to: "2026-12-07",
      practitionerId: JASON,
      status: "no_show",
      query: "mia",
    });
    expect(params.page).toBe(3);
  });

  it("names the field that is wrong, keeping what was typed", () => {
    const backwards = read("from=2026-12-10&to=2026-12-01");
    expect(backwards.filter).toBeNull();
    expect(backwards.values).toMatchObject({ from: "2026-12-10", to: "2026-12-01" });
    expect(backwards.errors).toEqual({ to: "End date can't be before start date" });
    const params = read("status=lost&practitioner=jason");
    expect(params.values).toMatchObject({ status: "lost", practitioner: "jason" });
    expect(params.errors).toEqual({
      status: "Choose one of: confirmed, cancelled, completed, no_show",
      practitioner: "Choose a practitioner from the list",
    });
    expect(read("from=2026-02-30").errors).toHaveProperty("from");
  });

  it("links to a page with the filters kept and empty ones left out", () => {
    const { values } = read(`practitioner=${JASON}&q=lee`);
    expect(bookingsListHref(values, 2)).toBe(
      `/bookings?from=2026-12-01&to=2026-12-28&practitioner=${JASON}&q=lee&page=2`,
    );
    expect(bookingsListHref(values)).not.toContain("page=");
  });
});
