import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { REQUEST_ID_HEADER, requestIdFrom, withRequestId } from "@clinic/logger";
import { serve } from "@hono/node-server";
import { getConnInfo } from "@hono/node-server/conninfo";
import { serveStatic } from "@hono/node-server/serve-static";
import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import { Hono } from "hono";
import { compress } from "hono/compress";
import { crossSiteSubmissionForRemix } from "./app/server/csrf.server";
// Parsed on import: a bad variable stops start-up here, naming it, before the build loads.
import { env } from "./app/server/env.server";
import { logger } from "./app/server/logger.server";

/**
 * The production server for the built admin app, in place of `remix-serve`, so that:
 * - a cross-site form post reaches the action's origin check and gets the 403 page, where
 *   Remix's own check would answer 500 with an empty body (`crossSiteSubmissionForRemix`);
 * - static files carry nosniff like every page, and requests are logged through the redacting
 *   logger (path, status and time; never the query string, which may hold a redirect target).
 */
// Like remix-serve, the build is found from the working directory (the package when started by
// `pnpm start`), as is the static root below.
const buildUrl = pathToFileURL(resolve("build/server/index.js")).href;
const build = (await import(buildUrl)) as ServerBuild;
const handleRequest = createRequestHandler(build, env.nodeEnv);

const app = new Hono();
// Each request gets an id here; its log lines and its calls to the API carry it.
app.use(async (c, next) => {
  const requestId = requestIdFrom(null);
  await withRequestId(requestId, next);
  c.res.headers.set(REQUEST_ID_HEADER, requestId);
});
app.use(compress());
app.use(async (c, next) => {
  await next();
  c.res.headers.set("X-Content-Type-Options", "nosniff");
});
app.use(async (c, next) => {
  const started = performance.now();
  await next();
  logger.info("request", {
    method: c.req.method,
    path: new URL(c.req.url).pathname,
    status: c.res.status,
    ms: Math.round(performance.now() - started),
  });
});
// Fingerprinted assets never change; everything else in build/client (favicon…) briefly cached.
app.use(
  "/assets/*",
  serveStatic({
    root: "./build/client",
    onFound: (_path, c) => c.header("Cache-Control", "public, max-age=31536000, immutable"),
  }),
);
app.use(
  "*",
  serveStatic({
    root: "./build/client",
    onFound: (_path, c) => c.header("Cache-Control", "public, max-age=3600"),
  }),
);
// The connection's address reaches sign-in, which forwards it to the API's per-address limits.
app.all("*", (c) =>
  handleRequest(crossSiteSubmissionForRemix(c.req.raw), {
    clientAddress: getConnInfo(c).remote.address ?? null,
  }),
);

const server = serve({ fetch: app.fetch, port: env.port, hostname: env.host }, (info) => {
  logger.info("admin listening", { url: `http://${env.host ?? "localhost"}:${info.port}` });
});

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, () => {
    server.close(() => process.exit(0));
    // Streams that never end must not hold the process open.
    setTimeout(() => process.exit(0), 5_000).unref();
  });
}
