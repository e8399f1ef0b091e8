import { TRPCClientError } from "@clinic/api-client";
import { describe, expect, it } from "vitest";
import { callApi } from "./api-outcome.server";

function apiError(
  code: string,
  message: string,
  fieldErrors: Record<string, string[]> | null = null,
) {
  return new TRPCClientError(message, {
    result: { error: { code: -32600, message, data: { code, httpStatus: 400, fieldErrors } } },
  } as never);
}

describe("callApi", () => {
  it("returns the API's answer", async () => {
    expect(await callApi(async () => 42)).toEqual({ ok: true, value: 42 });
  });

  it("maps field errors onto the form's own field names", async () => {
    const result = await callApi(
      async () => {
        throw apiError("BAD_REQUEST", "Some fields are invalid", {
          priceCents: ["Price must be at most 10,000.00"],
          slug: ["That slug is taken"],
        });
      },
      { fieldNames: { priceCents: "price" } },
    );
    expect(result).toEqual({
      ok: false,
      fieldErrors: { price: ["Price must be at most 10,000.00"], slug: ["That slug is taken"] },
      formErrors: [],
    });
  });

  it("shows errors on fields the form doesn't have as form errors", async () => {
    const result = await callApi(
      async () => {
        throw apiError("BAD_REQUEST", "Some fields are invalid", { id: ["Must be a valid id"] });
      },
      { fields: ["name"] },
    );
    expect(result).toEqual({ ok: false, fieldErrors: {}, formErrors: ["Must be a valid id"] });
  });

  it("turns a conflict into a message for the whole form", async () => {
    const result = await callApi(async () => {
      throw apiError("CONFLICT", "Jason Lee has bookings, so they can't be deleted.");
    });
    expect(result).toEqual({
      ok: false,
      fieldErrors: {},
      formErrors: ["Jason Lee has bookings, so they can't be deleted."],
    });
  });

  it("throws anything that isn't a refusal (the API being down, a bug)", async () => {
    await expect(
      callApi(async () => {
        throw apiError("INTERNAL_SERVER_ERROR", "Something went wrong");
      }),
    ).rejects.toBeInstanceOf(TRPCClientError);
    await expect(
      callApi(async () => {
        throw new TypeError("fetch failed");
      }),
    ).rejects.toBeInstanceOf(TypeError);
  });
});
