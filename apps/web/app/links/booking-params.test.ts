import { describe, expect, it } from "vitest";
import {
  chosenPractitioner,
  FIRST_AVAILABLE,
  instantParam,
  localDateParam,
  parsePickerParams,
  pickerSearch,
  practitionerParam,
} from "./booking-params";

describe("parsePickerParams", () => {
  it("reads every step's choice from the URL", () => {
    const params = new URLSearchParams(
      "practitioner=jason-lee&week=2026-03-02&day=2026-03-04&start=2026-03-03T22:30:00.000Z&taken=1",
    );
    expect(parsePickerParams(params)).toEqual({
      practitioner: "jason-lee",
      week: "2026-03-02",
      day: "2026-03-04",
      start: new Date("2026-03-03T22:30:00.000Z"),
      taken: true,
    });
  });

  it("treats a missing or malformed value as not chosen", () => {
    const params = new URLSearchParams(
      "practitioner=Jason%20Lee&week=next&day=2026-02-30&start=tomorrow&taken=yes",
    );
    expect(parsePickerParams(params)).toEqual({
      practitioner: null,
      week: null,
      day: null,
      start: null,
      taken: false,
    });
    expect(parsePickerParams(new URLSearchParams())).toEqual({
      practitioner: null,
      week: null,
      day: null,
      start: null,
      taken: false,
    });
  });

  it("accepts 'any' for the first available practitioner", () => {
    expect(practitionerParam("any")).toBe("any");
    expect(practitionerParam(" jason-lee")).toBeNull();
  });

  it("accepts only UTC instants as start times", () => {
    expect(instantParam("2026-03-03T22:30:00Z")).toEqual(new Date("2026-03-03T22:30:00Z"));
    expect(instantParam("2026-03-03T22:30:00+11:00")).toBeNull();
    expect(instantParam("2026-13-03T22:30:00Z")).toBeNull();
    expect(localDateParam("2026-02-29")).toBeNull();
    expect(localDateParam("2028-02-29")).toBe("2028-02-29");
  });
});

describe("pickerSearch", () => {
  it("writes a query string that parses back to the same choices", () => {
    const search = pickerSearch({
      practitioner: "any",
      day: "2026-03-04",
      start: new Date("2026-03-03T22:30:00Z"),
      taken: true,
    });
    expect(search).toBe(
      "?practitioner=any&day=2026-03-04&start=2026-03-03T22%3A30%3A00.000Z&taken=1",
    );
    expect(parsePickerParams(new URLSearchParams(search))).toEqual({
      practitioner: "any",
      week: null,
      day: "2026-03-04",
      start: new Date("2026-03-03T22:30:00Z"),
      taken: true,
    });
  });

  it("is empty when nothing is chosen", () => {
    expect(pickerSearch({})).toBe("");
    expect(pickerSearch({ practitioner: null, week: null, taken: false })).toBe("");
  });
});

describe("chosenPractitioner", () => {
  const offeredBy = [{ slug: "jason-lee" }, { slug: "joey-lee" }];

  it("is one who offers the service, or whoever is free first", () => {
    expect(chosenPractitioner(offeredBy, "joey-lee")).toBe(offeredBy[1]);
    expect(chosenPractitioner(offeredBy, "any")).toBe(FIRST_AVAILABLE);
  });

  it("is nobody when the link chose nobody, or nobody who can", () => {
    expect(chosenPractitioner(offeredBy, null)).toBeUndefined();
    expect(chosenPractitioner(offeredBy, "someone-else")).toBeUndefined();
    expect(chosenPractitioner([], "any")).toBeUndefined();
  });
});
