import { Hono, type Context as HonoContext } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { looksLikeApiKey, recordApiKeyUse, resolveApiKey } from "../api-keys/api-keys.js";
import { tooLarge } from "../body-limit.js";
import { failureFields } from "../failure-log.js";
import type { Logger } from "../logger.js";
import { toTRPCError } from "../trpc/errors.js";
import { appRouter } from "../trpc/root.js";
import { type Context, createCallerFactory } from "../trpc/trpc.js";
import { docsPage } from "./docs-page.js";
import { openApiDocument, procedureInput } from "./openapi.js";
import { type Problem, problem, problemOf } from "./problem.js";
import { pathParams, type RestRoute, restRoutes } from "./routes.js";
import { fromQuery, reviveDates } from "./schema-walk.js";

// The REST API (decision 033): /api/v1 routes that call the tRPC procedures through a server-side
// caller, so permissions, validation, error mapping, metrics and cache invalidation are the
// procedures' own; the document at /api/v1/openapi.json and its reference page at /api/docs.

const createCaller = createCallerFactory(appRouter);

function send(c: HonoContext, body: Problem) {
  if (body.status === 401) c.header("WWW-Authenticate", 'Bearer realm="clinic-api"');
  c.header("Cache-Control", "no-store");
  return c.body(JSON.stringify(body), body.status as ContentfulStatusCode, {
    "Content-Type": "application/problem+json",
  });
}

type Input = Record<string, unknown>;

/** The route's input from the request, or the problem with how it was sent. */
async function readInput(
  c: HonoContext,
  route: RestRoute,
): Promise<{ input: Input } | { problem: Problem }> {
  const schema = procedureInput(route.procedure);
  let input: Input = {};
  if (route.input === "query") input = fromQuery(schema, new URL(c.req.url).searchParams);
  if (route.input === "body") {
    const text = await c.req.text();
    if (text.trim() !== "") {
      if (!/^application\/(.+\+)?json\b/i.test(c.req.header("content-type") ?? "")) {
        return { problem: problem(415, "Send the body as JSON (Content-Type: application/json)") };
      }
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        return { problem: problem(400, "The body isn't valid JSON") };
      }
      if (!body || typeof body !== "object" || Array.isArray(body)) {
        return { problem: problem(400, "Send a JSON object") };
      }
      input = (schema ? reviveDates(schema, body) : body) as Input;
    }
  }
  for (const name of pathParams(route.path)) input[name] = c.req.param(name);
  return { input };
}

export function restApiRoutes(deps: {
  /** The request's procedure context, as /trpc makes it. */
  contextFor: (c: HonoContext) => Context;
  logger: Logger;
}) {
  const app = new Hono();
  app.use("/v1/*", async (c, next) =>
    c.req.method === "GET" || c.req.method === "HEAD"
      ? next()
      : bodyLimit({ maxSize: 256 * 1024, onError: tooLarge })(c, next),
  );

  app.get("/v1/openapi.json", (c) => {
    c.header("Access-Control-Allow-Origin", "*");
    return c.json(openApiDocument());
  });
  app.get("/docs", (c) => {
    const nonce = crypto.randomUUID().replaceAll("-", "");
    c.header(
      "Content-Security-Policy",
      `default-src 'none'; style-src 'nonce-${nonce}'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
    );
    return c.html(docsPage(openApiDocument() as unknown as Record<string, unknown>, nonce));
  });

  for (const route of restRoutes) {
    const path = `/v1${route.path.replace(/\{(\w+)\}/g, ":$1")}`;
    app.on(route.method.toUpperCase(), path, async (c) => {
      const ctx = deps.contextFor(c);
      const authorization = c.req.header("authorization");
      let token: string | null = null;
      if (authorization !== undefined) {
        token = /^Bearer (\S+)$/.exec(authorization)?.[1] ?? null;
        if (!token || !looksLikeApiKey(token)) {
          return send(c, problem(401, "Send a staff API key as Authorization: Bearer <key>"));
        }
      }
      // Public routes don't need a key; one that is sent must still be good, and its use counts.
      const staff = route.path.startsWith("/staff/");
      const publicKey = token && !staff ? await resolveApiKey(ctx.db, token, ctx.now()) : null;
      if (token && !staff && !publicKey) {
        return send(
          c,
          problem(401, "This API key is not valid: it may have expired or been revoked"),
        );
      }

      const read = await readInput(c, route);
      if ("problem" in read) return send(c, read.problem);
      const { input } = read;

      const caller = createCaller({ ...ctx, sessionToken: token }) as unknown as Record<
        string,
        unknown
      >;
      const call = route.procedure
        .split(".")
        .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (
        input?: unknown,
      ) => Promise<unknown>;
      let outcome = "OK";
      try {
        const result = await call(procedureInput(route.procedure) ? input : undefined);
        c.header("Cache-Control", "no-store");
        return c.json(result as object, (route.status ?? 200) as ContentfulStatusCode);
      } catch (error) {
        const body = problemOf(error);
        outcome = toTRPCError(error).code;
        if (body.status === 500) {
          deps.logger.error("REST call failed", {
            route: `${route.method.toUpperCase()} ${route.path}`,
            ...failureFields(error),
          });
        }
        return send(c, body);
      } finally {
        if (publicKey) {
          await recordApiKeyUse(ctx.db, publicKey, ctx.now(), {
            procedure: route.procedure,
            outcome,
          });
        }
      }
    });
  }

  app.all("/v1/*", (c) => send(c, problem(404, "No such route: see /api/v1/openapi.json")));
  return app;
}
