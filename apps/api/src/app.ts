import type { Database } from "@clinic/db";
import { trpcServer } from "@hono/trpc-server";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { secureHeaders } from "hono/secure-headers";
import { healthRoutes } from "./health.js";
import { consoleLogger, type Logger } from "./logger.js";
import { appRouter } from "./trpc/root.js";

export interface AppDeps {
  db: Database;
  /** Checks the database answers; defaults to a `select 1` through Drizzle. */
  ping?: () => Promise<void>;
  logger?: Logger;
  now?: () => Date;
}

function bearerToken(header: string | undefined): string | null {
  const match = header?.match(/^Bearer ([A-Za-z0-9_-]{20,200})$/);
  return match?.[1] ?? null;
}

export function createApp(deps: AppDeps) {
  const logger = deps.logger ?? consoleLogger;
  const now = deps.now ?? (() => new Date());
  const ping = deps.ping ?? (async () => void (await deps.db.execute("select 1")));

  const app = new Hono();
  app.use(secureHeaders());
  app.route("/", healthRoutes({ ping, logger }));
  app.use(
    "/trpc/*",
    bodyLimit({
      maxSize: 256 * 1024,
      onError: (c) => c.json({ error: { message: "Request body is too large" } }, 413),
    }),
    trpcServer({
      endpoint: "/trpc",
      router: appRouter,
      createContext: (_opts, c) => ({
        db: deps.db,
        logger,
        now,
        sessionToken: bearerToken(c.req.header("authorization")),
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
