import { randomBytes } from "node:crypto";
import { testDrivers } from "@clinic/db/testing";
import { addLocalDays, localDateOf } from "@clinic/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../app.js";
import { silentLogger } from "../logger.js";
import { createTestApp, demoClinic, inProcessClient, type TestApp } from "../testing/index.js";
import { createMetrics } from "./metrics.js";

const TOKEN = "metrics-token-for-the-tests-0123456789";

/** The value of one sample line of the text format, or 0 when the series has none yet. */
function sample(text: string, series: string): number {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

describe.each(testDrivers)("/metrics on %s", (driver) => {
  let t: TestApp;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    t = await createTestApp({ driver });
    app = createApp({
      db: t.db,
      now: t.now,
      logger: silentLogger,
      metricsToken: TOKEN,
      poolStats: t.database.poolStats,
    });
  });
  afterAll(() => t.close());

  const scrape = async () => {
    const res = await app.request("/metrics", { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/plain");
    return res.text();
  };

  it("is open only to the scraper's token, and off without one", async () => {
    expect((await app.request("/metrics")).status).toBe(401);
    const wrong = await app.request("/metrics", { headers: { authorization: "Bearer nope" } });
    expect(wrong.status).toBe(401);
    // The test app has no token configured: no route at all.
    expect((await t.app.request("/metrics")).status).toBe(404);
  });

  it("counts public reads answered from a kept answer, which never reach tRPC", async () => {
    const calls = 'clinic_api_procedure_calls_total{procedure="services.list",outcome="ok"}';
    const before = sample(await scrape(), calls);
    for (let i = 0; i < 3; i++) {
      expect((await app.request("/trpc/services.list")).status).toBe(200);
    }
    expect(sample(await scrape(), calls) - before).toBe(3);
  });

  it("counts rate-limit refusals per procedure", async () => {
    const metrics = createMetrics({ db: t.db });
    metrics.procedureCalled("enquiries.submit", "TOO_MANY_REQUESTS", 0.002);
    metrics.procedureCalled("enquiries.submit", "ok", 0.002);
    const text = await metrics.registry.metrics();
    expect(sample(text, 'clinic_api_rate_limit_refusals_total{procedure="enquiries.submit"}')).toBe(
      1,
    );
  });

  it("counts a booking made, a booking refused for a taken time, and the calls behind them", async () => {
    const client = inProcessClient(app);
    const { serviceId, jasonId } = await demoClinic(t);
    const from = localDateOf(t.now(), "Australia/Sydney");
    const { days } = await client.availability.slots.query({
      serviceId,
      practitionerId: jasonId,
      from,
      to: addLocalDays(from, 14),
    });
    const start = days.flatMap((d) => d.slots)[0]!.start;
    const book = (n: number) =>
      client.bookings.create.mutate({
        serviceId,
        practitionerId: jasonId,
        start,
        patient: { name: `Metric Patient ${n}`, email: `m${n}@example.com`, phone: "0400 000 001" },
        idempotencyKey: randomBytes(12).toString("base64url"),
      });
    const before = await scrape();
    await book(1);
    await expect(book(2)).rejects.toThrow();
    const after = await scrape();

    const grew = (series: string) => sample(after, series) - sample(before, series);
    expect(grew('clinic_api_bookings_created_total{channel="online"}')).toBe(1);
    expect(grew('clinic_api_booking_conflicts_total{channel="online"}')).toBe(1);
    expect(grew('clinic_api_procedure_calls_total{procedure="bookings.create",outcome="ok"}')).toBe(
      1,
    );
    expect(
      grew('clinic_api_procedure_calls_total{procedure="bookings.create",outcome="CONFLICT"}'),
    ).toBe(1);
    expect(grew('clinic_api_procedure_duration_seconds_count{procedure="bookings.create"}')).toBe(
      2,
    );
    // The confirmation waits in the outbox (no mail server in tests).
    expect(sample(after, 'clinic_api_outbox_messages{status="pending"}')).toBeGreaterThan(
      sample(before, 'clinic_api_outbox_messages{status="pending"}'),
    );
    if (driver === "postgres") {
      expect(sample(after, 'clinic_api_db_pool_connections{state="total"}')).toBeGreaterThan(0);
    } else {
      expect(after).not.toContain("clinic_api_db_pool_connections{");
    }
    expect(after).toContain("clinic_api_process_resident_memory_bytes");
    // Nothing personal in the figures.
    expect(after).not.toMatch(/Metric Patient|example\.com/);
  });
});
