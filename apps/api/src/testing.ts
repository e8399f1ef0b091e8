import { type DatabaseHandle, seedDemoClinic } from "@clinic/db";
import { createTestDatabase, type TestDriver } from "@clinic/db/testing";
import { createTRPCClient, httpLink } from "@trpc/client";
import superjson from "superjson";
import { type App, createApp } from "./app.js";
import { memoryLogger } from "./logger.js";
import type { AppRouter } from "./trpc/root.js";

export const TEST_OWNER_PASSWORD = "test-owner-password";

/** An API app on a fresh, seeded test database, with a tRPC client that calls it in process. */
export async function createTestApp(options: { driver?: TestDriver; now?: () => Date } = {}) {
  const database: DatabaseHandle = await createTestDatabase(options.driver);
  await seedDemoClinic(database.db, { ownerPassword: TEST_OWNER_PASSWORD });
  const logger = memoryLogger();
  const app = createApp({ db: database.db, ping: database.ping, logger, now: options.now });
  const client = (sessionToken?: string, ip?: string) => inProcessClient(app, sessionToken, ip);
  return { app, client, database, db: database.db, logger, close: () => database.close() };
}

let visitor = 0;

/**
 * A tRPC client whose requests go straight to `app.request`, with no network.
 * Each client is a different visitor (its own forwarded address) unless `ip`
 * is given, so per-address rate limits only bite in tests that mean them to.
 */
export function inProcessClient(app: App, sessionToken?: string, ip?: string) {
  const address = ip ?? `198.51.100.${(visitor++ % 250) + 1}:${visitor}`;
  return createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: "http://api.test/trpc",
        transformer: superjson,
        fetch: async (url, init) => app.request(url.toString(), init as RequestInit),
        headers: () => ({
          "x-forwarded-for": address,
          ...(sessionToken ? { authorization: `Bearer ${sessionToken}` } : {}),
        }),
      }),
    ],
  });
}
