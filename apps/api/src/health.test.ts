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

  it("unknown paths are a JSON 404", async () => {
    const app = createApp({ db: database.db, logger: memoryLogger() });
    const res = await app.request("/nope");
    expect(res.status).toBe(404);
  });
});
