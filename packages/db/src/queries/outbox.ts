import { and, asc, desc, eq, inArray, lte, type SQL, sql } from "drizzle-orm";
import type { Database, Executor } from "../database.js";
import { type OutboxAttachment, outboxMessages } from "../schema.js";

export type OutboxMessage = typeof outboxMessages.$inferSelect;
export type OutboxStatus = OutboxMessage["status"];
export type { OutboxAttachment };

export interface NewOutboxMessage {
  /** What the message is, e.g. "booking.confirmation" or "booking.reminder". */
  kind: string;
  toAddress: string;
  subject: string;
  textBody: string;
  htmlBody: string;
  attachments?: OutboxAttachment[];
  bookingId?: string | null;
  /** Not sent before this instant; defaults to now. */
  sendAfter?: Date;
  /** "email" (the default) or "sms": `toAddress` is then an E.164 number (decision 030). */
  channel?: OutboxChannel;
}

export type OutboxChannel = "email" | "sms";

/** Adds a message to the outbox; call it in the transaction that makes the change it reports. */
export async function enqueueMessage(
  db: Executor,
  message: NewOutboxMessage,
): Promise<OutboxMessage> {
  const [row] = await db
    .insert(outboxMessages)
    .values({
      kind: message.kind,
      toAddress: message.toAddress,
      subject: message.subject,
      textBody: message.textBody,
      htmlBody: message.htmlBody,
      attachments: message.attachments ?? [],
      bookingId: message.bookingId ?? null,
      channel: message.channel ?? "email",
      ...(message.sendAfter ? { sendAfter: message.sendAfter } : {}),
    })
    .returning();
  return row!;
}

/** Drops a booking's unsent messages of one kind (e.g. its reminder after a cancellation); returns how many. */
export async function deletePendingMessages(
  db: Executor,
  filter: { bookingId: string; kind: string },
): Promise<number> {
  const deleted = await db
    .delete(outboxMessages)
    .where(
      and(
        eq(outboxMessages.bookingId, filter.bookingId),
        eq(outboxMessages.kind, filter.kind),
        eq(outboxMessages.status, "pending"),
      ),
    )
    .returning({ id: outboxMessages.id });
  return deleted.length;
}

export interface OutboxFilter {
  status?: OutboxStatus;
  kind?: string;
  bookingId?: string;
  toAddress?: string;
  limit?: number;
}

/** Messages newest first: the development mailbox, and what tests read. */
export async function listMessages(
  db: Executor,
  filter: OutboxFilter = {},
): Promise<OutboxMessage[]> {
  const conditions: SQL[] = [];
  if (filter.status) conditions.push(eq(outboxMessages.status, filter.status));
  if (filter.kind) conditions.push(eq(outboxMessages.kind, filter.kind));
  if (filter.bookingId) conditions.push(eq(outboxMessages.bookingId, filter.bookingId));
  if (filter.toAddress) conditions.push(eq(outboxMessages.toAddress, filter.toAddress));
  return db
    .select()
    .from(outboxMessages)
    .where(and(...conditions))
    .orderBy(desc(outboxMessages.createdAt), desc(outboxMessages.id))
    .limit(filter.limit ?? 100);
}

/** A page of messages, newest first, with how many match the filter: the admin's Emails page. */
export async function pageMessages(
  db: Executor,
  filter: {
    status?: OutboxStatus;
    kind?: string;
    channel?: OutboxChannel;
    offset: number;
    limit: number;
  },
): Promise<{ messages: OutboxMessage[]; total: number }> {
  const conditions: SQL[] = [];
  if (filter.status) conditions.push(eq(outboxMessages.status, filter.status));
  if (filter.channel) conditions.push(eq(outboxMessages.channel, filter.channel));
  if (filter.kind) conditions.push(eq(outboxMessages.kind, filter.kind));
  const where = and(...conditions);
  const [messages, [count]] = await Promise.all([
    db
      .select()
      .from(outboxMessages)
      .where(where)
      .orderBy(desc(outboxMessages.createdAt), desc(outboxMessages.id))
      .offset(filter.offset)
      .limit(filter.limit),
    db.select({ total: sql<number>`count(*)::int` }).from(outboxMessages).where(where),
  ]);
  return { messages, total: count?.total ?? 0 };
}

