import { describe, expect, it } from "vitest";
import {
  confirmsErasure,
  erasedPatientEmail,
  inactiveBefore,
  patientEraseInputSchema,
} from "./data-rights.js";

describe("erasing a patient", () => {
  it("is confirmed by the patient's name, whatever the case and spacing", () => {
    expect(confirmsErasure("Erin O'Hara", "  erin   o'hara ")).toBe(true);
    expect(confirmsErasure("Erin O'Hara", "Erin")).toBe(false);
    expect(confirmsErasure("Erin O'Hara", "")).toBe(false);
    expect(confirmsErasure("", " ")).toBe(false);
  });

  it("leaves an address that can't be delivered and says nothing of the person", () => {
    const id = "5b0f2c1e-8f7a-4f4e-9d1c-2a3b4c5d6e7f";
    expect(erasedPatientEmail(id)).toBe(`erased-${id}@erased.invalid`);
  });

  it("needs an id and a typed confirmation", () => {
    expect(patientEraseInputSchema.safeParse({ id: "x", confirmName: "a" }).success).toBe(false);
    const missing = patientEraseInputSchema.safeParse({
      id: "5b0f2c1e-8f7a-4f4e-9d1c-2a3b4c5d6e7f",
      confirmName: "  ",
    });
    expect(missing.error?.issues[0]?.message).toBe("Type the patient's name to confirm");
  });
});

describe("retention cut-off", () => {
  it("is off without a number of years", () => {
    expect(inactiveBefore(new Date("2026-11-30T00:00:00Z"), null)).toBeNull();
  });

  it("is the same instant the given years before", () => {
    expect(inactiveBefore(new Date("2026-11-30T05:06:07Z"), 7)?.toISOString()).toBe(
      "2019-11-30T05:06:07.000Z",
    );
  });

  it("keeps 29 February in February", () => {
    expect(inactiveBefore(new Date("2028-02-29T12:00:00Z"), 1)?.toISOString()).toBe(
      "2027-02-28T12:00:00.000Z",
    );
  });
});
