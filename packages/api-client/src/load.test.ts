import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import superjson from "superjson";
import { afterEach, describe, expect, it } from "vitest";
import { createApiClient, isApiError, isApiUnavailable } from "./index.js";

/**
 * A stand-in for the API on a real Node HTTP server (default limits: a request line and headers
 * over 16 KiB get an empty 431, as the real API's server does). It answers every batched call
 * with the settings; `fail(request)` can answer instead.
 */
async function fakeApi(fail?: (req: IncomingMessage, res: ServerResponse) => boolean) {
  const requests: { method: string; url: string }[] = [];
  const server: Server = createServer((req, res) => {
    requests.push({ method: req.method!, url: req.url! });
    req.resume();
    req.on("end", () => {
      if (fail?.(req, res)) return;
      const path = new URL(req.url!, "http://api.test").pathname.replace(/^\/trpc\//, "");
      const body = path
        .split(",")
        .map(() => ({ result: { data: superjson.serialize({ timeZone: "Australia/Sydney" }) } }));
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  servers.push(server);
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, requests };
}

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

describe("the API client under load", () => {
  it("splits the calls of many concurrent pages into batches the server accepts", async () => {
    const api = await fakeApi();
    const client = createApiClient({ url: api.url });
    // 300 loaders starting in the same tick, as on a busy site: one batch would put all their
    // inputs in one URL, past Node's 16 KiB limit, and every one of them would fail.
    const slug = "why-runners-benefit-from-spinal-adjustments";
    const calls = Array.from({ length: 300 }, (_, i) =>
      client.posts.bySlug.query({ slug: `${slug}-${i}` }),
    );
    const results = await Promise.allSettled(calls);
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    expect(api.requests.length).toBeGreaterThan(1);
    for (const request of api.requests) expect(request.url.length).toBeLessThanOrEqual(8_000);
  });

  it("retries a query when the API is unreachable or busy, with a short backoff", async () => {
    let failures = 2;
    const api = await fakeApi((_req, res) => {
      if (failures-- <= 0) return false;
      // First a dropped connection, then a busy proxy's empty 503.
      if (failures === 1) res.socket?.destroy();
      else res.writeHead(503).end();
      return true;
    });
    const started = performance.now();
    const settings = await createApiClient({ url: api.url }).settings.get.query();
    expect(settings).toEqual({ timeZone: "Australia/Sydney" });
    expect(api.requests).toHaveLength(3);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it("gives up after a few tries and says the API is unavailable", async () => {
    const api = await fakeApi((_req, res) => {
      res.writeHead(503).end();
      return true;
    });
    const error = await createApiClient({ url: api.url })
      .settings.get.query()
      .catch((e: unknown) => e);
    expect(api.requests).toHaveLength(3);
    expect(isApiUnavailable(error)).toBe(true);
  });

  it("never retries a mutation: it may have been applied", async () => {
    const api = await fakeApi((_req, res) => {
      res.socket?.destroy();
      return true;
    });
    const error = await createApiClient({ url: api.url })
      .enquiries.submit.mutate({ name: "A", email: "a@example.com", phone: null, message: "Hi" })
      .catch((e: unknown) => e);
    expect(api.requests).toHaveLength(1);
    expect(isApiUnavailable(error)).toBe(true);
  });

  it("does not retry an answer from the API, nor call it unavailable", async () => {
    const api = await fakeApi((_req, res) => {
      const error = superjson.serialize({
        message: "Post not found",
        code: -32004,
        data: { code: "NOT_FOUND", httpStatus: 404, path: "posts.bySlug" },
      });
      res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify([{ error }]));
      return true;
    });
    const error = await createApiClient({ url: api.url })
      .posts.bySlug.query({ slug: "gone" })
      .catch((e: unknown) => e);
    expect(api.requests).toHaveLength(1);
    expect(isApiError(error, "NOT_FOUND")).toBe(true);
    expect(isApiUnavailable(error)).toBe(false);
  });
});
