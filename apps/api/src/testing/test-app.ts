import type { DatabaseHandle } from "@clinic/db";
import { createSeededTestDatabase, type TestDriver } from "@clinic/db/testing";
import { createTRPCClient, httpLink } from "@trpc/client";
import superjson from "superjson";
import { type App, createApp } from "../app.js";
import type { AppRouter } from "../index.js";
import { memoryLogger } from "../logger.js";
import type { SmsSetup } from "../sms/sms-config.js";
import type { ImageStore } from "../uploads/image-store.js";
import { memoryImageStore } from "./images.js";

export const TEST_OWNER_PASSWORD = "test-owner-password";

/**
 * Where every test app's clock starts: a Tuesday morning in Sydney, clear of
 * midnight and of daylight-saving changes. Tests never read the real date, so
 * the suite gives the same answer on every day of the year (issue 8).
 */
export const TEST_START = new Date("2027-02-09T09:15:00+11:00");

/** A clock for tests: starts at a fixed instant, runs at real speed, and moves when told. */
export interface TestClock {
  now(): Date;
  /** Jumps to `at`; the clock keeps running from there. */
  set(at: Date): void;
  advance(ms: number): void;
}

export function testClock(start: Date = TEST_START): TestClock {
  const startedAt = performance.now();
  let offset = start.getTime();
  return {
    now: () => new Date(offset + Math.floor(performance.now() - startedAt)),
    set(at) {
      offset = at.getTime() - Math.floor(performance.now() - startedAt);
    },
    advance(ms) {
      offset += ms;
    },
  };
}

/**
 * An API app on a fresh test database seeded at the clock's time, with a
 * tRPC client that calls it in process. `now` (a fixed instant, say) replaces
 * the test clock; otherwise `t.clock` starts at `TEST_START`.
 */
export async function createTestApp(
  options: {
    driver?: TestDriver;
    now?: () => Date;
    clock?: TestClock;
    devMailbox?: boolean;
    imageStore?: ImageStore;
    /** Webhook endpoints on this machine (a local receiver), as WEBHOOKS_ALLOW_PRIVATE_TARGETS allows. */
    allowPrivateWebhookTargets?: boolean;
    /** An SMS provider (texts on); default none, as without the SMS_ variables. */
    sms?: SmsSetup | null;
  } = {},
) {
  const clock = options.clock ?? testClock();
  const now = options.now ?? clock.now;
  // A fresh test clock reads TEST_START (give or take the milliseconds since it was made): seeded
  // there exactly, the database is a copy of the one the test run prepared (vitest-global-setup).
  const seededAt = options.now || options.clock ? now() : TEST_START;
  const database: DatabaseHandle = await createSeededTestDatabase(options.driver ?? "pglite", {
    now: seededAt,
    ownerPassword: TEST_OWNER_PASSWORD,
  });
  const logger = memoryLogger();
  // As in development without SMTP, unless a test says otherwise.
  const app = createApp({
    db: database.db,
    ping: database.ping,
    logger,
    now,
    devMailbox: options.devMailbox ?? true,
    // Uploads stay in memory rather than in the repository's `.data/uploads`.
    imageStore: options.imageStore ?? memoryImageStore(),
    allowPrivateWebhookTargets: options.allowPrivateWebhookTargets ?? false,
    sms: options.sms ?? null,
  });
  const client = (sessionToken?: string, ip?: string) => inProcessClient(app, sessionToken, ip);
  return {
    app,
    client,
    clock,
    now,
    database,
    db: database.db,
    logger,
    close: () => database.close(),
  };
}

let visitor = 0;

/**
 * What @hono/node-server hands the app for a connection from `address`: how a test gives an
 * in-process request a socket peer (the API trusts X-Forwarded-For only from trusted ones).
 */
export function connectionFrom(address: string) {
  return { incoming: { socket: { remoteAddress: address } } };
}

/**
 * A tRPC client whose requests go straight to `app.request`, with no network.
 * They come as from a site on the same machine (a loopback peer, trusted by
 * default) forwarding a visitor's address: a different visitor per client
 * unless `ip` is given, so per-address rate limits only bite in tests that
 * mean them to.
 */
export function inProcessClient(app: App, sessionToken?: string, ip?: string) {
  visitor += 1;
  const address = ip ?? `2001:db8::${visitor.toString(16)}`;
  return createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: "http://api.test/trpc",
        transformer: superjson,
        fetch: async (url, init) =>
          app.request(url.toString(), init as RequestInit, connectionFrom("127.0.0.1")),
        headers: () => ({
          "x-forwarded-for": address,
          ...(sessionToken ? { authorization: `Bearer ${sessionToken}` } : {}),
        }),
      }),
    ],
  });
}

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;
