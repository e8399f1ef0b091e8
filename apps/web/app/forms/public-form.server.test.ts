import { TRPCClientError } from "@clinic/api-client";
import { missingFieldMessages } from "@clinic/form-kit";
import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { logger } from "../server/logger.server";
import { contactForm } from "./contact-form";
import { submitPublicForm } from "./public-form.server";

function apiError(code: string, message: string, fieldErrors: Record<string, string[]> | null) {
  return TRPCClientError.from({
    error: { code: -32000, message, data: { code, httpStatus: 400, fieldErrors } },
  } as never);
}

const filledIn = {
  name: "Sam Park",
  email: "sam@example.com",
  message: "Do you treat tennis elbow?",
  website: "",
  formToken: "enquiry.1767225600000.signature",
};

/** The contact form's action, with the API answering `send`. */
async function submit(send: () => Promise<unknown>, fields: Record<string, string> = filledIn) {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.append(name, value);
  const request = new Request("http://site.test/contact", { method: "POST", body });
  const answer = await submitPublicForm({ request, context: {} }, { ...contactForm, send });
  return { status: answer.init?.status, ...answer.data };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("a public form's action", () => {
  it("thanks the visitor and clears the form once the API took it", async () => {
    const send = vi.fn(async () => ({ ok: true }));
    const answer = await submit(send);
    expect(answer).toMatchObject({ status: 200, outcome: "sent", detail: null });
    expect(answer.result.initialValue).toBeNull();
    expect(send).toHaveBeenCalledOnce();
  });

  it("keeps an invalid form here, with plain words for what is missing", async () => {
    const send = vi.fn(async () => ({ ok: true }));
    const answer = await submit(send, { ...filledIn, name: "" });
    expect(answer).toMatchObject({ status: 400, outcome: null });
    expect(answer.result.error?.name).toEqual(["Enter your name"]);
    expect(send).not.toHaveBeenCalled();
  });

  it("passes the API's field errors on for the form", async () => {
    const answer = await submit(async () => {
      throw apiError("BAD_REQUEST", "Some fields are invalid", {
        email: ["Enter a valid email"],
      });
    });
    expect(answer).toMatchObject({ status: 400, outcome: null, detail: null });
    expect(answer.result.error?.email).toEqual(["Enter a valid email"]);
    expect(answer.result.initialValue).toMatchObject({ message: filledIn.message });
  });

  it("passes on the human message of a refusal", async () => {
    const spam = "We couldn't accept that submission. Please wait a moment and send it again.";
    expect(
      await submit(async () => {
        throw apiError("BAD_REQUEST", spam, null);
      }),
    ).toMatchObject({ status: 400, outcome: "failed", detail: spam });
    const tooMany = "Too many messages from your connection. Please try again in an hour.";
    expect(
      await submit(async () => {
        throw apiError("TOO_MANY_REQUESTS", tooMany, null);
      }),
    ).toMatchObject({ status: 429, outcome: "failed", detail: tooMany });
  });

  it("says nothing specific when the API failed or could not be reached, and logs it", async () => {
    const log = vi.spyOn(logger, "error").mockImplementation(() => {});
    for (const failure of [
      apiError("INTERNAL_SERVER_ERROR", "Something went wrong", null),
      new TypeError("fetch failed"),
    ]) {
      const answer = await submit(async () => {
        throw failure;
      });
      expect(answer).toMatchObject({ status: 503, outcome: "failed", detail: null });
      expect(answer.result.error?.[""]).toEqual([contactForm.unavailable]);
      expect(answer.result.initialValue).toMatchObject({ name: filledIn.name });
      expect(log).toHaveBeenLastCalledWith("enquiry submission failed", { error: failure });
    }
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
