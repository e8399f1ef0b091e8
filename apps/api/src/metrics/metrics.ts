import { timingSafeEqual } from "node:crypto";
import { countOutboxMessages, type Executor } from "@clinic/db";
import { Hono } from "hono";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";

/** The connections of a PostgreSQL pool; PGlite has none to report. */
export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
}

/** Procedures whose success is a booking made, by whom. */
const BOOKING_CREATIONS: Record<string, "online" | "staff"> = {
  "bookings.create": "online",
  "bookings.createForPatient": "staff",
};

/**
 * The API's metrics in Prometheus' text format (prom-client): every procedure call by outcome
 * and duration (bookings made and refused for a taken time, rate-limit refusals read from the
 * same calls), the database pool, the outbox queue, and the process (memory, event loop).
 * One registry per app, so tests and several apps in one process don't share counts.
 */
export function createMetrics(deps: { db: Executor; poolStats?: () => PoolStats | null }) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "clinic_api_" });

  const calls = new Counter({
    name: "clinic_api_procedure_calls_total",
    help: "Procedure calls by procedure and outcome (ok, or the tRPC error code).",
    labelNames: ["procedure", "outcome"] as const,
    registers: [registry],
  });
  const durations = new Histogram({
    name: "clinic_api_procedure_duration_seconds",
    help: "How long procedure calls took, by procedure.",
    labelNames: ["procedure"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const bookings = new Counter({
    name: "clinic_api_bookings_created_total",
    help: "Bookings made, online or by staff.",
    labelNames: ["channel"] as const,
    registers: [registry],
  });
  const conflicts = new Counter({
    name: "clinic_api_booking_conflicts_total",
    help: "Bookings refused because the time was taken meanwhile.",
    labelNames: ["channel"] as const,
    registers: [registry],
  });
  const refusals = new Counter({
    name: "clinic_api_rate_limit_refusals_total",
    help: "Calls refused by a rate limit, by procedure.",
    labelNames: ["procedure"] as const,
    registers: [registry],
  });
  new Gauge({
    name: "clinic_api_db_pool_connections",
    help: "PostgreSQL pool connections by state (none on the embedded database).",
    labelNames: ["state"] as const,
    registers: [registry],
    collect() {
      const stats = deps.poolStats?.();
      if (!stats) return;
      this.set({ state: "total" }, stats.total);
      this.set({ state: "idle" }, stats.idle);
      this.set({ state: "waiting" }, stats.waiting);
    },
  });
  new Gauge({
    name: "clinic_api_outbox_messages",
    help: "Emails in the outbox: pending (retrying among them) and failed for good.",
    labelNames: ["status"] as const,
    registers: [registry],
    async collect() {
      const counts = await countOutboxMessages(deps.db);
      this.set({ status: "pending" }, counts.pending);
      this.set({ status: "retrying" }, counts.retrying);
      this.set({ status: "failed" }, counts.failed);
    },
  });

  return {
    registry,
    /** Records one procedure call; `outcome` is "ok" or the tRPC error code. */
    procedureCalled(procedure: string, outcome: string, seconds: number) {
      calls.inc({ procedure, outcome });
      durations.observe({ procedure }, seconds);
      const channel = BOOKING_CREATIONS[procedure];
      if (channel && outcome === "ok") bookings.inc({ channel });
      if (channel && outcome === "CONFLICT") conflicts.inc({ channel });
      if (outcome === "TOO_MANY_REQUESTS") refusals.inc({ procedure });
    },
  };
}

export type ApiMetrics = ReturnType<typeof createMetrics>;

function sameToken(sent: string, expected: string): boolean {
  const a = Buffer.from(sent);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * `GET /metrics` for a Prometheus scraper holding `METRICS_TOKEN` as a bearer token. Without a
 * token configured the route doesn't exist (404): the figures are nobody else's business.
 */
export function metricsRoutes(deps: { metrics: ApiMetrics; token: string | undefined }) {
  return new Hono().get("/metrics", async (c) => {
    if (!deps.token) return c.notFound();
    const sent = c.req.header("authorization")?.match(/^Bearer (.+)$/)?.[1] ?? "";
    if (!sameToken(sent, deps.token)) {
      return c.json({ error: { message: "A valid metrics token is required" } }, 401, {
        "WWW-Authenticate": "Bearer",
      });
    }
    return c.text(await deps.metrics.registry.metrics(), 200, {
      "Content-Type": deps.metrics.registry.contentType,
      "Cache-Control": "no-store",
    });
  });
}
