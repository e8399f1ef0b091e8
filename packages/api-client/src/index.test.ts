import { TRPCError } from "@trpc/server";
import superjson from "superjson";
import { describe, expect, it } from "vitest";
import { apiFieldErrors, createApiClient, isApiError } from "./index.js";

/** A fake API answering one tRPC call, recording what the client sent. */
function fakeApi(body: unknown, status = 200) {
  const requests: Request[] = [];
  const fetch = async (input: string | URL | Request, init?: RequestInit) => {
    requests.push(new Request(input, init));
    return new Response(JSON.stringify(body), {
      status,
      headers: { "content-type": "application/json" },
    });
  };
  return { fetch: fetch as typeof globalThis.fetch, requests };
}

describe("createApiClient", () => {
  it("calls /trpc on the API with the session token and revives dates", async () => {
    const publishedAt = new Date("2026-11-20T03:00:00.000Z");
    const api = fakeApi([
      { result: { data: superjson.serialize({ items: [{ slug: "a", publishedAt }], total: 1 }) } },
    ]);
    const client = createApiClient({
      url: "http://api.test/",
      sessionToken: "token-123",
      headers: { "x-forwarded-for": "203.0.113.5" },
      fetch: api.fetch,
    });
    const result = await client.posts.list.query({ page: 1, pageSize: 10 });
    expect(result.items[0]!.publishedAt).toBeInstanceOf(Date);
    expect(result.items[0]!.publishedAt.getTime()).toBe(publishedAt.getTime());
    const [request] = api.requests;
    expect(new URL(request!.url).pathname).toBe("/trpc/posts.list");
    expect(request!.headers.get("authorization")).toBe("Bearer token-123");
    expect(request!.headers.get("x-forwarded-for")).toBe("203.0.113.5");
  });

  it("sends no authorization header without a session", async () => {
    const api = fakeApi([{ result: { data: superjson.serialize({ ok: true }) } }]);
    await createApiClient({ url: "http://api.test", fetch: api.fetch })
      .auth.me.query()
      .catch(() => {});
    expect(api.requests[0]!.headers.get("authorization")).toBeNull();
  });

  it("reads headers given as a function at each request (a site's request id)", async () => {
    const api = fakeApi([{ result: { data: superjson.serialize({ ok: true }) } }]);
    let current: string | undefined = "first";
    const client = createApiClient({
      url: "http://api.test",
      fetch: api.fetch,
      headers: (): Record<string, string> => (current ? { "x-request-id": current } : {}),
    });
    await client.settings.get.query().catch(() => {});
    current = undefined;
    await client.settings.get.query().catch(() => {});
    expect(api.requests.map((r) => r.headers.get("x-request-id"))).toEqual(["first", null]);
  });

  it("exposes the API's error code and field errors", async () => {
    const shape = (
      code: string,
      httpStatus: number,
      fieldErrors: Record<string, string[]> | null,
    ) => [
      {
        error: superjson.serialize({
          message: "Some fields are invalid",
          code:
            new TRPCError({ code: code as "BAD_REQUEST" }).code === "BAD_REQUEST" ? -32600 : -32004,
          data: { code, httpStatus, path: "enquiries.submit", fieldErrors },
        }),
      },
    ];
    const invalid = fakeApi(
      shape("BAD_REQUEST", 400, { email: ["Enter a valid email address"] }),
      400,
    );
    const error = await createApiClient({ url: "http://api.test", fetch: invalid.fetch })
      .enquiries.submit.mutate({ name: "A", email: "nope", phone: null, message: "Hi" })
      .catch((e: unknown) => e);
    expect(isApiError(error)).toBe(true);
    expect(isApiError(error, "BAD_REQUEST")).toBe(true);
    expect(isApiError(error, "NOT_FOUND")).toBe(false);
    expect(apiFieldErrors(error)).toEqual({ email: ["Enter a valid email address"] });

    const missing = fakeApi(shape("NOT_FOUND", 404, null), 404);
    const notFound = await createApiClient({ url: "http://api.test", fetch: missing.fetch })
      .posts.bySlug.query({ slug: "gone" })
      .catch((e: unknown) => e);
    expect(isApiError(notFound, "NOT_FOUND")).toBe(true);
    expect(apiFieldErrors(notFound)).toBeNull();
    expect(isApiError(new Error("plain"))).toBe(false);
  });
});
