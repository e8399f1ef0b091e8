import { describe, expect, it } from "vitest";
import {
  isUpcomingBooking,
  PATIENT_SESSION_IDLE_MS,
  PATIENT_SESSION_MAX_MS,
  patientSessionTokenSchema,
  SIGN_IN_LINK_TTL_MS,
  signInLinkRequestSchema,
  signInLinkTokenSchema,
} from "./patient-access.js";

const now = new Date("2026-10-04T01:00:00Z");

describe("patient self-service rules", () => {
  it("lists a confirmed booking as upcoming until it ends; anything else is history", () => {
    const endsSoon = new Date(now.getTime() + 60_000);
    const ended = new Date(now.getTime() - 60_000);
    expect(isUpcomingBooking({ status: "confirmed", endsAt: endsSoon }, now)).toBe(true);
    expect(isUpcomingBooking({ status: "confirmed", endsAt: ended }, now)).toBe(false);
    expect(isUpcomingBooking({ status: "cancelled", endsAt: endsSoon }, now)).toBe(false);
    expect(isUpcomingBooking({ status: "no_show", endsAt: endsSoon }, now)).toBe(false);
  });

  it("keeps links short-lived and sessions bounded", () => {
    expect(SIGN_IN_LINK_TTL_MS).toBe(30 * 60_000);
    expect(PATIENT_SESSION_IDLE_MS).toBe(7 * 86_400_000);
    expect(PATIENT_SESSION_MAX_MS).toBeGreaterThan(PATIENT_SESSION_IDLE_MS);
  });

  it("accepts our random tokens only, and an email address lowercased", () => {
    const token = "Zq3xY8wK2mN5pR7tV9bC1dF4gH6jL0sA_-eU3iO8yT2";
    expect(signInLinkTokenSchema.safeParse(token).success).toBe(true);
    expect(patientSessionTokenSchema.safeParse(token).success).toBe(true);
    for (const bad of ["", "short", `${token}!`, "x".repeat(65)]) {
      expect(signInLinkTokenSchema.safeParse(bad).success, bad).toBe(false);
    }
    expect(signInLinkRequestSchema.parse({ email: "Pat@Example.COM" }).email).toBe(
      "pat@example.com",
    );
  });
});