/** Every kind of message the outbox holds, for a filter. */
export async function outboxKinds(db: Executor): Promise<string[]> {
  const rows = await db
    .selectDistinct({ kind: outboxMessages.kind })
    .from(outboxMessages)
    .orderBy(asc(outboxMessages.kind));
  return rows.map((row) => row.kind);
}

/**
 * Puts a failed message back in the queue, due at `now`, with a fresh count of attempts (its
 * last error stays until the next try). Returns false unless it was `failed`.
 */
export async function requeueFailedMessage(db: Executor, id: string, now: Date): Promise<boolean> {
  const updated = await db
    .update(outboxMessages)
    .set({ status: "pending", attempts: 0, sendAfter: now })
    .where(and(eq(outboxMessages.id, id), eq(outboxMessages.status, "failed")))
    .returning({ id: outboxMessages.id });
  return updated.length > 0;
}

/** One message by id, or undefined. */
export async function findMessage(db: Executor, id: string): Promise<OutboxMessage | undefined> {
  const [row] = await db.select().from(outboxMessages).where(eq(outboxMessages.id, id));
  return row;
}

export interface OutboxRetryPolicy {
  /** After this many failed attempts a message is marked `failed` and left alone. */
  maxAttempts: number;
  /** Wait after the first failure; it doubles after each further one. */
  baseDelayMs: number;
  maxDelayMs: number;
  /**
   * How long a claimed message stays invisible to other workers while it is
   * being sent. Sends must time out well within it (the SMTP transport does).
   */
  leaseMs: number;
}

export const defaultOutboxRetryPolicy: OutboxRetryPolicy = {
  maxAttempts: 8,
  baseDelayMs: 60_000,
  maxDelayMs: 60 * 60_000,
  leaseMs: 10 * 60_000,
};

/** The wait before the next try after `attempts` failed tries: base, 2×base, 4×base … capped. */
export function outboxBackoffMs(
  attempts: number,
  policy: Pick<OutboxRetryPolicy, "baseDelayMs" | "maxDelayMs"> = defaultOutboxRetryPolicy,
): number {
  const exponent = Math.max(0, attempts - 1);
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(exponent, 30));
}

/**
 * Claims up to `limit` due messages for this worker: picks pending rows whose
 * `sendAfter` has passed with `FOR UPDATE SKIP LOCKED` (so concurrent workers
 * never pick the same row), counts the attempt and pushes `sendAfter` out by
 * the lease, all in one short transaction. The send itself then happens
 * outside any transaction: on PGlite an open transaction blocks every other
 * query, so holding one across an SMTP conversation would stall the API.
 * A worker that dies mid-send leaves the row to be retried when the lease ends.
 */
export async function claimDueMessages(
  db: Database,
  options: { now: Date; limit: number; leaseMs?: number },
): Promise<OutboxMessage[]> {
  const leaseMs = options.leaseMs ?? defaultOutboxRetryPolicy.leaseMs;
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: outboxMessages.id })
      .from(outboxMessages)
      .where(and(eq(outboxMessages.status, "pending"), lte(outboxMessages.sendAfter, options.now)))
      .orderBy(asc(outboxMessages.sendAfter), asc(outboxMessages.id))
      .limit(options.limit)
      .for("update", { skipLocked: true });
    if (due.length === 0) return [];
    const claimed = await tx
      .update(outboxMessages)
      .set({
        attempts: sql`${outboxMessages.attempts} + 1`,
        sendAfter: new Date(options.now.getTime() + leaseMs),
      })
      .where(
        inArray(
          outboxMessages.id,
          due.map((row) => row.id),
        ),
      )
      .returning();
    // Send in the order the messages fell due.
    const order = new Map(due.map((row, index) => [row.id, index]));
    return claimed.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  });
}

