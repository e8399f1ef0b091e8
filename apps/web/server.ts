import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { REQUEST_ID_HEADER, requestIdFrom, requestIdHeaders, withRequestId } from "@clinic/logger";
import { serve } from "@hono/node-server";
import { getConnInfo } from "@hono/node-server/conninfo";
import { serveStatic } from "@hono/node-server/serve-static";
import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import { type Context, Hono } from "hono";
import { compress } from "hono/compress";
import { ContentVersionPoller } from "./app/server/content-version";
import { crossSiteRefusal } from "./app/server/cross-site";
// Parsed on import: a bad variable stops start-up here, naming it, before the build loads.
import { env } from "./app/server/env.server";
import { FreshFormTokens } from "./app/server/fresh-form-tokens";
import { logger } from "./app/server/logger.server";
import { PageCache, type RenderPage } from "./app/server/page-cache";
import { accessLogFields } from "./app/server/request-log";
import { createNonce } from "./app/server/security-headers.server";

/**
 * The production server for the built site. It replaces `remix-serve` for one reason: that
 * logs every request's full URL, and a manage page's URL holds the patient's manage token.
 * Here the access log writes `/manage/[token]` instead, through the redacting logger.
 */
// Like remix-serve, the build is found from the working directory (the package when started by
// `pnpm start`), as is the static root below.
const buildUrl = pathToFileURL(resolve("build/server/index.js")).href;
const build = (await import(buildUrl)) as ServerBuild;
const handleRequest = createRequestHandler(build, env.NODE_ENV);

// Public pages are rendered once per content version and served from memory (decision 016).
// The poller is this instance's one reader of the API's content version; a change drops every
// stored page at once (lookups check the version too, so this only frees the memory early).
const contentVersion = new ContentVersionPoller({
  apiUrl: env.API_URL,
  intervalMs: env.CONTENT_VERSION_POLL_MS,
  onChange: () => pageCache.clear(),
});
const pageCache = new PageCache({
  versions: contentVersion,
  placeholder: createNonce(),
  createNonce,
  // The contact and testimonials pages' forms each carry a token the API signs (decision 009).
  formTokens: new FreshFormTokens({ issue: issueFormToken }),
});
contentVersion.start();

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
  logger.info("request", accessLogFields(c.req.raw, c.res.status, performance.now() - started));
});
// A stored public page is answered before the static files are looked for: they can't change
// while the server runs, so a path that reached Remix once will again.
app.use(async (c, next) => {
  const hit = pageCache.lookup(c.req.raw, renderFor(c));
  if (hit) return hit;
  await next();
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
// The connection's address reaches loaders and actions, which forward the visitor's address to
// the API's per-visitor rate limits: this one, or a trusted proxy's X-Forwarded-For hop.
// A form sent from another origin is refused here with a 403 page (Remix would answer 500).
app.all("*", (c) => crossSiteRefusal(c.req.raw) ?? pageCache.handle(c.req.raw, renderFor(c)));

function renderFor(c: Context): RenderPage {
  return (request, forCache) =>
    handleRequest(request, {
      clientAddress: getConnInfo(c).remote.address ?? null,
      renderNonce: forCache?.nonce,
      formTokenPlaceholder: forCache?.formToken,
    });
}

/** A new form token from the API (`forms.token`), as the site's pages are rendered with. */
async function issueFormToken(form: string): Promise<string> {
  const input = encodeURIComponent(JSON.stringify({ json: { form } }));
  const response = await fetch(
    `${env.API_URL.replace(/\/$/, "")}/trpc/forms.token?input=${input}`,
    {
      headers: requestIdHeaders(),
      signal: AbortSignal.timeout(2_000),
    },
  );
  if (!response.ok) throw new Error(`forms.token answered ${response.status}`);
  const body = (await response.json()) as { result?: { data?: { json?: { token?: unknown } } } };
  const token = body.result?.data?.json?.token;
  if (typeof token !== "string") throw new Error("forms.token answered without a token");
  return token;
}

const server = serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST }, (info) => {
  logger.info("web listening", { url: `http://${env.HOST ?? "localhost"}:${info.port}` });
});

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, () => {
    contentVersion.stop();
    server.close(() => process.exit(0));
    // Streams that never end must not hold the process open.
    setTimeout(() => process.exit(0), 5_000).unref();
  });
}
