import { randomBytes } from "node:crypto";
import {
  createDatabase,
  createStaffUser,
  type DatabaseHandle,
  hashPassword,
  schema,
} from "@clinic/db";
import { seedDemoClinic } from "@clinic/db/seed";
import { createTestDatabaseUrl } from "@clinic/db/testing";
import { addLocalDays, localDateOf } from "@clinic/domain";
import { eq } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../app.js";
import { startSession } from "../auth/sessions.js";
import { silentLogger } from "../logger.js";
import { inProcessClient, TEST_OWNER_PASSWORD, testClock } from "../testing/index.js";
import {
  CHANGE_FEED_APPLICATION_NAME,
  type PostgresChangeFeed,
  postgresChangeFeed,
} from "./change-feed.js";

const zone = "Australia/Sydney";

/** Polls `read` until `done` holds of what it returns, for at most `ms` (never a speed assertion). */
async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, ms = 1000) {
  const deadline = performance.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (performance.now() > deadline) throw new Error(`not seen within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * Two API instances on one PostgreSQL database, each with its own cache and
 * change feed: what one commits, the other shows within a second.
 */
describe.runIf(process.env.TEST_DATABASE_URL)("two instances on one PostgreSQL database", () => {
  let drop: () => Promise<void>;
  let url: string;
  const databases: DatabaseHandle[] = [];
  const feeds: PostgresChangeFeed[] = [];
  const clock = testClock();
  let apps: ReturnType<typeof createApp>[];

  beforeAll(async () => {
    ({ url, drop } = await createTestDatabaseUrl());
    for (let i = 0; i < 2; i++) databases.push(await createDatabase({ kind: "postgres", url }));
    await seedDemoClinic(databases[0]!.db, {
      now: clock.now(),
      ownerPassword: TEST_OWNER_PASSWORD,
    });
    apps = databases.map((d) => {
      const feed = postgresChangeFeed({
        url,
        db: d.db,
        logger: silentLogger,
        reconnectDelayMs: 50,
      });
      feeds.push(feed);
      return createApp({ db: d.db, logger: silentLogger, now: clock.now, feed });
    });
    await Promise.all(feeds.map((f) => f.ready()));
  }, 180_000);
  afterAll(async () => {
    for (const feed of feeds) await feed.close();
    for (const database of databases) await database.close();
    await drop();
  });

  const client = (n: number, token?: string) => inProcessClient(apps[n]!, token);
  const versionOf = async (n: number) =>
    ((await (await apps[n]!.request("/content-version")).json()) as { version: string }).version;
  async function setup() {
    const services = await client(0).services.list.query();
    const service = services.find((s) => s.slug === "follow-up-adjustment")!;
    const jason = service.practitioners.find((p) => p.slug === "jason-lee")!;
    const from = addLocalDays(localDateOf(clock.now(), zone), 21);
    const input = {
      serviceId: service.id,
      practitionerId: jason.id,
      from,
      to: addLocalDays(from, 6),
    };
    const starts = async (n: number) =>
      (await client(n).availability.slots.query(input)).days.flatMap((d) =>
        d.slots.map((s) => s.start.getTime()),
      );
    return { service, jason, input, starts };
  }

  it("shows a booking, a cancellation, a closure and a price change made on the other instance", async () => {
    const { service, jason, starts } = await setup();
    // Both instances have the answers cached.
    const before = await starts(1);
    expect(await starts(0)).toEqual(before);
    const versions = [await versionOf(0), await versionOf(1)];
    const first = before[0]!;

    const booked = await client(0).bookings.create.mutate({
      serviceId: service.id,
      practitionerId: jason.id,
      start: new Date(first),
      patient: { name: "Two Instances", email: "two@example.com", phone: "0400 333 444" },
      idempotencyKey: randomBytes(12).toString("base64url"),
    });
    expect(await starts(0)).not.toContain(first);
    await eventually(
      () => starts(1),
      (s) => !s.includes(first),
    );

    await client(0).bookings.cancelByToken.mutate({ token: booked.manageToken });
    await eventually(
      () => starts(1),
      (s) => s.includes(first),
    );

    // The owner closes the clinic on the first day with slots, on the other instance this time.
    const user = await createStaffUser(databases[0]!.db, {
      email: "owner@two-instances.test",
      name: "Test owner",
      role: "owner",
      practitionerId: null,
      passwordHash: await hashPassword("two-instances-password"),
    });
    const { token } = await startSession(databases[0]!.db, user.id, clock.now());
    const owner = { client: client(1, token) };
    const day = localDateOf(new Date(first), zone);
    await owner.client.schedules.addClosure.mutate({
      startDate: day,
      endDate: day,
      reason: "Staff training",
      confirmOrphans: true,
    });
    await eventually(
      () => starts(0),
      (s) => !s.some((start) => localDateOf(new Date(start), zone) === day),
    );

    const s = await owner.client.services.get.query({ id: service.id });
    await owner.client.services.update.mutate({
      id: service.id,
      slug: s.slug,
      name: s.name,
      summary: s.summary,
      description: s.description,
      durationMinutes: s.durationMinutes,
      bufferBeforeMinutes: s.bufferBeforeMinutes,
      bufferAfterMinutes: s.bufferAfterMinutes,
      priceCents: s.priceCents + 1000,
      patientType: s.patientType,
      active: s.active,
      sortOrder: s.sortOrder,
      practitionerIds: s.practitioners.map((p) => p.id),
    });
    await eventually(
      () => client(0).services.list.query(),
      (list) => list.find((x) => x.id === service.id)!.priceCents === s.priceCents + 1000,
    );
    // The content version moved on both.
    expect(await versionOf(0)).not.toBe(versions[0]);
    expect(await versionOf(1)).not.toBe(versions[1]);
  });

  it("drops everything when the listener reconnects, since notifications may have been missed", async () => {
    const { service } = await setup();
    const listed = async () =>
      (await client(1).services.list.query()).find((s) => s.id === service.id)!.priceCents;
    const price = await listed();
    const version = await versionOf(1);

    // A change nobody announces (as if its notification were lost), then the listener drops.
    await databases[0]!.db
      .update(schema.services)
      .set({ priceCents: price + 7 })
      .where(eq(schema.services.id, service.id));
    expect(await listed()).toBe(price);
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      const { rows } = await admin.query(
        "select pid from pg_stat_activity where application_name = $1 and datname = current_database()",
        [CHANGE_FEED_APPLICATION_NAME],
      );
      expect(rows.length).toBe(2);
      // Both listeners go; the second instance's, whichever it is, among them.
      for (const row of rows) await admin.query("select pg_terminate_backend($1)", [row.pid]);
    } finally {
      await admin.end();
    }
    await eventually(listed, (p) => p === price + 7);
    // Listening again, it keeps answers again, from after the reconnect.
    await eventually(
      async () => feeds[1]!.live,
      (live) => live,
      5000,
    );
    expect(await listed()).toBe(price + 7);
    expect(await versionOf(1)).not.toBe(version);
  });
});
