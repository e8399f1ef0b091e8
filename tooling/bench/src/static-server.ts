import { serve } from "@hono/node-server";
import { serveStatic } from "@hono/node-server/serve-static";
import { Hono } from "hono";

/**
 * The reference the rendered pages are held to: the same HTML as files (`<path>/index.html`
 * under STATIC_ROOT), served by a plain static file server on the site's HTTP stack (Hono on
 * @hono/node-server), so the difference is the rendering, not the server.
 */
const root = process.env.STATIC_ROOT;
const port = Number(process.env.PORT);
if (!root || !port) throw new Error("STATIC_ROOT and PORT are required");

const server = serve({
  fetch: new Hono().use("*", serveStatic({ root })).fetch,
  hostname: "127.0.0.1",
  port,
});
process.once("SIGTERM", () => server.close(() => process.exit(0)));
