import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import { apiKeyFormErrors, apiKeyFormSchema, apiKeyLifetimeOptions } from "./api-key-form";

const JASON = "6f1c2a8e-4d7b-4c3e-9a51-2b8f0d6e7a10";

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return parseWithZod(data, { schema: apiKeyFormSchema, error: apiKeyFormErrors });
}

describe("the new API key form", () => {
  it("sends what the API takes: a number of days, no practitioner for other roles", () => {
    const submission = form({
      name: " Booking sync ",
      role: "front_desk",
      practitionerId: "",
      expiresInDays: "90",
    });
    expect(submission.status).toBe("success");
    expect(submission.status === "success" && submission.value).toEqual({
      name: "Booking sync",
      role: "front_desk",
      expiresInDays: 90,
    });
  });

  it("says what is missing by its field", () => {
    const submission = form({
      name: "",
      role: "practitioner",
      practitionerId: "",
      expiresInDays: "",
    });
    const errors = submission.reply().error ?? {};
    expect(errors.name).toEqual(["Name the key after what uses it"]);
    expect(errors.expiresInDays).toEqual(["Choose when the key expires"]);
    const practitioner = form({ name: "Diary", role: "practitioner", expiresInDays: "30" });
    expect(practitioner.reply().error?.practitionerId).toEqual([
      "Choose the practitioner a practitioner key acts for",
    ]);
    expect(
      form({ name: "Diary", role: "practitioner", practitionerId: JASON, expiresInDays: "30" })
        .status,
    ).toBe("success");
  });

  it("offers lifetimes the API accepts", () => {
    for (const option of apiKeyLifetimeOptions) {
      expect(form({ name: "k", role: "owner", expiresInDays: option.value }).status).toBe(
        "success",
      );
    }
  });
});
