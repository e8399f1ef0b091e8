import { createStaffSession, enqueueMessage, HOUSEKEEPING_LOCK_KEY, schema } from "@clinic/db";
import { testDrivers } from "@clinic/db/testing";
import { eq, inArray, sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { RATE_LIMITS } from "../abuse/public-forms.js";
import { memoryLogger } from "../logger.js";
import { createTestApp, signedInStaff, type TestApp } from "../testing/index.js";
import { HOUSEKEEPING_KEEP, startHousekeeper } from "./housekeeping.js";

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

function housekeeperFor(t: TestApp, options: { intervalMs?: number; autoStart?: boolean } = {}) {
  return startHousekeeper({
    db: t.db,
    logger: t.logger,
    now: t.now,
    intervalMs: options.intervalMs ?? 60 * MINUTE,
    autoStart: options.autoStart ?? false,
  });
}

async function ownerId(t: TestApp): Promise<string> {
  const [owner] = await t.db.select({ id: schema.staffUsers.id }).from(schema.staffUsers).limit(1);
  return owner!.id;
}

/** A session expiring `fromNow` ms after the test clock's now (negative: already expired). */
async function sessionExpiring(t: TestApp, fromNow: number): Promise<string> {
  const tokenHash = `hash-${Math.random()}`;
  await createStaffSession(t.db, {
    userId: await ownerId(t),
    tokenHash,
    expiresAt: new Date(t.now().getTime() + fromNow),
    at: t.now(),
  });
  return tokenHash;
}

/** An email with a manage link, sent `daysAgo` days before the test clock's now (null: pending). */
async function emailSent(t: TestApp, daysAgo: number | null, status: "sent" | "failed" = "sent") {
  const writtenAt = new Date(t.now().getTime() - (daysAgo ?? 40) * DAY - MINUTE);
  const message = await enqueueMessage(t.db, {
    kind: "booking.confirmation",
    toAddress: "alex.runner@example.com",
    subject: "Your appointment is booked",
    textBody: "Manage it at https://site.example/manage/secret-token",
    htmlBody: '<a href="https://site.example/manage/secret-token">Manage</a>',
    attachments: [{ filename: "visit.ics", contentType: "text/calendar", content: "BEGIN:..." }],
    sendAfter: writtenAt,
  });
  const sentAt = daysAgo === null ? null : new Date(t.now().getTime() - daysAgo * DAY);
  await t.db
    .update(schema.outboxMessages)
    .set(
      daysAgo === null
        ? { createdAt: writtenAt }
        : { createdAt: writtenAt, status, sentAt: status === "sent" ? sentAt : null },
    )
    .where(eq(schema.outboxMessages.id, message.id));
  return message.id;
}

async function message(t: TestApp, id: string) {
  const [row] = await t.db
    .select()
    .from(schema.outboxMessages)
    .where(eq(schema.outboxMessages.id, id));
  return row!;
}

describe.each(testDrivers)("housekeeping (%s)", (driver) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp({ driver });
  });
  afterEach(() => t.close());

  it("deletes expired staff sessions and keeps live ones", async () => {
    const live = await signedInStaff(t, "front_desk");
    const expired = await sessionExpiring(t, -MINUTE);
    const lapsing = await sessionExpiring(t, MINUTE);
    const result = await housekeeperFor(t).runOnce();
    expect(result?.expiredSessions).toBe(1);
    const left = await t.db
      .select({ tokenHash: schema.staffSessions.tokenHash })
      .from(schema.staffSessions)
      .where(inArray(schema.staffSessions.tokenHash, [expired, lapsing]));
    expect(left.map((row) => row.tokenHash)).toEqual([lapsing]);
    // The signed-in member of staff carries on.
    await expect(live.client.auth.me.query()).resolves.toMatchObject({ id: live.user.id });

    // Later, by the clock, the other one has lapsed too.
    t.clock.advance(2 * MINUTE);
    expect((await housekeeperFor(t).runOnce())?.expiredSessions).toBeGreaterThanOrEqual(1);
    const after = await t.db
      .select()
      .from(schema.staffSessions)
      .where(eq(schema.staffSessions.tokenHash, lapsing));
    expect(after).toHaveLength(0);
  });

  it("empties sent emails past the clinic's retention, keeping newer, pending and metadata", async () => {
    // The demo clinic keeps sent emails for 30 days.
    const old = await emailSent(t, 31);
    const recent = await emailSent(t, 29);
    const pending = await emailSent(t, null);
    const gaveUp = await emailSent(t, 31, "failed");
    const before = await message(t, old);

    const result = await housekeeperFor(t).runOnce();
    expect(result?.purgedEmails).toBe(2);

    const purged = await message(t, old);
    expect(purged).toMatchObject({
      textBody: "",
      htmlBody: "",
      attachments: [],
      toAddress: "***@example.com",
      kind: before.kind,
      subject: before.subject,
      status: "sent",
      sentAt: before.sentAt,
      bookingId: before.bookingId,
    });
    expect(purged.bodyPurgedAt).toBeInstanceOf(Date);
    expect(JSON.stringify(purged)).not.toContain("secret-token");
    expect((await message(t, gaveUp)).textBody).toBe("");
    for (const kept of [recent, pending]) {
      expect(await message(t, kept)).toMatchObject({
        textBody: expect.stringContaining("secret-token"),
        toAddress: "alex.runner@example.com",
        bodyPurgedAt: null,
      });
    }

    // A shorter retention, set in the settings, purges the recent one on the next run.
    const owner = await signedInStaff(t, "owner");
    const settings = await owner.client.settings.staffGet.query();
    expect(settings.sentEmailRetentionDays).toBe(30);
    await owner.client.settings.update.mutate({ ...settings, sentEmailRetentionDays: 7 });
    expect((await housekeeperFor(t).runOnce())?.purgedEmails).toBe(1);
    expect((await message(t, recent)).textBody).toBe("");
    expect((await message(t, pending)).textBody).toContain("secret-token");
  });

  it("drops counters older than their windows and keeps recent ones", async () => {
    const now = t.now().getTime();
    await t.db.insert(schema.rateLimitHits).values([
      {
        bucket: "enquiry",
        key: "a",
        createdAt: new Date(now - HOUSEKEEPING_KEEP.rateLimitHitsMs - MINUTE),
      },
      { bucket: "enquiry", key: "b", createdAt: new Date(now - MINUTE) },
    ]);
    await t.db.insert(schema.signInFailures).values([
      {
        email: "old@example.com",
        createdAt: new Date(now - HOUSEKEEPING_KEEP.signInFailuresMs - MINUTE),
      },
      { email: "new@example.com", createdAt: new Date(now - MINUTE) },
    ]);
    const result = await housekeeperFor(t).runOnce();
    expect(result).toMatchObject({ rateLimitHits: 1, signInFailures: 1 });
    const hits = await t.db.select({ key: schema.rateLimitHits.key }).from(schema.rateLimitHits);
    expect(hits.map((h) => h.key)).toContain("b");
    expect(hits.map((h) => h.key)).not.toContain("a");
    const failures = await t.db.select().from(schema.signInFailures);
    expect(failures.map((f) => f.email)).toEqual(["new@example.com"]);
  });

  it("runs at start and then on its interval, until stopped", async () => {
    const first = await sessionExpiring(t, -MINUTE);
    const housekeeper = housekeeperFor(t, { intervalMs: 50, autoStart: true });
    const gone = async (tokenHash: string) =>
      (
        await t.db
          .select()
          .from(schema.staffSessions)
          .where(eq(schema.staffSessions.tokenHash, tokenHash))
      ).length === 0;
    await expect.poll(() => gone(first), { timeout: 20_000 }).toBe(true);
    const second = await sessionExpiring(t, -MINUTE);
    await expect.poll(() => gone(second), { timeout: 20_000 }).toBe(true);
    await housekeeper.stop();
    const third = await sessionExpiring(t, -MINUTE);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await gone(third)).toBe(false);
  });

  it("lets several housekeepers run at once: each thing is done once, without error", async () => {
    const expired = await Promise.all([1, 2, 3].map(() => sessionExpiring(t, -MINUTE)));
    const old = await Promise.all([1, 2].map(() => emailSent(t, 40)));
    const logger = memoryLogger();
    const housekeepers = [1, 2, 3, 4].map(() =>
      startHousekeeper({ db: t.db, logger, now: t.now, intervalMs: MINUTE, autoStart: false }),
    );
    const results = await Promise.all(housekeepers.map((h) => h.runOnce()));
    const total = (key: "expiredSessions" | "purgedEmails") =>
      results.reduce((sum, result) => sum + (result?.[key] ?? 0), 0);
    expect(total("expiredSessions")).toBe(expired.length);
    expect(total("purgedEmails")).toBe(old.length);
    // One of them did the run; the others skipped it or came after and found nothing left.
    const busy = results.filter((r) => r && r.expiredSessions + r.purgedEmails > 0);
    expect(busy).toHaveLength(1);
    expect(logger.entries.filter((e) => e.level === "error")).toEqual([]);
  });
});

describe.skipIf(!process.env.TEST_DATABASE_URL)("housekeeping on PostgreSQL", () => {
  it("skips a run while another instance holds it", async () => {
    const t = await createTestApp({ driver: "postgres" });
    try {
      const expired = await sessionExpiring(t, -MINUTE);
      // Another instance's run, in progress on another connection.
      const during = await t.db.transaction(async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(${HOUSEKEEPING_LOCK_KEY})`);
        return housekeeperFor(t).runOnce();
      });
      expect(during).toBeNull();
      const left = await t.db
        .select()
        .from(schema.staffSessions)
        .where(eq(schema.staffSessions.tokenHash, expired));
      expect(left).toHaveLength(1);
      expect((await housekeeperFor(t).runOnce())?.expiredSessions).toBe(1);
    } finally {
      await t.close();
    }
  });
});

describe("housekeeping's windows", () => {
  it("keep counters longer than every rate limit counts them", () => {
    for (const limit of Object.values(RATE_LIMITS)) {
      expect(HOUSEKEEPING_KEEP.rateLimitHitsMs).toBeGreaterThanOrEqual(limit.windowMs);
    }
  });
});
