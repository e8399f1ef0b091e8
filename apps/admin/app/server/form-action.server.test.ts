import { TRPCClientError } from "@clinic/api-client";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { runAction, submitForm } from "./form-action.server";

function apiError(
  code: string,
  message: string,
  fieldErrors: Record<string, string[]> | null = null,
) {
  return TRPCClientError.from({
    error: { code: -32600, message, data: { code, httpStatus: 400, fieldErrors } },
  });
}

const schema = z.object({ name: z.string(), price: z.string() });
function form(fields: Record<string, string> = { name: "Rehab", price: "95" }) {
  const formData = new FormData();
  for (const [key, value] of Object.entries(fields)) formData.set(key, value);
  return formData;
}

/** What an action threw (a redirect) or returned (the reply and its status). */
async function outcome(run: () => Promise<{ data: unknown; init: ResponseInit | null }>) {
  try {
    const answer = await run();
    return { status: answer.init?.status, data: answer.data };
  } catch (thrown) {
    if (thrown instanceof Response)
      return { status: thrown.status, to: thrown.headers.get("Location") };
    throw thrown;
  }
}

describe("submitForm", () => {
  it("redirects once the API took the form", async () => {
    const result = await outcome(() =>
      submitForm(form(), {
        schema,
        send: async () => ({ id: "s1" }),
        redirectTo: (s) => `/services/${s.id}`,
      }),
    );
    expect(result).toEqual({ status: 302, to: "/services/s1" });
  });

  it("maps field errors onto the form's own field names, keeping what was typed", async () => {
    const result = await outcome(() =>
      submitForm(
        form(),
        {
          schema,
          fieldNames: { priceCents: "price" },
          send: async () => {
            throw apiError("BAD_REQUEST", "Some fields are invalid", {
              priceCents: ["Price must be at most 10,000.00"],
              name: ["That name is taken"],
            });
          },
          redirectTo: () => "/",
        },
        { form: "details" },
      ),
    );
    expect(result.status).toBe(400);
    expect(result.data).toMatchObject({
      form: "details",
      reply: {
        initialValue: { name: "Rehab", price: "95" },
        error: { price: ["Price must be at most 10,000.00"], name: ["That name is taken"] },
      },
    });
  });

  it("shows errors on fields the form doesn't have as errors of the whole form", async () => {
    const result = await outcome(() =>
      submitForm(form(), {
        schema,
        fields: ["name", "price"],
        send: async () => {
          throw apiError("BAD_REQUEST", "Some fields are invalid", { id: ["Must be a valid id"] });
        },
        redirectTo: () => "/",
      }),
    );
    expect(result.data).toMatchObject({ reply: { error: { "": ["Must be a valid id"] } } });
  });

  it("answers a form that doesn't parse with 400 and never echoes hidden fields", async () => {
    const result = await outcome(() =>
      submitForm(form({ password: "hunter2-secret" }), {
        schema: z.object({ name: z.string(), password: z.string() }),
        hideFields: ["password"],
        send: async () => "never",
        redirectTo: () => "/",
      }),
    );
    expect(result.status).toBe(400);
    expect(JSON.stringify(result.data)).not.toContain("hunter2-secret");
  });
});

describe("runAction", () => {
  it("turns a conflict into a message for the whole form, with its status", async () => {
    const result = await outcome(() =>
      runAction(
        async () => {
          throw apiError("CONFLICT", "Jason Lee has bookings, so they can't be deleted.");
        },
        () => "/",
        { form: "status" },
      ),
    );
    expect(result).toEqual({
      status: 409,
      data: { form: "status", error: "Jason Lee has bookings, so they can't be deleted." },
    });
  });

  it("throws anything that isn't a refusal (the API being down, a bug)", async () => {
    await expect(
      runAction(
        async () => {
          throw apiError("INTERNAL_SERVER_ERROR", "Something went wrong");
        },
        () => "/",
        {},
      ),
    ).rejects.toBeInstanceOf(TRPCClientError);
    await expect(
      runAction(
        async () => {
          throw new TypeError("fetch failed");
        },
        () => "/",
        {},
      ),
    ).rejects.toBeInstanceOf(TypeError);
  });
});
