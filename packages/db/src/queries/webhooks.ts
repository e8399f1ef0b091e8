import { randomUUID } from "node:crypto";
import { and, asc, desc, eq, inArray, isNotNull, lt, lte, or, type SQL, sql } from "drizzle-orm";
import type { Database, Executor } from "../database.js";
import { webhookDeliveries, webhookEndpoints, webhookEvents } from "../schema.js";
import { type OutboxRetryPolicy, outboxBackoffMs } from "./outbox.js";

export type WebhookEndpointRow = typeof webhookEndpoints.$inferSelect;
export type WebhookDeliveryRow = typeof webhookDeliveries.$inferSelect;

export interface WebhookEndpointValues {
  url: string;
  description: string;
  events: string[];
  enabled: boolean;
}

export async function insertWebhookEndpoint(
  db: Executor,
  values: WebhookEndpointValues & { secret: string; now: Date },
): Promise<WebhookEndpointRow> {
  const { now, ...rest } = values;
  const [row] = await db
    .insert(webhookEndpoints)
    .values({ ...rest, createdAt: now, updatedAt: now })
    .returning();
  return row!;
}

export async function updateWebhookEndpoint(
  db: Executor,
  id: string,
  values: WebhookEndpointValues,
): Promise<WebhookEndpointRow | undefined> {
  const [row] = await db
    .update(webhookEndpoints)
    .set(values)
    .where(eq(webhookEndpoints.id, id))
    .returning();
  return row;
}

/** Deletes an endpoint with its deliveries; returns whether it existed. */
export async function deleteWebhookEndpoint(db: Executor, id: string): Promise<boolean> {
  const deleted = await db
    .delete(webhookEndpoints)
    .where(eq(webhookEndpoints.id, id))
    .returning({ id: webhookEndpoints.id });
  return deleted.length > 0;
}

/** One endpoint; `lock` holds the row for the rest of the transaction. */
export async function findWebhookEndpoint(
  db: Executor,
  id: string,
  options: { lock?: boolean } = {},
): Promise<WebhookEndpointRow | undefined> {
  const query = db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, id));
  const [row] = options.lock ? await query.for("update") : await query;
  return row;
}

export interface WebhookEndpointSummary extends WebhookEndpointRow {
  /** Deliveries waiting (first try or a retry) and given up on. */
  pending: number;
  failed: number;
  lastDeliveredAt: Date | null;
}

/** Every endpoint, oldest first, with its queue at a glance. */
export async function listWebhookEndpoints(db: Executor): Promise<WebhookEndpointSummary[]> {
  const rows = await db
    .select({
      endpoint: webhookEndpoints,
      pending: sql<number>`(select count(*)::int from ${webhookDeliveries} d where d.endpoint_id = ${webhookEndpoints.id} and d.status = 'pending')`,
      failed: sql<number>`(select count(*)::int from ${webhookDeliveries} d where d.endpoint_id = ${webhookEndpoints.id} and d.status = 'failed')`,
      lastDeliveredAt: sql<Date | null>`(select max(d.delivered_at) from ${webhookDeliveries} d where d.endpoint_id = ${webhookEndpoints.id})`,
    })
    .from(webhookEndpoints)
    .orderBy(asc(webhookEndpoints.createdAt), asc(webhookEndpoints.id));
  return rows.map((row) => ({
    ...row.endpoint,
    pending: Number(row.pending),
    failed: Number(row.failed),
    lastDeliveredAt: row.lastDeliveredAt ? new Date(row.lastDeliveredAt) : null,
  }));
}

/** Puts a new secret in place; the one it replaces keeps signing until `previousUntil`. */
export async function rotateWebhookSecret(
  db: Executor,
  id: string,
  values: { secret: string; previousSecret: string; previousUntil: Date },
): Promise<WebhookEndpointRow | undefined> {
  const [row] = await db
    .update(webhookEndpoints)
    .set({
      secret: values.secret,
      previousSecret: values.previousSecret,
      previousSecretExpiresAt: values.previousUntil,
    })
    .where(eq(webhookEndpoints.id, id))
    .returning();
  return row;
}

/** Forgets previous secrets whose overlap has ended; returns how many. */
export async function dropExpiredWebhookSecrets(db: Executor, now: Date): Promise<number> {
  const updated = await db
    .update(webhookEndpoints)
    .set({ previousSecret: null, previousSecretExpiresAt: null })
    .where(
      and(
        isNotNull(webhookEndpoints.previousSecret),
        lte(webhookEndpoints.previousSecretExpiresAt, now),
      ),
    )
    .returning({ id: webhookEndpoints.id });
  return updated.length;
}

