import {
  deleteWebhookEndpoint,
  findWebhookDelivery,
  findWebhookEndpoint,
  insertWebhookEndpoint,
  listWebhookDeliveries,
  listWebhookEndpoints,
  requeueWebhookDelivery,
  rotateWebhookSecret,
  updateWebhookEndpoint,
  type WebhookEndpointRow,
} from "@clinic/db";
import {
  WEBHOOK_SECRET_OVERLAP_HOURS,
  type WebhookEndpointFields,
  webhookUrlProblem,
} from "@clinic/domain";
import { audit, changedFields, createdFields, deletedFields } from "../audit/audit.js";
import type { AppContext, StaffContext } from "../context.js";
import { ConflictError, FieldError, NotFoundError } from "../errors.js";
import { queueWebhookEvent } from "./webhook-events.js";
import { newWebhookSecret, openWebhookSecret, sealWebhookSecret } from "./webhook-secrets.js";

// The owner's Webhooks page (issue 15, decision 032): endpoints, their secrets and their log.

const NOT_FOUND = "We couldn't find that webhook endpoint";
const LOG_SIZE = 50;

function targetPolicy(ctx: AppContext) {
  return { allowPrivate: ctx.webhookTargets?.allowPrivate ?? false };
}

/** An endpoint as the admin shows it: never its secrets, only whether a rotation is under way. */
function publicEndpoint(row: WebhookEndpointRow, now: Date) {
  const overlapping =
    row.previousSecret !== null &&
    row.previousSecretExpiresAt !== null &&
    row.previousSecretExpiresAt.getTime() > now.getTime();
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    events: row.events,
    enabled: row.enabled,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    /** While set, deliveries are signed with the old secret too. */
    previousSecretValidUntil: overlapping ? row.previousSecretExpiresAt : null,
  };
}

function requireTarget(ctx: AppContext, url: string) {
  const problem = webhookUrlProblem(url, targetPolicy(ctx));
  if (problem) throw new FieldError("url", problem);
}

async function requireEndpoint(ctx: AppContext, id: string) {
  const row = await findWebhookEndpoint(ctx.db, id);
  if (!row) throw new NotFoundError(NOT_FOUND);
  return row;
}

export async function webhookEndpointList(ctx: StaffContext) {
  const now = ctx.now();
  const rows = await listWebhookEndpoints(ctx.db);
  return rows.map((row) => ({
    ...publicEndpoint(row, now),
    pending: row.pending,
    failed: row.failed,
    lastDeliveredAt: row.lastDeliveredAt,
  }));
}

/** One endpoint with its 50 newest deliveries (status code, time taken, answer, attempts, next try). */
export async function webhookEndpointDetail(ctx: StaffContext, id: string) {
  const row = await requireEndpoint(ctx, id);
  const deliveries = await listWebhookDeliveries(ctx.db, id, { limit: LOG_SIZE });
  return {
    endpoint: publicEndpoint(row, ctx.now()),
    deliveries: deliveries.map((d) => ({
      id: d.id,
      eventId: d.eventId,
      eventType: d.eventType,
      test: d.test,
      status: d.status,
      attempts: d.attempts,
      createdAt: d.createdAt,
      lastAttemptAt: d.lastAttemptAt,
      nextAttemptAt: d.status === "pending" ? d.sendAfter : null,
      statusCode: d.lastStatusCode,
      durationMs: d.lastDurationMs,
      response: d.lastResponse,
      error: d.lastError,
      deliveredAt: d.deliveredAt,
    })),
  };
}

/** Registers an endpoint; answers with its signing secret, the only time it is shown. */
export async function createWebhookEndpoint(ctx: StaffContext, input: WebhookEndpointFields) {
  requireTarget(ctx, input.url);
  const secret = newWebhookSecret();
  const row = await ctx.db.transaction(async (tx) => {
    const created = await insertWebhookEndpoint(tx, {
      ...input,
      secret: sealWebhookSecret(secret, ctx.appSecret),
      now: ctx.now(),
    });
    await audit(tx, ctx, {
      action: "webhook_endpoint.create",
      entityId: created.id,
      changes: createdFields({
        url: input.url,
        description: input.description,
        events: input.events,
        enabled: input.enabled,
      }),
    });
    return created;
  });
  ctx.logger.info("webhook endpoint created", { endpointId: row.id });
  return { endpoint: publicEndpoint(row, ctx.now()), secret };
}

