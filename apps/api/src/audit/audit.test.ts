import { describe, expect, it } from "vitest";
import { changedFields, createdFields, deletedFields } from "./audit.js";

describe("changedFields", () => {
  it("keeps only fields whose values changed, with both values", () => {
    expect(
      changedFields(
        { name: "Jason", priceCents: 9500, tags: ["a"], at: new Date(0), untouched: 1 },
        { name: "Jason", priceCents: 9900, tags: ["a", "b"], at: new Date(0) },
      ),
    ).toEqual({ priceCents: { from: 9500, to: 9900 }, tags: { from: ["a"], to: ["a", "b"] } });
  });

  it("records a field that appears or disappears as null on the other side", () => {
    expect(changedFields({ photoUrl: null }, { photoUrl: "/uploads/x.jpg" })).toEqual({
      photoUrl: { from: null, to: "/uploads/x.jpg" },
    });
    expect(changedFields({}, { coverImageUrl: null })).toEqual({});
  });

  it("compares objects by content, not key order", () => {
    expect(
      changedFields(
        { address: { suburb: "Bondi", street: "1 Beach Rd" } },
        { address: { street: "1 Beach Rd", suburb: "Bondi" } },
      ),
    ).toEqual({});
  });
});

describe("createdFields and deletedFields", () => {
  it("write a new or deleted record in the one change shape", () => {
    expect(createdFields({ name: "Rehab", sortOrder: 2, summary: undefined })).toEqual({
      name: { from: null, to: "Rehab" },
      sortOrder: { from: null, to: 2 },
      summary: { from: null, to: null },
    });
    expect(deletedFields({ name: "Rehab" })).toEqual({ name: { from: "Rehab", to: null } });
  });
});
