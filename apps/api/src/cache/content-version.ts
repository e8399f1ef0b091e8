import { Hono } from "hono";
import type { PublicCache } from "./public-cache.js";

/**
 * `GET /content-version`: an opaque string that changes whenever public content
 * may have changed (committed here, or heard of from another instance), for the
 * public site's page cache. Answered from memory, never cached on the way.
 */
export function contentVersionRoutes(deps: { cache: PublicCache }) {
  return new Hono().get("/content-version", (c) =>
    c.json({ version: deps.cache.version }, 200, { "Cache-Control": "no-store" }),
  );
}
