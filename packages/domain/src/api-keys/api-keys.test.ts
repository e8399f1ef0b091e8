import { describe, expect, it } from "vitest";
import { API_KEY_PATTERN, apiKeyCreateInputSchema, apiKeyState } from "./index.js";

describe("API keys", () => {
  const now = new Date("2027-03-01T00:00:00Z");

  it("are active until they expire or are revoked", () => {
    expect(apiKeyState({ expiresAt: new Date("2027-03-01T00:00:01Z"), revokedAt: null }, now)).toBe(
      "active",
    );
    expect(apiKeyState({ expiresAt: now, revokedAt: null }, now)).toBe("expired");
    expect(apiKeyState({ expiresAt: new Date("2028-01-01T00:00:00Z"), revokedAt: now }, now)).toBe(
      "revoked",
    );
  });

  it("have one shape, told apart from session tokens", () => {
    expect(API_KEY_PATTERN.test(`ck_AbCd1234_${"a".repeat(43)}`)).toBe(true);
    expect(API_KEY_PATTERN.test("a".repeat(43))).toBe(false);
    expect(API_KEY_PATTERN.test(`ck_AbCd1234_${"a".repeat(42)}`)).toBe(false);
  });

  it("name the field of a bad request: a practitioner key's practitioner, the lifetime", () => {
    const practitioner = apiKeyCreateInputSchema.safeParse({
      name: "Diary",
      role: "practitioner",
      expiresInDays: 30,
    });
    expect(practitioner.error?.issues.map((i) => i.path.join("."))).toEqual(["practitionerId"]);
    const tooLong = apiKeyCreateInputSchema.safeParse({
      name: "Sync",
      role: "owner",
      expiresInDays: 366,
    });
    expect(tooLong.error?.issues.map((i) => i.path.join("."))).toEqual(["expiresInDays"]);
    const blank = apiKeyCreateInputSchema.safeParse({
      name: "  ",
      role: "owner",
      expiresInDays: 30,
    });
    expect(blank.error?.issues.map((i) => i.path.join("."))).toEqual(["name"]);
  });
});
