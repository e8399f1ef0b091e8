import { resolve } from "node:path";
import { createDatabase, databaseConfigFrom } from "@clinic/db";
import { defaultBackupDir } from "@clinic/db/backup";
import { DEMO_OWNER_PASSWORD, demoOwnerEmail, seedIfEmpty } from "@clinic/db/seed";
import { orExit } from "@clinic/env";
import { createApp, DEV_APP_SECRET } from "./app.js";
import { type BackupScheduler, startBackupScheduler } from "./backups/scheduled-backups.js";
import { localChangeFeed, postgresChangeFeed } from "./cache/change-feed.js";
import { PublicCache } from "./cache/public-cache.js";
import { loadConfig } from "./config.js";
import { type OutboxWorker, startOutboxWorker } from "./email/outbox-worker.js";
import { devMailbox, smtpTransport } from "./email/transport.js";
import { type Housekeeper, startHousekeeper } from "./housekeeping/housekeeping.js";
import { listen } from "./http-server.js";
import { apiLogger as logger } from "./logger.js";
import { smsSetupFrom } from "./sms/sms-config.js";
import { startupFailure } from "./startup-failure.js";
import { imageStoreFrom } from "./uploads/configured-store.js";
import { defaultUploadDir } from "./uploads/photos.js";
import {
  nudgingFeed,
  startWaitlistMatcher,
  type WaitlistMatcher,
} from "./waitlist/waitlist-matcher.js";
import { startWebhookWorker, type WebhookWorker } from "./webhooks/webhook-worker.js";

const config = orExit(() => loadConfig());
// Texts are off unless the SMS_ provider variables are set (decision 030).
const sms = smsSetupFrom(config);
const dbConfig = databaseConfigFrom(config);
const database = await createDatabase(dbConfig).catch((error: unknown) => {
  // An unreachable database or a newer schema: one line the operator can act on, no stack.
  const line = startupFailure(error, dbConfig);
  if (!line) throw error;
  console.error(line);
  process.exit(1);
});
const ownerPassword = config.SEED_OWNER_PASSWORD ?? DEMO_OWNER_PASSWORD;
if (config.SEED_DEMO_DATA && (await seedIfEmpty(database.db, { ownerPassword }))) {
  logger.info("seeded the demo clinic on an empty database");
}

// Instances sharing one PostgreSQL hear each other's changes to public content (decision 015).
const feed =
  dbConfig.kind === "postgres"
    ? postgresChangeFeed({ url: dbConfig.url, db: database.db, logger })
    : undefined;
