import type { Database } from "@clinic/db";
import { trpcServer } from "@hono/trpc-server";
import { type Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { secureHeaders } from "hono/secure-headers";
import { calendarRoutes } from "./calendar/routes.js";
import { healthRoutes } from "./health.js";
import { consoleLogger, type Logger } from "./logger.js";
import { appRouter } from "./trpc/root.js";
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
}

// Only for development and tests; server.ts requires a real secret in production.
export const DEV_APP_SECRET = "dev-only-app-secret-never-use-in-production";

function bearerToken(header: string | undefined): string | null {
  const match = header?.match(/^Bearer ([A-Za-z0-9_-]{20,200})$/);
  return match?.[1] ?? null;
}

/**
 * The visitor's address: the first `X-Forwarded-For` hop (set by the Remix
 * sites, which call the API server-side), else the connection's own.
 * The API is meant to sit behind the sites or a proxy that sets the header.
 */
function clientIp(c: Context): string {
  const forwarded = c.req.header("x-forwarded-for")?.split(",")[0]?.trim();
  if (forwarded) return forwarded.slice(0, 64);
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)
    ?.incoming;
  return incoming?.socket?.remoteAddress ?? "unknown";
}

const tooLarge = (c: Context) => c.json({ error: { message: "Request body is too large" } }, 413);
const bodyLimitDefault = bodyLimit({ maxSize: 256 * 1024, onError: tooLarge });
// A 2 MB photo is about 2.7 MB as base64 in JSON.
const PHOTO_UPLOAD_PATH = "/trpc/practitioners.uploadPhoto";
const photoBodyLimit = bodyLimit({ maxSize: 3 * 1024 * 1024, onError: tooLarge });

/** The most calls one batched tRPC request may carry. */
export const MAX_BATCH_SIZE = 20;

export function createApp(deps: AppDeps) {
  const logger = deps.logger ?? consoleLogger;
  const now = deps.now ?? (() => new Date());
  const ping = deps.ping ?? (async () => void (await deps.db.execute("select 1")));

  const uploadDir = deps.uploadDir ?? defaultUploadDir;

  const app = new Hono();
  // Before secureHeaders: uploaded images set their own headers (shown by sites on other origins).
  app.route("/", uploadRoutes({ uploadDir }));
  app.use(secureHeaders());
  app.route("/", healthRoutes({ ping, logger }));
  app.route("/", calendarRoutes({ db: deps.db, now }));
  app.use(
    "/trpc/*",
    (c, next) => (c.req.path === PHOTO_UPLOAD_PATH ? photoBodyLimit : bodyLimitDefault)(c, next),
    trpcServer({
      endpoint: "/trpc",
      router: appRouter,
      // One request may not buy unbounded work: a batch of thousands of calls ran each one (400
      // above this). The sites' client splits its batches at the same size (api-client maxItems).
      maxBatchSize: MAX_BATCH_SIZE,
      createContext: (_opts, c) => ({
        db: deps.db,
        logger,
        now,
        sessionToken: bearerToken(c.req.header("authorization")),
        webUrl: deps.webUrl ?? "http://localhost:3000",
        appSecret: deps.appSecret ?? DEV_APP_SECRET,
        clientIp: clientIp(c),
        uploadDir,
      }),
      onError: ({ error, path }) => {
        if (error.code === "INTERNAL_SERVER_ERROR") {
          logger.error("procedure failed", { path, error: error.message, stack: error.stack });
        }
      },
    }),
  );

  app.notFound((c) => c.json({ error: { message: "Not found" } }, 404));
  app.onError((error, c) => {
    logger.error("request failed", { path: c.req.path, error: error.message, stack: error.stack });
    return c.json(
      { error: { message: "Something went wrong on our side. Please try again." } },
      500,
    );
  });
  return app;
}

export type App = ReturnType<typeof createApp>;
