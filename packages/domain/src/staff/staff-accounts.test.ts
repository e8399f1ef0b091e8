import { describe, expect, it } from "vitest";
import {
  changePasswordSchema,
  leavesNoActiveOwner,
  staffAccountCreateSchema,
  staffAccountUpdateSchema,
} from "./staff-accounts.js";

const practitionerId = "7d4a8b8e-4f5c-4c39-9d7e-3b1a0c2f9e11";
const userId = "0b9a5d7e-1c2f-4a3b-8d4e-5f6a7b8c9d0e";

describe("staff account schemas", () => {
  it("requires a practitioner link for practitioner accounts only", () => {
    const base = { email: " Joey@Clinic.test ", name: "Joey", password: "long-enough-pw" };
    const unlinked = staffAccountCreateSchema.safeParse({ ...base, role: "practitioner" });
    expect(unlinked.error?.issues[0]).toMatchObject({
      path: ["practitionerId"],
      message: "Choose the practitioner this account belongs to",
    });
    expect(
      staffAccountCreateSchema.parse({ ...base, role: "practitioner", practitionerId }),
    ).toMatchObject({ email: "joey@clinic.test", practitionerId });
    expect(
      staffAccountCreateSchema.parse({ ...base, role: "front_desk" }).practitionerId,
    ).toBeNull();
    expect(
      staffAccountUpdateSchema.safeParse({
        id: userId,
        name: "J",
        role: "practitioner",
        practitionerId: null,
      }).success,
    ).toBe(false);
  });

  it("enforces the password policy and a new password on change", () => {
    expect(
      staffAccountCreateSchema.safeParse({
        email: "a@b.co",
        name: "A",
        role: "owner",
        password: "short",
      }).error?.issues[0]?.message,
    ).toBe("Use at least 10 characters");
    expect(
      changePasswordSchema.safeParse({
        currentPassword: "same-password",
        newPassword: "same-password",
      }).error?.issues[0]?.path,
    ).toEqual(["newPassword"]);
  });
});

describe("leavesNoActiveOwner", () => {
  it("stops the last active owner being demoted or deactivated", () => {
    expect(
      leavesNoActiveOwner([userId], { userId, nextRole: "front_desk", nextActive: true }),
    ).toBe(true);
    expect(leavesNoActiveOwner([userId], { userId, nextRole: "owner", nextActive: false })).toBe(
      true,
    );
    expect(leavesNoActiveOwner([userId], { userId, nextRole: "owner", nextActive: true })).toBe(
      false,
    );
  });

  it("allows it while another owner remains, and never blocks changes to non-owners", () => {
    expect(
      leavesNoActiveOwner([userId, "other"], { userId, nextRole: "front_desk", nextActive: false }),
    ).toBe(false);
    expect(
      leavesNoActiveOwner(["other"], { userId, nextRole: "front_desk", nextActive: false }),
    ).toBe(false);
  });
});
