import { TRPCClientError } from "@clinic/api-client";
import { describe, expect, it } from "vitest";
import { apiRefusal } from "./api-refusal";
import { callApi, submitToApi } from "./submit";

/** An error as the API client throws it for a refused call. */
function apiError(code: string, message: string, data: Record<string, unknown> = {}) {
  return TRPCClientError.from({
    error: { code: -32_600, message, data: { code, httpStatus: 0, ...data } },
  });
}

describe("apiRefusal", () => {
  it("puts field errors under the form's names and the rest on the form", () => {
    const error = apiError("BAD_REQUEST", "Some fields are invalid", {
      fieldErrors: {
        priceCents: ["Enter a price"],
        slug: ["That address is already used"],
        x: ["?"],
      },
    });
    expect(
      apiRefusal(error, { fields: ["price", "slug"], fieldNames: { priceCents: "price" } }),
    ).toEqual({
      code: "BAD_REQUEST",
      status: 400,
      fieldErrors: { price: ["Enter a price"], slug: ["That address is already used"] },
      formErrors: ["?"],
      details: null,
    });
  });

  it("keeps the API's message and structured details for a refusal without fields", () => {
    const orphans = [{ id: "b1" }];
    const refusal = apiRefusal(
      apiError("PRECONDITION_FAILED", "1 confirmed booking would fall outside these hours", {
        details: { orphans },
      }),
    );
    expect(refusal).toMatchObject({
      code: "PRECONDITION_FAILED",
      status: 412,
      formErrors: ["1 confirmed booking would fall outside these hours"],
      details: { orphans },
    });
  });

  it("is null for failures nobody can act on", () => {
    expect(apiRefusal(apiError("INTERNAL_SERVER_ERROR", "Something went wrong"))).toBeNull();
    expect(apiRefusal(new TypeError("fetch failed"))).toBeNull();
  });
});

describe("callApi and submitToApi", () => {
  const submission = {
    reply: (options?: { formErrors?: string[]; fieldErrors?: Record<string, string[]> }) => ({
      status: "error" as const,
      error: { "": options?.formErrors ?? [], ...options?.fieldErrors },
    }),
  };

  it("returns the value of a call that worked", async () => {
    await expect(callApi(async () => 42)).resolves.toEqual({ ok: true, value: 42 });
  });

  it("turns a refusal into a reply for the form, with its status", async () => {
    const result = await submitToApi(submission, async () => {
      throw apiError("TOO_MANY_REQUESTS", "Too many messages from your address");
    });
    expect(result).toMatchObject({
      ok: false,
      status: 429,
      reply: { error: { "": ["Too many messages from your address"] } },
    });
  });

  it("throws an API failure unless the form has words for it", async () => {
    const down = async () => {
      throw new TypeError("fetch failed");
    };
    await expect(callApi(down)).rejects.toThrow("fetch failed");
    await expect(
      submitToApi(submission, down, { unavailable: "Oops! Something went wrong." }),
    ).resolves.toMatchObject({
      ok: false,
      status: 503,
      reply: { error: { "": ["Oops! Something went wrong."] } },
    });
  });
});