/**
 * Deletes the events (and their deliveries) about these bookings or matching `mentions`: a
 * patient's erasure (decision 018) takes the copies of their details webhooks hold.
 */
export async function deleteWebhookEventsAbout(
  db: Executor,
  about: { bookingIds: string[]; mentions: SQL | undefined },
): Promise<number> {
  const byBooking =
    about.bookingIds.length > 0
      ? inArray(sql`${webhookEvents.payload}->'data'->'booking'->>'id'`, about.bookingIds)
      : undefined;
  const where = or(byBooking, about.mentions);
  if (!where) return 0;
  const deleted = await db.delete(webhookEvents).where(where).returning({ id: webhookEvents.id });
  return deleted.length;
}

/**
 * Deletes events written before `before` whose deliveries are all finished (delivered or
 * failed), with their log: housekeeping keeps webhook copies of patients' details only as
 * long as the clinic keeps sent emails' bodies.
 */
export async function deleteFinishedWebhookEvents(db: Executor, before: Date): Promise<number> {
  const deleted = await db
    .delete(webhookEvents)
    .where(
      and(
        lt(webhookEvents.createdAt, before),
        sql`not exists (select 1 from ${webhookDeliveries} d where d.event_id = ${webhookEvents.id} and d.status = 'pending')`,
      ),
    )
    .returning({ id: webhookEvents.id });
  return deleted.length;
}

/** A fresh event id (`evt_` and 32 hex digits): what receivers de-duplicate on. */
export function newWebhookEventId(): string {
  return `evt_${randomUUID().replaceAll("-", "")}`;
}

/**
 * Writes an event and one delivery per enabled endpoint subscribed to its type (or only to
 * `endpointId`, enabled or not: a test event). Call it in the transaction of the change it
 * reports, so an event exists exactly when the change does. Writes nothing when no endpoint
 * is to receive it; returns how many deliveries it queued.
 */
export async function recordWebhookEvent(
  db: Executor,
  event: { id: string; type: string; payload: Record<string, unknown>; createdAt: Date },
  options: { endpointId?: string } = {},
): Promise<number> {
  const targets = await db
    .select({ id: webhookEndpoints.id })
    .from(webhookEndpoints)
    .where(
      options.endpointId
        ? eq(webhookEndpoints.id, options.endpointId)
        : and(
            eq(webhookEndpoints.enabled, true),
            sql`${webhookEndpoints.events} @> ${JSON.stringify([event.type])}::jsonb`,
          ),
    );
  if (targets.length === 0) return 0;
  await db.insert(webhookEvents).values(event);
  await db.insert(webhookDeliveries).values(
    targets.map((target) => ({
      endpointId: target.id,
      eventId: event.id,
      sendAfter: event.createdAt,
      createdAt: event.createdAt,
    })),
  );
  return targets.length;
}

export interface WebhookDeliveryLogEntry extends WebhookDeliveryRow {
  eventType: string;
  test: boolean;
}

/** An endpoint's deliveries, newest first: the delivery log. */
export async function listWebhookDeliveries(
  db: Executor,
  endpointId: string,
  options: { limit: number },
): Promise<WebhookDeliveryLogEntry[]> {
  const rows = await db
    .select({
      delivery: webhookDeliveries,
      eventType: webhookEvents.type,
      test: sql<boolean>`coalesce((${webhookEvents.payload}->>'test')::boolean, false)`,
    })
    .from(webhookDeliveries)
    .innerJoin(webhookEvents, eq(webhookEvents.id, webhookDeliveries.eventId))
    .where(eq(webhookDeliveries.endpointId, endpointId))
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(options.limit);
  return rows.map((row) => ({ ...row.delivery, eventType: row.eventType, test: row.test }));
}

/** One delivery of an endpoint, or undefined. */
export async function findWebhookDelivery(
  db: Executor,
  endpointId: string,
  id: string,
): Promise<WebhookDeliveryRow | undefined> {
  const [row] = await db
    .select()
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.id, id), eq(webhookDeliveries.endpointId, endpointId)));
  return row;
}

/** Queues a failed delivery again, due at `now`, with a fresh count; false unless it failed. */
export async function requeueWebhookDelivery(
  db: Executor,
  id: string,
  now: Date,
): Promise<boolean> {
  const updated = await db
    .update(webhookDeliveries)
    .set({ status: "pending", attempts: 0, sendAfter: now })
    .where(and(eq(webhookDeliveries.id, id), eq(webhookDeliveries.status, "failed")))
    .returning({ id: webhookDeliveries.id });
  return updated.length > 0;
}

