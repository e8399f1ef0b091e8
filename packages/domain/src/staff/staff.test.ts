import { describe, expect, it } from "vitest";
import {
  hasRole,
  passwordSchema,
  signInInputSchema,
  staffRoleLabels,
  staffRoles,
} from "./staff.js";

describe("hasRole", () => {
  it("lets the owner do everything", () => {
    expect(hasRole("owner", [])).toBe(true);
    expect(hasRole("owner", ["front_desk"])).toBe(true);
    expect(hasRole("owner", ["practitioner"])).toBe(true);
  });

  it("lets other roles through only when allowed", () => {
    expect(hasRole("practitioner", ["practitioner", "front_desk"])).toBe(true);
    expect(hasRole("front_desk", ["front_desk"])).toBe(true);
    expect(hasRole("front_desk", ["practitioner"])).toBe(false);
    expect(hasRole("practitioner", ["owner"])).toBe(false);
    expect(hasRole("front_desk", [])).toBe(false);
  });
});

describe("staff schemas", () => {
  it("labels every role", () => {
    for (const role of staffRoles) expect(staffRoleLabels[role]).toMatch(/^[A-Z]/);
  });

  it("requires passwords of 10 to 200 characters", () => {
    expect(passwordSchema.safeParse("a".repeat(9)).error?.issues[0]?.message).toBe(
      "Use at least 10 characters",
    );
    expect(passwordSchema.safeParse("a".repeat(10)).success).toBe(true);
    expect(passwordSchema.safeParse("a".repeat(201)).success).toBe(false);
  });

  it("signs in with any non-empty password and a normalised email", () => {
    expect(signInInputSchema.parse({ email: " Owner@Clinic.test ", password: "x" })).toEqual({
      email: "owner@clinic.test",
      password: "x",
    });
    expect(
      signInInputSchema.safeParse({ email: "owner@clinic.test", password: "" }).error?.issues[0]
        ?.message,
    ).toBe("Enter your password");
  });
});
