import type { Database } from "@clinic/db";
import {
  compileTrustedProxies,
  DEFAULT_TRUSTED_PROXIES,
  resolveClientAddress,
  type TrustedProxies,
} from "@clinic/env/trusted-proxies";
import { REQUEST_ID_HEADER, requestIdFrom, withRequestId } from "@clinic/logger";
import { trpcServer } from "@hono/trpc-server";
import { type Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { secureHeaders } from "hono/secure-headers";
import { tooLarge } from "./body-limit.js";
import { type ChangeFeed, localChangeFeed } from "./cache/change-feed.js";
import { contentVersionRoutes } from "./cache/content-version.js";
import { type AnswerWindow, PublicCache } from "./cache/public-cache.js";
import { sharedAnswers } from "./cache/shared-answers.js";
import { calendarRoutes } from "./calendar/routes.js";
import { AppError } from "./errors.js";
import { failureFields } from "./failure-log.js";
import { healthRoutes } from "./health.js";
import { apiLogger, type Logger } from "./logger.js";
import { createMetrics, metricsRoutes, type PoolStats } from "./metrics/metrics.js";
import {
  PATIENT_SESSION_HEADER,
  patientSessionTokenFrom,
} from "./patient-access/patient-sessions.js";
import { restApiRoutes } from "./rest/rest-api.js";
import { smsInboundRoutes } from "./sms/inbound-routes.js";
import type { SmsSetup } from "./sms/sms-config.js";
import { appRouter, isPublicRead } from "./trpc/root.js";
import type { Context as TrpcContext } from "./trpc/trpc.js";
import { diskImageStore, type ImageStore } from "./uploads/image-store.js";
import { defaultUploadDir, uploadRoutes } from "./uploads/photos.js";

export interface AppDeps {
  db: Database;
  /** Checks the database answers; defaults to a `select 1` through Drizzle. */
  ping?: () => Promise<void>;
  logger?: Logger;
  now?: () => Date;
  /** The public site's address, for links in emails (default http://localhost:3000). */
  webUrl?: string;
  /** Server secret that booking manage tokens and sender hashes are derived from. */
  appSecret?: string;
  /** Where uploaded images are stored and served from (default `.data/uploads` at the repo root). */
  uploadDir?: string;
  /** The image store (an S3-compatible bucket when configured); default: files in `uploadDir`. */
  imageStore?: ImageStore;
  /** Peers whose X-Forwarded-For is believed (TRUSTED_PROXIES); default loopback only. */
  trustedProxies?: TrustedProxies;
  /** Whether emails stay in the outbox (no SMTP server), so owners may read them there. */
  devMailbox?: boolean;
  /** The bearer token `/metrics` asks for (METRICS_TOKEN); without one the route is off. */
  metricsToken?: string;
  /** The PostgreSQL pool's connections, for `/metrics`. */
  poolStats?: () => PoolStats | null;
  /**
   * How this instance hears of changes made by others (PostgreSQL: `postgresChangeFeed`);
   * default: none to hear, as on PGlite. Public reads are cached against it (decision 015).
   */
  feed?: ChangeFeed;
  /** The public read cache, when the caller also tells it of changes made outside requests. */
  cache?: PublicCache;
  /** Let webhook endpoints be on private networks and plain http (WEBHOOKS_ALLOW_PRIVATE_TARGETS). */
  allowPrivateWebhookTargets?: boolean;
  /** The SMS provider (SMS_* variables); without one no texts are queued and replies are 404. */
  sms?: SmsSetup | null;
  /** How long a waitlist offer stays claimable (WAITLIST_OFFER_HOURS); default 12 hours. */
  waitlistOfferHours?: number;
}

// Only for development and tests; server.ts requires a real secret in production.
export const DEV_APP_SECRET = "dev-only-app-secret-never-use-in-production";

function bearerToken(header: string | undefined): string | null {
  const match = header?.match(/^Bearer ([A-Za-z0-9_-]{20,200})$/);
  return match?.[1] ?? null;
}

/** The connection's peer as @hono/node-server passes it (what its `getConnInfo` reads); none in process. */
function socketAddress(c: Context): string | undefined {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress;
}

/**
 * The visitor's address, for per-address limits: X-Forwarded-For is read only when the
 * connection comes from a trusted proxy (the sites, a load balancer), and then its rightmost
 * hop that isn't one; otherwise the connection's own address. See decision 009.
 */
function client(c: Context, trust: TrustedProxies) {
  const clientIp =
    resolveClientAddress(socketAddress(c), c.req.header("x-forwarded-for"), trust) ?? "unknown";
  return { clientIp, clientIsTrustedProxy: trust(clientIp, 0) };
}

const bodyLimitDefault = bodyLimit({ maxSize: 256 * 1024, onError: tooLarge });
// An 8 MB image is about 10.7 MB as base64 in JSON.
const IMAGE_UPLOAD_PATHS = new Set(["/trpc/practitioners.uploadPhoto", "/trpc/posts.uploadCover"]);
const imageBodyLimit = bodyLimit({ maxSize: 11 * 1024 * 1024, onError: tooLarge });

/** The most calls one batched tRPC request may carry. */
export const MAX_BATCH_SIZE = 20;

export function createApp(deps: AppDeps) {
  const logger = deps.logger ?? apiLogger;
  const now = deps.now ?? (() => new Date());
  const ping = deps.ping ?? (async () => void (await deps.db.execute("select 1")));

  const images = deps.imageStore ?? diskImageStore(deps.uploadDir ?? defaultUploadDir);
  const trustedProxies = deps.trustedProxies ?? compileTrustedProxies(DEFAULT_TRUSTED_PROXIES);
  const cache = deps.cache ?? new PublicCache({ feed: deps.feed ?? localChangeFeed(), logger });

  const metrics = createMetrics({ db: deps.db, poolStats: deps.poolStats });

  /** A request's procedure context (for /trpc, and the REST routes that call the same procedures). */
  const contextFor = (c: Context): TrpcContext => ({
    db: deps.db,
    logger,
    now,
    sessionToken: bearerToken(c.req.header("authorization")),
    patientSessionToken: patientSessionTokenFrom(c.req.header(PATIENT_SESSION_HEADER)),
    webUrl: deps.webUrl ?? "http://localhost:3000",
    appSecret: deps.appSecret ?? DEV_APP_SECRET,
    ...client(c, trustedProxies),
    images,
    devMailbox: deps.devMailbox ?? false,
    webhookTargets: { allowPrivate: deps.allowPrivateWebhookTargets ?? false },
    sms: deps.sms ? { from: deps.sms.provider.from } : null,
    waitlistOfferHours: deps.waitlistOfferHours,
    metrics,
    cache,
  });

  const app = new Hono();
  // The site's request id (or a new one): every log line written for this request carries it.
  app.use(async (c, next) => {
    const requestId = requestIdFrom(c.req.header(REQUEST_ID_HEADER));
    await withRequestId(requestId, next);
    c.res.headers.set(REQUEST_ID_HEADER, requestId);
  });
  // Before secureHeaders: uploaded images set their own headers (shown by sites on other origins).
  app.route("/", uploadRoutes({ store: images }));
  app.use(secureHeaders());
  app.route("/", healthRoutes({ ping, logger }));
  app.route("/", metricsRoutes({ metrics, token: deps.metricsToken }));
  app.route("/", contentVersionRoutes({ cache }));
  app.route("/", calendarRoutes({ db: deps.db, now }));
  // The REST API, its OpenAPI document and reference page (decision 033).
  app.route("/api", restApiRoutes({ contextFor, logger }));
  app.route("/", smsInboundRoutes({ db: deps.db, now, logger, sms: deps.sms ?? null }));
  app.use(
    "/trpc/*",
    // GET and HEAD carry no body; asking (`c.req.raw.body`) would build the whole fetch
    // Request that @hono/node-server otherwise skips: a quarter of a kept answer's CPU.
    (c, next) =>
      c.req.method === "GET" || c.req.method === "HEAD"
        ? next()
        : (IMAGE_UPLOAD_PATHS.has(c.req.path) ? imageBodyLimit : bodyLimitDefault)(c, next),
    sharedAnswers({
      cache,
      now,
      isPublicRead,
      onServed: (procedure, seconds) => metrics.procedureCalled(procedure, "ok", seconds),
    }),
    trpcServer({
      endpoint: "/trpc",
      router: appRouter,
      // One request may not buy unbounded work: a batch of thousands of calls ran each one (400
      // above this). The sites' client splits its batches at the same size (api-client maxItems).
      maxBatchSize: MAX_BATCH_SIZE,
      createContext: (_opts, c) => ({
        ...contextFor(c),
        answer: c.get("publicAnswer") as AnswerWindow | undefined,
      }),
      // Never the input or the query's parameters: the path, the code and what failed (failureFields).
      onError: ({ error, path }) => {
        const fields = { path, code: error.code, ...failureFields(error.cause ?? error) };
        if (error.code === "INTERNAL_SERVER_ERROR") logger.error("procedure failed", fields);
        // A constraint the error map placed by its SQLSTATE class alone, not one a service expected.
        else if (fields.sqlState && !(error.cause instanceof AppError)) {
          logger.warn("procedure refused by the database", fields);
        }
      },
    }),
  );

  app.notFound((c) => c.json({ error: { message: "Not found" } }, 404));
  app.onError((error, c) => {
    logger.error("request failed", { path: c.req.path, ...failureFields(error) });
    return c.json(
      { error: { message: "Something went wrong on our side. Please try again." } },
      500,
    );
  });
  return app;
}

export type App = ReturnType<typeof createApp>;
