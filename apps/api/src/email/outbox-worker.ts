import {
  type Database,
  defaultOutboxRetryPolicy,
  getClinicSettings,
  type OutboxRetryPolicy,
  processDueMessages,
} from "@clinic/db";
import { startBackgroundLoop } from "../background-loop.js";
import type { Logger } from "../logger.js";
import type { SmsProvider } from "../sms/sms-provider.js";
import type { MailTransport } from "./transport.js";

export interface OutboxWorkerOptions {
  db: Database;
  transport: MailTransport;
  /** Sends the outbox's texts (channel "sms"); without one they wait, then fail (decision 030). */
  sms?: SmsProvider | null;
  logger: Logger;
  now?: () => Date;
  /** Pause between polls when the last one found less than a full batch; default 5 s. */
  intervalMs?: number;
  batchSize?: number;
  policy?: OutboxRetryPolicy;
  /** Start polling at once (the default); tests that drive `runOnce` themselves turn it off. */
  autoStart?: boolean;
}

export interface OutboxWorker {
  /** Stops polling, waits for a send in progress, and closes the transport. */
  stop(): Promise<void>;
  /** One pass: sends what is due and returns how many messages it tried (sent or not). */
  runOnce(): Promise<number>;
}

/**
 * Sends due outbox messages on a timer. Passes never overlap (a `runOnce`
 * during a pass waits for it), and any number of instances may run against
 * one database: the claim in `processDueMessages` hands each message to one.
 */
export function startOutboxWorker(options: OutboxWorkerOptions): OutboxWorker {
  const { db, transport, logger } = options;
  const now = options.now ?? (() => new Date());
  const intervalMs = options.intervalMs ?? 5_000;
  const batchSize = options.batchSize ?? 20;
  const policy = options.policy ?? defaultOutboxRetryPolicy;

  async function pass(): Promise<number> {
    let sender: { from: { name: string; address: string }; clinicEmail: string } | undefined;
    const result = await processDueMessages(
      db,
      async (message) => {
        if (message.channel === "sms") {
          if (!options.sms) throw new Error("SMS is off: the SMS_ variables are not set");
          await options.sms.send({ id: message.id, to: message.toAddress, body: message.textBody });
          return;
        }
        if (!sender) {
          // The sender is the clinic as it is now, read once per pass.
          const clinic = await getClinicSettings(db);
          sender = {
            from: { name: clinic.emailSenderName, address: clinic.emailSenderAddress },
            clinicEmail: clinic.email,
          };
        }
        // Patients' replies go to the clinic's inbox.
        const toClinic = message.toAddress.toLowerCase() === sender.clinicEmail.toLowerCase();
        await transport.send({
          id: message.id,
          kind: message.kind,
          from: sender.from,
          to: message.toAddress,
          ...(toClinic ? {} : { replyTo: sender.clinicEmail }),
          subject: message.subject,
          text: message.textBody,
          html: message.htmlBody,
          attachments: message.attachments,
        });
      },
      {
        now,
        limit: batchSize,
        policy,
        onError: (message, error, outcome) => {
          // Never the address or number, nor the text: the kind and the error are enough.
          const fields = {
            id: message.id,
            kind: message.kind,
            channel: message.channel,
            attempts: message.attempts,
            error: error instanceof Error ? error.message : String(error),
          };
          const what = message.channel === "sms" ? "text" : "email";
          if (outcome === "failed") logger.error(`${what} failed for good`, fields);
          else logger.warn(`${what} failed; will retry`, fields);
        },
      },
    );
    if (result.sent > 0) logger.info("messages sent", { count: result.sent });
    return result.sent + result.retried + result.failed;
  }

  const loop = startBackgroundLoop({
    logger,
    failureMessage: "outbox pass failed",
    pass,
    // A full batch means more may be waiting: go again at once.
    nextDelayMs: (handled) => ((handled ?? 0) >= batchSize ? 0 : intervalMs),
    autoStart: options.autoStart,
  });

  return {
    runOnce: loop.runOnce,
    async stop() {
      await loop.stop();
      await transport.close?.();
    },
  };
}
