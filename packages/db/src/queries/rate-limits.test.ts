import { describe, expect, it } from "vitest";
import { createDatabase } from "../database.js";
import { createTestDatabase, createTestDatabaseUrl, testDrivers } from "../testing.js";
import { consumeRateLimit } from "./rate-limits.js";

const NOW = new Date("2027-02-09T09:15:00+11:00");
const HOUR = 60 * 60 * 1000;
const limit = (key: string, now = NOW) => ({
  bucket: "enquiry",
  key,
  windowMs: HOUR,
  max: 10,
  now,
});

describe.each(testDrivers)("consumeRateLimit on %s", (driver) => {
  it("lets exactly `max` of 30 concurrent requests through", async () => {
    const handle = await createTestDatabase(driver);
    try {
      const results = await Promise.all(
        Array.from({ length: 30 }, () => consumeRateLimit(handle.db, limit("burst"))),
      );
      expect(results.filter(Boolean)).toHaveLength(10);
      // Another key has its own allowance, and the window moves on.
      expect(await consumeRateLimit(handle.db, limit("someone-else"))).toBe(true);
      expect(
        await consumeRateLimit(handle.db, limit("burst", new Date(NOW.getTime() + HOUR))),
      ).toBe(true);
    } finally {
      await handle.close();
    }
  });

  it("works inside a caller's transaction", async () => {
    const handle = await createTestDatabase(driver);
    try {
      const allowed = await handle.db.transaction(async (tx) => {
        const results: boolean[] = [];
        for (let i = 0; i < 3; i++) {
          results.push(await consumeRateLimit(tx, { ...limit("in-tx"), max: 2 }));
        }
        return results;
      });
      expect(allowed).toEqual([true, true, false]);
    } finally {
      await handle.close();
    }
  });
});

describe.skipIf(!process.env.TEST_DATABASE_URL)("consumeRateLimit across instances", () => {
  it("holds the limit for 30 concurrent requests spread over three connection pools", async () => {
    const server = await createTestDatabaseUrl();
    // Three "API instances", each with its own pool, as separate processes would have.
    const instances = await Promise.all(
      [0, 1, 2].map(() => createDatabase({ kind: "postgres", url: server.url, poolSize: 10 })),
    );
    try {
      const results = await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          consumeRateLimit(instances[i % instances.length]!.db, limit("spread")),
        ),
      );
      expect(results.filter(Boolean)).toHaveLength(10);
    } finally {
      await Promise.all(instances.map((instance) => instance.close()));
      await server.drop();
    }
  });
});
