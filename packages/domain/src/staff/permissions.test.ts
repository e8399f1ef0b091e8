import { describe, expect, it } from "vitest";
import { accessFor, can, canOn, permissionMatrix, permissions } from "./permissions.js";
import { staffRoles } from "./staff.js";

describe("permission matrix", () => {
  it("gives the owner everything", () => {
    for (const permission of permissions) expect(accessFor("owner", permission)).toBe("all");
  });

  it("lets the front desk run bookings, patients, enquiries and moderation, and only read schedules", () => {
    for (const p of [
      "bookings.write",
      "patients.write",
      "enquiries.write",
      "reviews.moderate",
    ] as const) {
      expect(accessFor("front_desk", p)).toBe("all");
    }
    expect(can("front_desk", "schedules.read")).toBe(true);
    expect(can("front_desk", "schedules.write")).toBe(false);
    expect(can("front_desk", "staff.manage")).toBe(false);
    expect(can("front_desk", "settings.write")).toBe(false);
  });

  it("limits practitioners to their own bookings, hours and posts", () => {
    const jason = { role: "practitioner" as const, practitionerId: "jason" };
    for (const p of ["bookings.write", "schedules.write", "posts.write"] as const) {
      expect(canOn(jason, p, "jason")).toBe(true);
      expect(canOn(jason, p, "joey")).toBe(false);
    }
    expect(canOn({ role: "practitioner", practitionerId: null }, "schedules.write", null)).toBe(
      false,
    );
    expect(can("practitioner", "reviews.moderate")).toBe(false);
    expect(can("practitioner", "catalog.read")).toBe(true);
  });

  it("lets the front desk export a patient's data, and only the owner erase it", () => {
    expect(can("front_desk", "patients.export")).toBe(true);
    expect(can("practitioner", "patients.export")).toBe(false);
    expect(can("owner", "patients.erase")).toBe(true);
    expect(can("front_desk", "patients.erase")).toBe(false);
    expect(can("practitioner", "patients.erase")).toBe(false);
  });

  it("lets the owner and the front desk export lists as CSV, and not practitioners", () => {
    expect(can("owner", "lists.export")).toBe(true);
    expect(can("front_desk", "lists.export")).toBe(true);
    expect(can("practitioner", "lists.export")).toBe(false);
  });

  it("shows practice reports to the owner and the front desk, not to practitioners", () => {
    expect(can("owner", "reports.read")).toBe(true);
    expect(can("front_desk", "reports.read")).toBe(true);
    expect(can("practitioner", "reports.read")).toBe(false);
  });

  it("shows intake answers to the owner and to practitioners for their own patients only", () => {
    expect(accessFor("owner", "intake.read")).toBe("all");
    expect(accessFor("practitioner", "intake.read")).toBe("own");
    expect(can("front_desk", "intake.read")).toBe(false);
    expect(can("owner", "intake.manage")).toBe(true);
    expect(can("front_desk", "intake.manage")).toBe(false);
    expect(can("practitioner", "intake.manage")).toBe(false);
  });

  it("has a rule for every role on every permission", () => {
    for (const rules of Object.values(permissionMatrix)) {
      expect(Object.keys(rules).sort()).toEqual([...staffRoles].sort());
    }
  });
});
