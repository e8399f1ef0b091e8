import { createApiClient, isApiError } from "@clinic/api-client";
import superjson from "superjson";
import { describe, expect, it } from "vitest";
import { withUnavailablePage } from "./api-unavailable";

const down = (async () => {
  throw new TypeError("fetch failed", { cause: new Error("connect ECONNREFUSED") });
}) as typeof fetch;

describe("withUnavailablePage", () => {
  it("turns a query the API could not answer into a 503 page that asks to retry", async () => {
    const api = withUnavailablePage(createApiClient({ url: "http://api.test", fetch: down }));
    const thrown = await api.settings.get.query().catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).status).toBe(503);
    expect((thrown as Response).headers.get("retry-after")).toBe("5");
  });

  it("lets the API's own answers through, and leaves mutations to their forms", async () => {
    const notFound = (async () =>
      new Response(
        JSON.stringify([
          {
            error: superjson.serialize({
              message: "Post not found",
              code: -32004,
              data: { code: "NOT_FOUND", httpStatus: 404, path: "posts.bySlug" },
            }),
          },
        ]),
        { status: 404, headers: { "content-type": "application/json" } },
      )) as typeof fetch;
    const api = withUnavailablePage(createApiClient({ url: "http://api.test", fetch: notFound }));
    const missing = await api.posts.bySlug.query({ slug: "gone" }).catch((e: unknown) => e);
    expect(isApiError(missing, "NOT_FOUND")).toBe(true);

    const offline = withUnavailablePage(createApiClient({ url: "http://api.test", fetch: down }));
    const failed = await offline.enquiries.submit
      .mutate({ name: "A", email: "a@example.com", phone: null, message: "Hi" })
      .catch((e: unknown) => e);
    expect(isApiError(failed)).toBe(true);
  });
});