/**
 * Records a successful send. Guarded by the attempt count the claim set, so a
 * worker whose lease ran out cannot overwrite a newer claim; returns whether it applied.
 */
export async function markMessageSent(
  db: Executor,
  claimed: Pick<OutboxMessage, "id" | "attempts">,
  now: Date,
): Promise<boolean> {
  const updated = await db
    .update(outboxMessages)
    .set({ status: "sent", sentAt: now, lastError: null })
    .where(
      and(
        eq(outboxMessages.id, claimed.id),
        eq(outboxMessages.attempts, claimed.attempts),
        eq(outboxMessages.status, "pending"),
      ),
    )
    .returning({ id: outboxMessages.id });
  return updated.length > 0;
}

/**
 * Records a failed send: retried after an exponential backoff, or marked
 * `failed` once it has had `maxAttempts` tries. Returns what became of it.
 */
export async function markMessageFailed(
  db: Executor,
  claimed: Pick<OutboxMessage, "id" | "attempts">,
  error: string,
  now: Date,
  policy: OutboxRetryPolicy = defaultOutboxRetryPolicy,
): Promise<"retry" | "failed" | "stale"> {
  const giveUp = claimed.attempts >= policy.maxAttempts;
  const updated = await db
    .update(outboxMessages)
    .set(
      giveUp
        ? { status: "failed", lastError: error.slice(0, 2000) }
        : {
            lastError: error.slice(0, 2000),
            sendAfter: new Date(now.getTime() + outboxBackoffMs(claimed.attempts, policy)),
          },
    )
    .where(
      and(
        eq(outboxMessages.id, claimed.id),
        eq(outboxMessages.attempts, claimed.attempts),
        eq(outboxMessages.status, "pending"),
      ),
    )
    .returning({ id: outboxMessages.id });
  if (updated.length === 0) return "stale";
  return giveUp ? "failed" : "retry";
}

export interface OutboxRunResult {
  sent: number;
  retried: number;
  failed: number;
}

/**
 * One pass of the send loop: claims due messages and hands each to `send`,
 * recording success or failure. Safe to run on any number of instances at once.
 */
export async function processDueMessages(
  db: Database,
  send: (message: OutboxMessage) => Promise<void>,
  options: {
    now: () => Date;
    limit: number;
    policy?: OutboxRetryPolicy;
    onError?: (message: OutboxMessage, error: unknown, outcome: "retry" | "failed") => void;
  },
): Promise<OutboxRunResult> {
  const policy = options.policy ?? defaultOutboxRetryPolicy;
  const result: OutboxRunResult = { sent: 0, retried: 0, failed: 0 };
  const claimed = await claimDueMessages(db, {
    now: options.now(),
    limit: options.limit,
    leaseMs: policy.leaseMs,
  });
  for (const message of claimed) {
    try {
      await send(message);
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      const outcome = await markMessageFailed(db, message, text, options.now(), policy);
      if (outcome === "stale") continue;
      result[outcome === "failed" ? "failed" : "retried"]++;
      options.onError?.(message, error, outcome);
      continue;
    }
    if (await markMessageSent(db, message, options.now())) result.sent++;
  }
  return result;
}

export interface OutboxCounts {
  /** Waiting to be sent, retries included. */
  pending: number;
  /** Waiting after at least one failed try. */
  retrying: number;
  /** Given up on after the last try. */
  failed: number;
}

/** How many messages wait in the outbox, and how many gave up: for the API's metrics. */
export async function countOutboxMessages(db: Executor): Promise<OutboxCounts> {
  const [row] = await db
    .select({
      pending: sql<number>`count(*) filter (where ${outboxMessages.status} = 'pending')::int`,
      retrying: sql<number>`count(*) filter (where ${outboxMessages.status} = 'pending' and ${outboxMessages.attempts} > 0)::int`,
      failed: sql<number>`count(*) filter (where ${outboxMessages.status} = 'failed')::int`,
    })
    .from(outboxMessages);
  return row ?? { pending: 0, retrying: 0, failed: 0 };
}
