import {
  type ClaimedWebhookDelivery,
  claimDueWebhookDeliveries,
  type Database,
  defaultWebhookRetryPolicy,
  dropExpiredWebhookSecrets,
  type OutboxRetryPolicy,
  recordWebhookAttempt,
  type WebhookAttemptOutcome,
} from "@clinic/db";
import { responseExcerpt, signWebhookBody, WEBHOOK_SIGNATURE_HEADER } from "@clinic/domain";
import { startBackgroundLoop } from "../background-loop.js";
import type { Logger } from "../logger.js";
import { signingSecrets } from "./webhook-secrets.js";
import {
  postWebhook,
  type Resolver,
  type WebhookTargetPolicy,
  WebhookTargetRefused,
} from "./webhook-sender.js";

export interface WebhookWorkerOptions {
  db: Database;
  logger: Logger;
  /** Unseals the endpoints' secrets (decision 032). */
  appSecret: string;
  policy: WebhookTargetPolicy;
  now?: () => Date;
  /** The signature's timestamp: the real clock, which receivers compare theirs with. */
  signedAt?: () => Date;
  resolve?: Resolver;
  retry?: OutboxRetryPolicy;
  timeoutMs?: number;
  intervalMs?: number;
  batchSize?: number;
  autoStart?: boolean;
}

export interface WebhookWorker {
  stop(): Promise<void>;
  /** One pass: delivers what is due and returns how many deliveries it tried. */
  runOnce(): Promise<number>;
}

/**
 * Delivers due webhook deliveries on a timer, like the email outbox worker: passes never
 * overlap, and any number of instances may run at once (the claim hands each row to one).
 * Each claimed delivery is sent at once, side by side, so one slow receiver doesn't hold
 * up the others.
 */
export function startWebhookWorker(options: WebhookWorkerOptions): WebhookWorker {
  const { db, logger } = options;
  const now = options.now ?? (() => new Date());
  const signedAt = options.signedAt ?? (() => new Date());
  const retry = options.retry ?? defaultWebhookRetryPolicy;
  const intervalMs = options.intervalMs ?? 2_000;
  const batchSize = options.batchSize ?? 10;
  let secretsDroppedAt = 0;

  async function attempt(delivery: ClaimedWebhookDelivery): Promise<WebhookAttemptOutcome> {
    const body = JSON.stringify(delivery.event.payload);
    const started = performance.now();
    try {
      const signature = await signWebhookBody(
        body,
        signingSecrets(delivery.endpoint, options.appSecret, now()),
        signedAt(),
      );
      const response = await postWebhook({
        url: delivery.endpoint.url,
        body,
        headers: {
          "content-type": "application/json",
          "user-agent": "ClinicWebhooks/1.0",
          [WEBHOOK_SIGNATURE_HEADER]: signature,
          "Clinic-Event-Id": delivery.event.id,
          "Clinic-Event-Type": delivery.event.type,
        },
        policy: options.policy,
        resolve: options.resolve,
        timeoutMs: options.timeoutMs,
      });
      const ok = response.statusCode >= 200 && response.statusCode < 300;
      return {
        statusCode: response.statusCode,
        durationMs: response.durationMs,
        response: response.body ? responseExcerpt(response.body) : null,
        error: ok
          ? null
          : response.statusCode >= 300 && response.statusCode < 400
            ? `HTTP ${response.statusCode}: redirects are not followed`
            : `HTTP ${response.statusCode}`,
      };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return {
        statusCode: null,
        durationMs: Math.round(performance.now() - started),
        response: null,
        error: error instanceof WebhookTargetRefused ? `Refused: ${message}` : message,
      };
    }
  }

  async function pass(): Promise<number> {
    const started = now();
    if (started.getTime() - secretsDroppedAt >= 60_000) {
      secretsDroppedAt = started.getTime();
      await dropExpiredWebhookSecrets(db, started);
    }
    const claimed = await claimDueWebhookDeliveries(db, {
      now: started,
      limit: batchSize,
      leaseMs: retry.leaseMs,
    });
    await Promise.all(
      claimed.map(async (delivery) => {
        const outcome = await attempt(delivery);
        const result = await recordWebhookAttempt(db, delivery, outcome, now(), retry);
        // Never the URL (it may carry a token) or the answer: ids, codes and the outcome.
        const fields = {
          deliveryId: delivery.id,
          endpointId: delivery.endpoint.id,
          eventId: delivery.event.id,
          type: delivery.event.type,
          attempts: delivery.attempts,
          statusCode: outcome.statusCode,
          durationMs: outcome.durationMs,
          result,
        };
        if (result === "failed")
          logger.error("webhook failed for good", { ...fields, error: outcome.error });
        else if (result === "retry")
          logger.warn("webhook failed; will retry", { ...fields, error: outcome.error });
        else if (result === "delivered") logger.info("webhook delivered", fields);
      }),
    );
    return claimed.length;
  }

  const loop = startBackgroundLoop({
    logger,
    failureMessage: "webhook pass failed",
    pass,
    // A full batch means more may be waiting: go again at once.
    nextDelayMs: (handled) => ((handled ?? 0) >= batchSize ? 0 : intervalMs),
    autoStart: options.autoStart,
  });

  return { runOnce: loop.runOnce, stop: loop.stop };
}