export async function updateWebhookEndpointFields(
  ctx: StaffContext,
  input: WebhookEndpointFields & { id: string },
) {
  const { id, ...fields } = input;
  requireTarget(ctx, fields.url);
  const row = await ctx.db.transaction(async (tx) => {
    const before = await findWebhookEndpoint(tx, id, { lock: true });
    if (!before) throw new NotFoundError(NOT_FOUND);
    const after = (await updateWebhookEndpoint(tx, id, fields))!;
    const pick = (r: WebhookEndpointRow) => ({
      url: r.url,
      description: r.description,
      events: [...r.events].sort(),
      enabled: r.enabled,
    });
    const changes = changedFields(pick(before), pick(after));
    if (Object.keys(changes).length > 0) {
      await audit(tx, ctx, { action: "webhook_endpoint.update", entityId: id, changes });
    }
    return after;
  });
  return publicEndpoint(row, ctx.now());
}

export async function deleteWebhookEndpointById(ctx: StaffContext, id: string) {
  await ctx.db.transaction(async (tx) => {
    const before = await findWebhookEndpoint(tx, id, { lock: true });
    if (!before) throw new NotFoundError(NOT_FOUND);
    await deleteWebhookEndpoint(tx, id);
    await audit(tx, ctx, {
      action: "webhook_endpoint.delete",
      entityId: id,
      changes: deletedFields({ url: before.url, description: before.description }),
    });
  });
  return { id };
}

/**
 * A new signing secret, shown once; the old one keeps signing for 24 hours beside it so the
 * receiver can switch over, then is dropped. Rotating again during an overlap drops the
 * oldest at once (two secrets at most).
 */
export async function rotateWebhookEndpointSecret(ctx: StaffContext, id: string) {
  const secret = newWebhookSecret();
  const now = ctx.now();
  const previousUntil = new Date(now.getTime() + WEBHOOK_SECRET_OVERLAP_HOURS * 3_600_000);
  const row = await ctx.db.transaction(async (tx) => {
    const before = await findWebhookEndpoint(tx, id, { lock: true });
    if (!before) throw new NotFoundError(NOT_FOUND);
    // Still readable with this APP_SECRET: the overlap would otherwise sign with garbage.
    openWebhookSecret(before.secret, ctx.appSecret);
    const rotated = (await rotateWebhookSecret(tx, id, {
      secret: sealWebhookSecret(secret, ctx.appSecret),
      previousSecret: before.secret,
      previousUntil,
    }))!;
    await audit(tx, ctx, {
      action: "webhook_endpoint.rotate_secret",
      entityId: id,
      changes: { previousSecretValidUntil: { from: null, to: previousUntil } },
    });
    return rotated;
  });
  ctx.logger.info("webhook secret rotated", { endpointId: id });
  return { endpoint: publicEndpoint(row, now), secret, previousSecretValidUntil: previousUntil };
}

/**
 * Queues a test event for this endpoint alone (paused or not, subscribed or not): a
 * `booking.created` with `test: true` and made-up data, delivered and logged like any other.
 */
export async function sendWebhookTestEvent(ctx: StaffContext, id: string) {
  const now = ctx.now();
  const start = new Date(Math.ceil(now.getTime() / 3_600_000) * 3_600_000 + 24 * 3_600_000);
  const event = await ctx.db.transaction(async (tx) => {
    const endpoint = await findWebhookEndpoint(tx, id, { lock: true });
    if (!endpoint) throw new NotFoundError(NOT_FOUND);
    const queued = await queueWebhookEvent(
      tx,
      {
        type: "booking.created",
        test: true,
        data: {
          booking: {
            id: "00000000-0000-4000-8000-000000000001",
            status: "confirmed",
            startsAt: start.toISOString(),
            endsAt: new Date(start.getTime() + 30 * 60_000).toISOString(),
            service: { id: "00000000-0000-4000-8000-000000000002", name: "Test service" },
            practitioner: { id: "00000000-0000-4000-8000-000000000003", name: "Test practitioner" },
            patient: {
              id: "00000000-0000-4000-8000-000000000004",
              name: "Test Patient",
              email: "test.patient@example.com",
              phone: null,
            },
          },
        },
      },
      now,
      { endpointId: id },
    );
    await audit(tx, ctx, {
      action: "webhook_endpoint.send_test",
      entityId: id,
      changes: { eventId: { from: null, to: queued.id } },
    });
    return queued;
  });
  return { eventId: event.id };
}

/** Sends a failed delivery again with a fresh count of attempts (CONFLICT unless it failed). */
export async function redeliverWebhook(
  ctx: StaffContext,
  input: { endpointId: string; deliveryId: string },
) {
  await ctx.db.transaction(async (tx) => {
    const delivery = await findWebhookDelivery(tx, input.endpointId, input.deliveryId);
    if (!delivery) throw new NotFoundError("We couldn't find that delivery");
    if (!(await requeueWebhookDelivery(tx, delivery.id, ctx.now()))) {
      throw new ConflictError("Only a failed delivery can be sent again");
    }
    await audit(tx, ctx, {
      action: "webhook_endpoint.redeliver",
      entityId: input.endpointId,
      changes: { deliveryId: { from: null, to: delivery.id } },
    });
  });
  return { id: input.deliveryId };
}
