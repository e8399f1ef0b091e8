import { TRPCClientError } from "@clinic/api-client";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { formGuard, missingFieldMessages } from "./form-guard";
import { classifySubmitFailure } from "./submit-failure";

function apiError(code: string, message: string, fieldErrors: Record<string, string[]> | null) {
  return TRPCClientError.from({
    error: { code: -32000, message, data: { code, httpStatus: 400, fieldErrors } },
  } as never);
}

describe("classifySubmitFailure", () => {
  it("passes the API's field errors on for the form", () => {
    expect(
      classifySubmitFailure(
        apiError("BAD_REQUEST", "Some fields are invalid", { email: ["Enter a valid email"] }),
      ),
    ).toEqual({ kind: "fields", status: 400, fieldErrors: { email: ["Enter a valid email"] } });
  });

  it("passes on the human message of a refusal", () => {
    const spam = "We couldn't accept that submission. Please wait a moment and send it again.";
    expect(classifySubmitFailure(apiError("BAD_REQUEST", spam, null))).toEqual({
      kind: "refused",
      status: 400,
      detail: spam,
    });
    const tooMany = "Too many messages from your connection. Please try again in an hour.";
    expect(classifySubmitFailure(apiError("TOO_MANY_REQUESTS", tooMany, null))).toEqual({
      kind: "refused",
      status: 429,
      detail: tooMany,
    });
  });

  it("says nothing specific when the API failed or could not be reached", () => {
    expect(
      classifySubmitFailure(apiError("INTERNAL_SERVER_ERROR", "Something went wrong", null)),
    ).toEqual({ kind: "unavailable", status: 503 });
    expect(classifySubmitFailure(new TypeError("fetch failed"))).toEqual({
      kind: "unavailable",
      status: 503,
    });
  });
});

describe("missingFieldMessages", () => {
  it("names a missing field in plain words and leaves other messages alone", () => {
    const schema = z.object({ name: z.string().min(2, "Too short"), age: z.number() });
    const error = missingFieldMessages({ name: "Enter your name" });
    const missing = schema.safeParse({}, { error });
    expect(missing.error?.issues.map((issue) => issue.message)).toEqual([
      "Enter your name",
      expect.stringMatching(/expected number/i),
    ]);
    const short = schema.safeParse({ name: "A", age: 3 }, { error });
    expect(short.error?.issues.map((issue) => issue.message)).toEqual(["Too short"]);
  });
});

describe("formGuard", () => {
  it("maps the honeypot field to the API's name", () => {
    expect(formGuard({ website: "spam", renderedAt: 5 })).toEqual({
      honeypot: "spam",
      renderedAt: 5,
    });
  });
});