// Housekeeping writes outside requests too (retention): it tells the same cache.
// The waitlist matcher hears of every change too: one may have freed a time (decision 028).
let waitlist: WaitlistMatcher | undefined;
const cache = new PublicCache({
  feed: nudgingFeed(feed ?? localChangeFeed(), () => waitlist?.nudge()),
  logger,
});
const app = createApp({
  db: database.db,
  cache,
  ping: database.ping,
  logger,
  webUrl: config.WEB_URL,
  appSecret: config.APP_SECRET,
  uploadDir: config.UPLOAD_DIR ? resolve(config.UPLOAD_DIR) : undefined,
  imageStore: imageStoreFrom(config),
  trustedProxies: config.TRUSTED_PROXIES,
  // Without SMTP the outbox is the mailbox, and owners may read it in the admin app.
  devMailbox: !config.SMTP_URL,
  metricsToken: config.METRICS_TOKEN,
  poolStats: database.poolStats,
  allowPrivateWebhookTargets: config.WEBHOOKS_ALLOW_PRIVATE_TARGETS,
  sms,
  waitlistOfferHours: config.WAITLIST_OFFER_HOURS,
});
let outbox: OutboxWorker | undefined;
let housekeeper: Housekeeper | undefined;
let backups: BackupScheduler | undefined;
let webhooks: WebhookWorker | undefined;
const server = listen({ fetch: app.fetch, hostname: config.HOST, port: config.PORT }, (info) => {
  const where =
    dbConfig.kind === "postgres"
      ? "PostgreSQL (DATABASE_URL)"
      : `PGlite in ${dbConfig.kind === "pglite" ? (dbConfig.dataDir ?? "memory") : "memory"}`;
  logger.info("api listening", { port: info.port, database: where });
  // Emails (and reminders) go out from every instance; the outbox hands each to one.
  outbox = startOutboxWorker({
    db: database.db,
    transport: config.SMTP_URL ? smtpTransport(config.SMTP_URL) : devMailbox(logger),
    sms: sms?.provider ?? null,
    logger,
  });
  // Webhooks go out from every instance too; their outbox hands each delivery to one (decision 032).
  webhooks = startWebhookWorker({
    db: database.db,
    logger,
    appSecret: config.APP_SECRET ?? DEV_APP_SECRET,
    policy: { allowPrivate: config.WEBHOOKS_ALLOW_PRIVATE_TARGETS },
  });
  // Every instance runs housekeeping; a lock lets one do each run (housekeeping/housekeeping.ts).
  housekeeper = startHousekeeper({
    db: database.db,
    logger,
    now: () => new Date(),
    intervalMs: config.HOUSEKEEPING_INTERVAL_MS,
    onPublicChange: () => cache.changed(),
  });
  // Freed times offered to the waitlist; every instance looks, the database lets one offer through.
  waitlist = startWaitlistMatcher({
    db: database.db,
    logger,
    now: () => new Date(),
    webUrl: config.WEB_URL,
    offerHours: config.WAITLIST_OFFER_HOURS,
    intervalMs: config.WAITLIST_MATCH_INTERVAL_MS,
  });
  // Optional; every instance checks, one writes each backup (backups/scheduled-backups.ts).
  if (config.BACKUP_INTERVAL_MS) {
    backups = startBackupScheduler({
      database,
      databaseConfig: dbConfig,
      uploadDir: config.UPLOAD_DIR ? resolve(config.UPLOAD_DIR) : defaultUploadDir,
      backupDir: config.BACKUP_DIR ? resolve(config.BACKUP_DIR) : defaultBackupDir,
      intervalMs: config.BACKUP_INTERVAL_MS,
      keep: config.BACKUP_KEEP,
      logger,
      now: () => new Date(),
    });
  }
  if (!config.SMTP_URL && config.NODE_ENV === "production") {
    logger.warn(
      "SMTP_URL is not set (ALLOW_LOG_MAILER=true): emails stay in the outbox, unsent; owners see them in the admin app's development mailbox",
    );
  }
  if (config.NODE_ENV !== "production") {
    console.log(
      [
        "",
        "  Westside clinic platform is running:",
        `    public site  ${config.WEB_URL}`,
        `    admin app    ${config.ADMIN_URL}`,
        `    API          http://localhost:${info.port}  (health: /healthz, /readyz)`,
        `    REST API     http://localhost:${info.port}/api/docs  (reference; document /api/v1/openapi.json)`,
        "",
        ...(config.SMTP_URL
          ? []
          : [`  Emails:        ${config.ADMIN_URL}/emails (not sent: read them there)`]),
        `  Demo sign-in:  ${demoOwnerEmail} / ${config.SEED_OWNER_PASSWORD ? "(SEED_OWNER_PASSWORD)" : DEMO_OWNER_PASSWORD}`,
        "",
      ].join("\n"),
    );
  }
});

let shuttingDown = false;
async function shutdown(signal: string) {
  if (shuttingDown) return;
  shuttingDown = true;
  logger.info("shutting down", { signal });
  // Stop accepting connections and sending emails, let in-flight work finish, then close the database.
  const timer = setTimeout(() => {
    logger.error("shutdown timed out; exiting");
    process.exit(1);
  }, 10_000);
  timer.unref();
  const outboxStopped = outbox
    ?.stop()
    .catch((error) => logger.error("stopping the outbox worker failed", { error: String(error) }));
  const housekeeperStopped = housekeeper
    ?.stop()
    .catch((error) => logger.error("stopping housekeeping failed", { error: String(error) }));
  const webhooksStopped = webhooks
    ?.stop()
    .catch((error) => logger.error("stopping the webhook worker failed", { error: String(error) }));
  const backupsStopped = backups
    ?.stop()
    .catch((error) => logger.error("stopping backups failed", { error: String(error) }));
  const waitlistStopped = waitlist
    ?.stop()
    .catch((error) =>
      logger.error("stopping the waitlist matcher failed", { error: String(error) }),
    );
  server.close(async () => {
    await outboxStopped;
    await waitlistStopped;
    await housekeeperStopped;
    await backupsStopped;
    await webhooksStopped;
    await feed?.close();
    await database
      .close()
      .catch((error) => logger.error("closing the database failed", { error: String(error) }));
    process.exit(0);
  });
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
