import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../database.js";
import * as schema from "../schema.js";
import { outboxMessages } from "../schema.js";
import { createTestDatabase, testDrivers } from "../testing.js";
import {
  claimDueMessages,
  deletePendingMessages,
  enqueueMessage,
  listMessages,
  markMessageFailed,
  markMessageSent,
  type NewOutboxMessage,
  outboxBackoffMs,
  processDueMessages,
} from "./outbox.js";

const at = (iso: string) => new Date(iso);
const MINUTE = 60_000;

const message = (overrides: Partial<NewOutboxMessage> = {}): NewOutboxMessage => ({
  kind: "test",
  toAddress: "pat@example.com",
  subject: "Hello",
  textBody: "Hello",
  htmlBody: "<p>Hello</p>",
  ...overrides,
});

describe("outboxBackoffMs", () => {
  it("doubles from the base delay and stops at the cap", () => {
    const policy = { baseDelayMs: MINUTE, maxDelayMs: 30 * MINUTE };
    expect([1, 2, 3, 4, 5, 6, 7, 50].map((n) => outboxBackoffMs(n, policy) / MINUTE)).toEqual([
      1, 2, 4, 8, 16, 30, 30, 30,
    ]);
  });
});

describe.each(testDrivers)("outbox on %s", (driver) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase(driver);
  });
  afterAll(() => handle.close());
  beforeEach(async () => {
    await handle.db.delete(outboxMessages);
  });

  it("claims only due pending messages, and each only once while leased", async () => {
    const now = at("2026-12-01T00:00:00Z");
    const due = await enqueueMessage(handle.db, message({ sendAfter: at("2026-11-30T23:59:00Z") }));
    await enqueueMessage(handle.db, message({ sendAfter: at("2026-12-01T00:05:00Z") }));

    const first = await claimDueMessages(handle.db, { now, limit: 10, leaseMs: 10 * MINUTE });
    expect(first.map((m) => m.id)).toEqual([due.id]);
    expect(first[0]!.attempts).toBe(1);
    // Leased: a second worker at the same moment gets nothing.
    expect(await claimDueMessages(handle.db, { now, limit: 10 })).toEqual([]);
    // Once the lease has passed (the first worker died), it is claimed again.
    const later = new Date(now.getTime() + 11 * MINUTE);
    const again = await claimDueMessages(handle.db, { now: later, limit: 10 });
    expect(again.map((m) => m.id).sort()).toHaveLength(2);
    // The first worker's late success no longer applies: the row belongs to the new claim.
    expect(await markMessageSent(handle.db, first[0]!, later)).toBe(false);
    const reclaimed = again.find((m) => m.id === due.id)!;
    expect(await markMessageSent(handle.db, reclaimed, later)).toBe(true);
    const [row] = await listMessages(handle.db, { status: "sent" });
    expect(row).toMatchObject({ id: due.id, status: "sent", attempts: 2, sentAt: later });
  });

  it("backs off after failures and gives up after the last attempt", async () => {
    const policy = {
      maxAttempts: 3,
      baseDelayMs: MINUTE,
      maxDelayMs: 60 * MINUTE,
      leaseMs: MINUTE,
    };
    let now = at("2026-12-01T00:00:00Z");
    const queued = await enqueueMessage(handle.db, message({ sendAfter: now }));
    const waits: number[] = [];
    for (let attempt = 1; attempt <= 3; attempt++) {
      const [claimed] = await claimDueMessages(handle.db, { now, limit: 1, leaseMs: MINUTE });
      expect(claimed?.attempts).toBe(attempt);
      const outcome = await markMessageFailed(handle.db, claimed!, `boom ${attempt}`, now, policy);
      expect(outcome).toBe(attempt < 3 ? "retry" : "failed");
      const [row] = await listMessages(handle.db, {});
      if (outcome === "retry") {
        waits.push((row!.sendAfter.getTime() - now.getTime()) / MINUTE);
        // Not due a moment before the backoff ends.
        const justBefore = new Date(row!.sendAfter.getTime() - 1);
        expect(await claimDueMessages(handle.db, { now: justBefore, limit: 1 })).toEqual([]);
        now = row!.sendAfter;
      } else {
        expect(row).toMatchObject({ id: queued.id, status: "failed", lastError: "boom 3" });
      }
    }
    expect(waits).toEqual([1, 2]);
    expect(
      await claimDueMessages(handle.db, { now: at("2027-01-01T00:00:00Z"), limit: 1 }),
    ).toEqual([]);
  });

  it("processDueMessages sends, retries and reports", async () => {
    const now = at("2026-12-01T00:00:00Z");
    await enqueueMessage(handle.db, message({ toAddress: "ok@example.com", sendAfter: now }));
    await enqueueMessage(handle.db, message({ toAddress: "bad@example.com", sendAfter: now }));
    const errors: string[] = [];
    const result = await processDueMessages(
      handle.db,
      async (m) => {
        if (m.toAddress === "bad@example.com") throw new Error("mailbox unavailable");
      },
      {
        now: () => now,
        limit: 10,
        onError: (m, _e, outcome) => errors.push(`${m.toAddress} ${outcome}`),
      },
    );
    expect(result).toEqual({ sent: 1, retried: 1, failed: 0 });
    expect(errors).toEqual(["bad@example.com retry"]);
    const [bad] = await listMessages(handle.db, { toAddress: "bad@example.com" });
    expect(bad).toMatchObject({ status: "pending", attempts: 1, lastError: "mailbox unavailable" });
    expect(bad!.sendAfter.getTime()).toBe(now.getTime() + MINUTE);
  });

  it("deletePendingMessages drops only a booking's unsent messages of that kind", async () => {
    const [practitioner] = await handle.db
      .insert(schema.practitioners)
      .values({ slug: `p-${Math.random()}`, name: "P", title: "Chiro", bio: "…" })
      .returning();
    const [service] = await handle.db
      .insert(schema.services)
      .values({
        slug: `s-${Math.random()}`,
        name: "S",
        summary: "…",
        durationMinutes: 30,
        priceCents: 1,
      })
      .returning();
    const [patient] = await handle.db
      .insert(schema.patients)
      .values({ name: "Pat", email: `pat-${Math.random()}@example.com`, phone: "0400" })
      .returning();
    const start = at("2026-12-10T00:00:00Z");
    const end = at("2026-12-10T00:30:00Z");
    const [booking] = await handle.db
      .insert(schema.bookings)
      .values({
        serviceId: service!.id,
        practitionerId: practitioner!.id,
        patientId: patient!.id,
        startsAt: start,
        endsAt: end,
        during: { start, end },
      })
      .returning();
    const bookingId = booking!.id;
    const pending = await enqueueMessage(handle.db, message({ kind: "reminder", bookingId }));
    const sent = await enqueueMessage(handle.db, message({ kind: "reminder", bookingId }));
    await markMessageSent(handle.db, { id: sent.id, attempts: 0 }, start);
    const other = await enqueueMessage(handle.db, message({ kind: "confirmation", bookingId }));

    expect(await deletePendingMessages(handle.db, { bookingId, kind: "reminder" })).toBe(1);
    const left = (await listMessages(handle.db, { bookingId })).map((m) => m.id).sort();
    expect(left).toEqual([sent.id, other.id].sort());
    expect(left).not.toContain(pending.id);
  });
});
