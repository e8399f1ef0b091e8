import { writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { benchHttp } from "./http.js";
import { benchSlotEngine } from "./slot-engine.js";

/** `pnpm bench`: prints tables and writes bench-results.json at the repository root. No assertions. */
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const fixed = (n: number, digits = 2) => Number(n.toFixed(digits));

console.log("Slot engine (median of repeated runs)");
const engine = benchSlotEngine();
console.table(
  engine.map((r) => ({
    scenario: r.name,
    slots: r.sweep.slots,
    "sweep ms": fixed(r.sweep.medianMs, 3),
    "per-candidate ms": fixed(r.plain.medianMs, 3),
    speedup: `${fixed(r.speedup, 1)}×`,
  })),
);

console.log(`\nHTTP, 50 connections, ${seconds} s each`);
const http = await benchHttp(seconds);
console.table(
  http.map((r) => ({
    target: r.name,
    "req/s": fixed(r.requestsPerSecond, 0),
    "p50 ms": r.p50Ms,
    "p99 ms": r.p99Ms,
    errors: r.errors,
    "non-2xx": r.non2xx,
  })),
);

const out = fileURLToPath(new URL("../../../bench-results.json", import.meta.url));
await writeFile(
  out,
  `${JSON.stringify({ date: new Date().toISOString(), node: process.version, slotEngine: engine, http }, null, 2)}\n`,
);
console.log(`\nNumbers written to ${out}`);
