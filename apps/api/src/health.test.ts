import { createTestDatabase } from "@clinic/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "./app.js";
import { memoryLogger } from "./logger.js";

describe("health routes", () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  it("/healthz answers while the process is up", async () => {
    const app = createApp({ db: database.db, logger: memoryLogger() });
    const res = await app.request("/healthz");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
  });

  it("/readyz answers 200 when the database does and 503 when it doesn't", async () => {
    const logger = memoryLogger();
    const ready = createApp({ db: database.db, ping: database.ping, logger });
    expect((await ready.request("/readyz")).status).toBe(200);

    const down = createApp({
      db: database.db,
      logger,
      ping: () => Promise.reject(new Error("connection refused")),
    });
    const res = await down.request("/readyz");
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ status: "unavailable" });
    expect(logger.entries.some((e) => e.message === "readiness check failed")).toBe(true);
  });

  it("follows the site's request id into the response and every log line of the request", async () => {
    const logger = memoryLogger();
    const down = createApp({
      db: database.db,
      logger,
      ping: () => Promise.reject(new Error("connection refused")),
    });
    const id = "5b0c7a34-2f1e-4d8a-9c3b-1e2f3a4b5c6d";
    const res = await down.request("/readyz", { headers: { "X-Request-Id": id } });
    expect(res.headers.get("x-request-id")).toBe(id);
    expect(logger.entries.at(-1)?.fields?.requestId).toBe(id);

    // Anything but a UUID is replaced: a header can't put text of the caller's into the logs.
    const forged = await down.request("/readyz", { headers: { "X-Request-Id": "pat@x.example" } });
    const made = forged.headers.get("x-request-id");
    expect(made).toMatch(/^[0-9a-f-]{36}$/);
    expect(logger.entries.at(-1)?.fields?.requestId).toBe(made);
  });

  it("unknown paths are a JSON 404", async () => {
    const app = createApp({ db: database.db, logger: memoryLogger() });
    const res = await app.request("/nope");
    expect(res.status).toBe(404);
  });
});
