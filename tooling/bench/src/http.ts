import type { AddressInfo } from "node:net";
import { createApp } from "@clinic/api";
import { createDatabase } from "@clinic/db";
import { seedDemoClinic } from "@clinic/db/seed";
import { addLocalDays, localDateOf } from "@clinic/domain";
import { serve } from "@hono/node-server";
import autocannon from "autocannon";
import { Hono } from "hono";

const silent = { info() {}, warn() {}, error() {} };

function listen(fetch: (request: Request) => Response | Promise<Response>) {
  return new Promise<{ url: string; close: () => Promise<void> }>((resolve) => {
    const server = serve({ fetch, hostname: "127.0.0.1", port: 0 }, (info: AddressInfo) => {
      resolve({
        url: `http://127.0.0.1:${info.port}`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}

export interface LoadResult {
  name: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
}

async function load(name: string, url: string, seconds: number): Promise<LoadResult> {
  const result = await autocannon({ url, connections: 50, duration: seconds });
  return {
    name,
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
  };
}

/** availability.slots over HTTP on the embedded database, next to a bare Hono route, 50 connections each. */
export async function benchHttp(seconds = 10): Promise<LoadResult[]> {
  const database = await createDatabase({ kind: "pglite" });
  await seedDemoClinic(database.db);
  const app = createApp({ db: database.db, ping: database.ping, logger: silent });
  const api = await listen(app.fetch);
  const bare = await listen(new Hono().get("/", (c) => c.json({ ok: true })).fetch);
  try {
    const services = (await (await fetch(`${api.url}/trpc/services.list`)).json()) as {
      result: { data: { json: { id: string; slug: string }[] } };
    };
    const service = services.result.data.json.find((s) => s.slug === "follow-up-adjustment")!;
    const from = localDateOf(new Date(), "Australia/Sydney");
    const input = {
      json: { serviceId: service.id, practitionerId: "any", from, to: addLocalDays(from, 13) },
    };
    const slotsUrl = `${api.url}/trpc/availability.slots?input=${encodeURIComponent(JSON.stringify(input))}`;
    const check = await fetch(slotsUrl);
    if (!check.ok) throw new Error(`availability.slots answered ${check.status}`);
    return [
      await load("bare Hono route", bare.url, seconds),
      await load("availability.slots, 14 days, first available", slotsUrl, seconds),
    ];
  } finally {
    await api.close();
    await bare.close();
    await database.close();
  }
}
