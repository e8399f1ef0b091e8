import type { MiddlewareHandler } from "hono";
import type { AnswerWindow, PublicCache } from "./public-cache.js";

/**
 * Keeps whole HTTP answers to GET /trpc requests made only of public reads
 * (`publicReadProcedure`), keyed by path and query, in the public cache: a
 * kept answer is sent without running tRPC at all, which was most of such a
 * request's cost once the data came from memory. An answer is kept only if
 * every call was served from the cache, with no change since it began, and
 * only for the instants its reads said it holds; writes drop it with the rest.
 */
export function sharedAnswers(deps: {
  cache: PublicCache;
  now: () => Date;
  /** Whether the procedure at this path is a public read. */
  isPublicRead: (path: string) => boolean;
  /** Told of each call answered from a kept answer (tRPC, which counts the others, never ran). */
  onServed?: (procedure: string, seconds: number) => void;
}): MiddlewareHandler {
  return async (c, next) => {
    // Streamed (JSON lines) answers differ in shape; they go through as they are.
    if (c.req.method !== "GET" || c.req.header("trpc-accept")) return next();
    const paths = c.req.path.slice("/trpc/".length).split(",");
    if (!paths.every(deps.isPublicRead)) return next();
    const url = new URL(c.req.url);
    const key = `${url.pathname}${url.search}`;
    const at = deps.now();
    const started = performance.now();
    const kept = deps.cache.answer(key, at);
    if (kept) {
      const seconds = (performance.now() - started) / 1000;
      for (const path of paths) deps.onServed?.(path, seconds);
      return new Response(kept.body, { status: 200, headers: kept.headers });
    }

    const ticket = deps.cache.ticket();
    const answer: AnswerWindow = {
      from: at.getTime(),
      until: Number.POSITIVE_INFINITY,
      fromCache: true,
      reads: 0,
    };
    c.set("publicAnswer", answer);
    await next();
    if (c.res.status !== 200 || !answer.fromCache) return;
    const headers: [string, string][] = [];
    for (const name of ["content-type", "vary"]) {
      const value = c.res.headers.get(name);
      if (value) headers.push([name, value]);
    }
    const body = new Uint8Array(await c.res.clone().arrayBuffer());
    deps.cache.keepAnswer(key, ticket, answer, { body, headers });
  };
}