export const defaultWebhookRetryPolicy: OutboxRetryPolicy = {
  maxAttempts: 10,
  baseDelayMs: 30_000,
  maxDelayMs: 6 * 60 * 60_000,
  // Sends time out after 10 s; a worker that dies mid-send frees the row after a minute.
  leaseMs: 60_000,
};

export interface ClaimedWebhookDelivery {
  id: string;
  attempts: number;
  endpoint: Pick<
    WebhookEndpointRow,
    "id" | "url" | "secret" | "previousSecret" | "previousSecretExpiresAt"
  >;
  event: { id: string; type: string; payload: Record<string, unknown> };
}

/**
 * Claims up to `limit` due deliveries for this worker as the email outbox claims messages
 * (`claimDueMessages`): due rows picked with `FOR UPDATE SKIP LOCKED`, the attempt counted
 * and `sendAfter` pushed out by the lease in one short transaction, so any number of
 * instances deliver each once; the HTTP request happens outside it.
 */
export async function claimDueWebhookDeliveries(
  db: Database,
  options: { now: Date; limit: number; leaseMs?: number },
): Promise<ClaimedWebhookDelivery[]> {
  const leaseMs = options.leaseMs ?? defaultWebhookRetryPolicy.leaseMs;
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: webhookDeliveries.id })
      .from(webhookDeliveries)
      .where(
        and(eq(webhookDeliveries.status, "pending"), lte(webhookDeliveries.sendAfter, options.now)),
      )
      .orderBy(asc(webhookDeliveries.sendAfter), asc(webhookDeliveries.id))
      .limit(options.limit)
      .for("update", { skipLocked: true });
    if (due.length === 0) return [];
    const ids = due.map((row) => row.id);
    await tx
      .update(webhookDeliveries)
      .set({
        attempts: sql`${webhookDeliveries.attempts} + 1`,
        sendAfter: new Date(options.now.getTime() + leaseMs),
        lastAttemptAt: options.now,
      })
      .where(inArray(webhookDeliveries.id, ids));
    const rows = await tx
      .select({
        id: webhookDeliveries.id,
        attempts: webhookDeliveries.attempts,
        endpoint: {
          id: webhookEndpoints.id,
          url: webhookEndpoints.url,
          secret: webhookEndpoints.secret,
          previousSecret: webhookEndpoints.previousSecret,
          previousSecretExpiresAt: webhookEndpoints.previousSecretExpiresAt,
        },
        event: { id: webhookEvents.id, type: webhookEvents.type, payload: webhookEvents.payload },
      })
      .from(webhookDeliveries)
      .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
      .innerJoin(webhookEvents, eq(webhookEvents.id, webhookDeliveries.eventId))
      .where(inArray(webhookDeliveries.id, ids));
    const order = new Map(ids.map((id, index) => [id, index]));
    return rows.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  });
}

/** What one HTTP attempt came to, for the log. */
export interface WebhookAttemptOutcome {
  statusCode: number | null;
  durationMs: number;
  response: string | null;
  /** Why it counts as a failure; null for a 2xx answer. */
  error: string | null;
}

/**
 * Records an attempt: delivered on success; otherwise retried after the outbox's exponential
 * backoff, or `failed` after `maxAttempts`. Guarded by the attempt count the claim set, so a
 * worker whose lease ran out can't overwrite a newer claim ("stale").
 */
export async function recordWebhookAttempt(
  db: Executor,
  claimed: Pick<ClaimedWebhookDelivery, "id" | "attempts">,
  outcome: WebhookAttemptOutcome,
  now: Date,
  policy: OutboxRetryPolicy = defaultWebhookRetryPolicy,
): Promise<"delivered" | "retry" | "failed" | "stale"> {
  const result: "delivered" | "retry" | "failed" =
    outcome.error === null
      ? "delivered"
      : claimed.attempts >= policy.maxAttempts
        ? "failed"
        : "retry";
  const logged = {
    lastStatusCode: outcome.statusCode,
    lastDurationMs: outcome.durationMs,
    lastResponse: outcome.response,
    lastError: outcome.error?.slice(0, 500) ?? null,
  };
  const updated = await db
    .update(webhookDeliveries)
    .set(
      result === "delivered"
        ? { ...logged, status: "delivered", deliveredAt: now }
        : result === "failed"
          ? { ...logged, status: "failed" }
          : {
              ...logged,
              sendAfter: new Date(now.getTime() + outboxBackoffMs(claimed.attempts, policy)),
            },
    )
    .where(
      and(
        eq(webhookDeliveries.id, claimed.id),
        eq(webhookDeliveries.attempts, claimed.attempts),
        eq(webhookDeliveries.status, "pending"),
      ),
    )
    .returning({ id: webhookDeliveries.id });
  return updated.length === 0 ? "stale" : result;
}
