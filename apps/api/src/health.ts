import { Hono } from "hono";
import type { Logger } from "./logger.js";

/** Liveness (`/healthz`: the process answers) and readiness (`/readyz`: so does the database). */
export function healthRoutes(deps: { ping: () => Promise<void>; logger: Logger }) {
  return new Hono()
    .get("/healthz", (c) => c.json({ status: "ok" }))
    .get("/readyz", async (c) => {
      try {
        await deps.ping();
        return c.json({ status: "ready" });
      } catch (error) {
        deps.logger.error("readiness check failed", { error: String(error) });
        return c.json({ status: "unavailable" }, 503);
      }
    });
}
