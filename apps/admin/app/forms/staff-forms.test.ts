import { describe, expect, it } from "vitest";
import {
  passwordResetFormSchema,
  staffCreateFormSchema,
  staffUpdateFormSchema,
} from "./staff-forms";

const JASON = "6f1c2a8e-4d7b-4c3e-9a51-2b8f0d6e7a10";

describe("staff account forms", () => {
  it("requires a practitioner for practitioner accounts, on the practitioner field", () => {
    const result = staffUpdateFormSchema.safeParse({ name: "Jason", role: "practitioner" });
    expect(result.error?.issues).toEqual([
      expect.objectContaining({
        path: ["practitionerId"],
        message: "Choose the practitioner this account belongs to",
      }),
    ]);
    expect(
      staffUpdateFormSchema.safeParse({
        name: "Jason",
        role: "practitioner",
        practitionerId: JASON,
      }).success,
    ).toBe(true);
  });

  it("lets other roles go without a practitioner", () => {
    expect(staffUpdateFormSchema.parse({ name: "Megan", role: "front_desk" })).toEqual({
      name: "Megan",
      role: "front_desk",
    });
  });

  it("holds new accounts to the password policy and normalises the email", () => {
    const short = staffCreateFormSchema.safeParse({
      name: "Sam",
      email: "Sam@Clinic.example",
      role: "front_desk",
      password: "short",
    });
    expect(short.error?.issues[0]?.message).toBe("Use at least 10 characters");
    const ok = staffCreateFormSchema.parse({
      name: "Sam",
      email: " Sam@Clinic.example ",
      role: "front_desk",
      password: "long enough password",
    });
    expect(ok.email).toBe("sam@clinic.example");
  });

  it("asks for the new password twice when resetting one", () => {
    const result = passwordResetFormSchema.safeParse({
      password: "a-new-password",
      confirmPassword: "a-new-passw0rd",
    });
    expect(result.error?.issues[0]).toEqual(
      expect.objectContaining({
        path: ["confirmPassword"],
        message: "The two passwords don't match",
      }),
    );
  });
});
