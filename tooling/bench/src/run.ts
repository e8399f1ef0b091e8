import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { dirname, join } from "node:path";
import type { Browser } from "@playwright/test";
import { largestContentfulPaint, launchBrowser, MOBILE_PROFILE, timesShown } from "./browser.js";
import { failures, type LoadResult, load } from "./load.js";
import { createScratchDatabase } from "./postgres.js";
import { benchPracticeReport, REPORT_BOOKINGS } from "./practice-report.js";
import { formatTable, type Row, ratio } from "./report.js";
import {
  ports,
  repoRoot,
  residentMb,
  type Server,
  startApi,
  startSite,
  startStaticServer,
  stopAll,
} from "./servers.js";
import { benchSlotEngine } from "./slot-engine.js";
import { discoverTargets, type Target } from "./targets.js";

/**
 * `pnpm bench`: the production builds (turbo builds them first) under load, each figure next to
 * its reference, in one table; the numbers also go to bench-results.json at the repository
 * root. A report, not a test: goals show as pass/FAIL, and the process fails only when
 * something errs (a server doesn't start, an answer isn't 2xx).
 */
const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const LCP_RUNS = 3;
const TIMES_SHOWN_RUNS = 20;
const postgresServer = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;

const problems: string[] = [];
const sections: { title: string; rows: Row[] }[] = [];
const results: Record<string, unknown> = {};
const section = (title: string) => {
  const rows: Row[] = [];
  sections.push({ title, rows });
  return rows;
};
// The table's sections, in the order they print (a section left empty is not shown).
const table = {
  pages: section(
    "Public pages: rendered by the site (API on PGlite) next to the same HTML as static files",
  ),
  apiPglite: section("API on PGlite: each procedure next to /healthz"),
  apiPostgres: section("API on PostgreSQL: each procedure next to /healthz"),
  memory: section("Resident memory (VmRSS) after the load"),
  startUp: section("Start-up: spawn to the first 200 (the API's /readyz)"),
  browser: section(
    `In a browser: LCP on a ${MOBILE_PROFILE.device} (CPU ${MOBILE_PROFILE.cpuSlowdown}× slower, Slow 4G: ${MOBILE_PROFILE.latencyMs} ms, 1.44 Mbit/s), median of ${LCP_RUNS} first visits`,
  ),
  engine: section("Slot engine in process (median of repeated runs)"),
  reports: section(
    `Practice report in process on PGlite, ${REPORT_BOOKINGS.toLocaleString("en-AU")} bookings (median of repeated runs)`,
  ),
};
const mb = (n: number) => `${n.toFixed(0)} MB`;
const secondsText = (msValue: number) => `${(msValue / 1000).toFixed(2)} s`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.max(0, Math.ceil(p * xs.length) - 1)]!;

/** Loads `base + target.path`; answers other than 2xx are the run's error, reported at the end. */
async function measure(base: string, target: Target): Promise<LoadResult> {
  const result = await load(`${base}${target.path}`, seconds);
  if (failures(result) > 0) {
    problems.push(
      `${base}${target.path}: ${result.non2xx} non-2xx answers, ${result.errors} errors, ${result.timeouts} timeouts`,
    );
  }
  return result;
}

/** Fetches each page from the site and writes it as `<path>/index.html` under `root`. */
async function capturePages(siteUrl: string, pages: Target[], root: string) {
  for (const page of pages) {
    const response = await fetch(`${siteUrl}${page.path}`);
    if (!response.ok) throw new Error(`${page.path} answered ${response.status} when captured`);
    const file = join(root, page.path, "index.html");
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, await response.text());
  }
}

/**
 * The built API on a fresh database: started once to migrate and seed it, stopped, then
 * started again on the existing database (the start-up that is timed) and loaded: /healthz
 * as the reference, then availability and the public reads.
 */
async function benchApi(label: "PGlite" | "PostgreSQL", start: () => Promise<Server>) {
  const first = await start();
  await first.stop();
  const api = await start();
  const targets = await discoverTargets(api.url);
  const reference = await measure(api.url, targets.api.reference);
  const slots = [];
  for (const target of targets.api.slots) {
    slots.push({ name: target.name, result: await measure(api.url, target) });
  }
  const reads = [];
  for (const target of targets.api.reads) {
    reads.push({ name: target.name, result: await measure(api.url, target) });
  }
  const slotsShare = label === "PostgreSQL" ? 0.3 : 0.1;
  const rows = label === "PostgreSQL" ? table.apiPostgres : table.apiPglite;
  const ref = { name: "/healthz", result: reference };
  rows.push({ what: "/healthz (reference)", subject: reference, goal: "" });
  slots.forEach(({ name, result }, i) => {
    const withGoal = i === 0;
    rows.push({
      what: name,
      subject: result,
      reference: ref,
      goal: withGoal ? `≥ ${slotsShare * 100}% of /healthz, p99 < 25 ms` : "",
      met: withGoal ? ratio(result, reference) >= slotsShare && result.p99Ms < 25 : undefined,
    });
  });
  for (const { name, result } of reads) {
    rows.push({
      what: name,
      subject: result,
      reference: ref,
      goal: "≥ 50% of /healthz",
      met: ratio(result, reference) >= 0.5,
    });
  }
  table.startUp.push({
    what: `API first start (${label}: migrate + seed)`,
    value: secondsText(first.startMs),
    goal: "",
  });
  table.startUp.push({
    what: `API start (${label}, existing database)`,
    value: secondsText(api.startMs),
    goal: "< 3 s",
    met: api.startMs < 3_000,
  });
  results[label] = {
    firstStartMs: first.startMs,
    startMs: api.startMs,
    reference,
    slots,
    reads,
    paths: targets.api,
  };
  return { api, targets };
}

const loadAtStart = loadavg().map((n) => Number(n.toFixed(2)));
const scratch = await mkdtemp(join(tmpdir(), "clinic-bench-"));
let browser: Browser | undefined;
try {
  console.log(`pnpm bench: ${seconds} s per load (BENCH_SECONDS), 50 connections\n`);

  console.log("slot engine…");
  const engine = benchSlotEngine();
  for (const r of engine) {
    table.engine.push({
      what: r.name,
      value: `${r.sweep.medianMs.toFixed(3)} ms vs ${r.plain.medianMs.toFixed(3)} ms per-candidate (${r.speedup.toFixed(1)}×)`,
      goal: "",
    });
  }
  results.slotEngine = engine;

  console.log("practice report…");
  const reports = await benchPracticeReport();
  for (const r of reports) {
    table.reports.push({
      what: `reports.practice, ${r.name}: ${r.bookings.toLocaleString("en-AU")} bookings`,
      value: `${r.medianMs.toFixed(1)} ms`,
      goal: "< 250 ms",
      met: r.medianMs < 250,
    });
  }
  results.practiceReport = reports;

  console.log("API on PGlite…");
  const pglite = await benchApi("PGlite", () =>
    startApi({
      name: "api (PGlite)",
      port: ports.apiPglite,
      database: { PGLITE_DATA_DIR: join(scratch, "pglite") },
      uploadDir: join(scratch, "uploads"),
    }),
  );
  const { api, targets } = pglite;

  console.log("web and admin…");
  const web = await startSite("web", api.url);
  const admin = await startSite("admin", api.url);
  table.startUp.push(
    { what: "web start (first 200 of /)", value: secondsText(web.startMs), goal: "" },
    { what: "admin start (first 200 of /sign-in)", value: secondsText(admin.startMs), goal: "" },
  );

  console.log("public pages…");
  const staticRoot = join(scratch, "static");
  await capturePages(web.url, targets.pages, staticRoot);
  const staticServer = await startStaticServer(staticRoot);
  const pages = [];
  for (const page of targets.pages) {
    const rendered = await measure(web.url, page);
    const reference = await measure(staticServer.url, page);
    pages.push({ ...page, rendered, static: reference });
    table.pages.push({
      what: `${page.name} ${page.path.length > 24 ? `${page.path.slice(0, 23)}…` : page.path}`,
      subject: rendered,
      reference: { name: "static", result: reference },
      goal: "≥ 50% of static, p99 < 50 ms",
      met: ratio(rendered, reference) >= 0.5 && rendered.p99Ms < 50,
    });
  }
  results.pages = pages;
  await staticServer.stop();

  console.log("admin sign-in page…");
  const adminLoad = await measure(admin.url, { name: "admin sign-in", path: "/sign-in" });
  results.adminSignIn = adminLoad;

  console.log("browser…");
  browser = await launchBrowser();
  const lcp = [];
  for (const page of targets.pages) {
    const runs = [];
    for (let i = 0; i < LCP_RUNS; i++) {
      runs.push(await largestContentfulPaint(browser, `${web.url}${page.path}`));
    }
    lcp.push({ ...page, runsMs: runs, medianMs: median(runs) });
    table.browser.push({
      what: `LCP ${page.name}`,
      value: `${median(runs).toFixed(0)} ms`,
      goal: "< 1 s",
      met: median(runs) < 1_000,
    });
  }
  const shown = await timesShown(browser, `${web.url}${targets.bookPath}`, TIMES_SHOWN_RUNS);
  const p95 = percentile(shown, 0.95);
  table.browser.push({
    what: `practitioner click → times shown (${TIMES_SHOWN_RUNS}×, desktop, no throttling)`,
    value: `p95 ${p95.toFixed(0)} ms, p50 ${median(shown).toFixed(0)} ms`,
    goal: "< 100 ms p95",
    met: p95 < 100,
  });
  results.browser = {
    profile: MOBILE_PROFILE,
    lcp,
    timesShown: { path: targets.bookPath, samplesMs: shown, p95Ms: p95 },
  };
  await browser.close();
  browser = undefined;

  const memory: Record<string, number> = {
    "api (PGlite)": residentMb(api.pid),
    web: residentMb(web.pid),
    admin: residentMb(admin.pid),
  };
  table.memory.push(
    {
      what: "API on PGlite",
      value: mb(memory["api (PGlite)"]!),
      goal: "< 200 MB",
      met: memory["api (PGlite)"]! < 200,
    },
    { what: "web", value: mb(memory.web!), goal: "< 150 MB", met: memory.web! < 150 },
    {
      what: "admin (after its sign-in page's load)",
      subject: adminLoad,
      value: mb(memory.admin!),
      goal: "< 150 MB",
      met: memory.admin! < 150,
    },
  );
  results.memoryMb = memory;
  results.startMs = { web: web.startMs, admin: admin.startMs };
  await Promise.all([web.stop(), admin.stop(), api.stop()]);

  if (postgresServer) {
    console.log("API on PostgreSQL…");
    const database = await createScratchDatabase(postgresServer);
    try {
      const postgres = await benchApi("PostgreSQL", () =>
        startApi({
          name: "api (PostgreSQL)",
          port: ports.apiPostgres,
          database: { DATABASE_URL: database.url },
          uploadDir: join(scratch, "uploads"),
        }),
      );
      memory["api (PostgreSQL)"] = residentMb(postgres.api.pid);
      table.memory.splice(1, 0, {
        what: "API on PostgreSQL",
        value: mb(memory["api (PostgreSQL)"]!),
        goal: "",
      });
      await postgres.api.stop();
    } finally {
      await stopAll();
      await database.drop();
    }
  } else {
    table.apiPostgres.push({
      what: "skipped: set TEST_DATABASE_URL or DATABASE_URL to a PostgreSQL server",
      goal: "",
    });
  }
} catch (error) {
  problems.push((error as Error).stack ?? String(error));
} finally {
  await browser?.close().catch(() => {});
  await stopAll();
  await rm(scratch, { recursive: true, force: true });
}

console.log(`\n${formatTable(sections)}`);
const cpu = cpus();
const machine = {
  cpu: `${cpu.length} × ${cpu[0]?.model ?? "unknown"}`,
  memoryGb: Math.round(totalmem() / 2 ** 30),
  loadAverageAtStart: loadAtStart,
  loadAverageAtEnd: loadavg().map((n) => Number(n.toFixed(2))),
  node: process.version,
};
console.log(
  `\n${machine.cpu}, ${machine.memoryGb} GB, Node ${machine.node}; load average ${machine.loadAverageAtStart.join(" ")} at the start, ${machine.loadAverageAtEnd.join(" ")} at the end`,
);
const out = join(repoRoot, "bench-results.json");
await writeFile(
  out,
  `${JSON.stringify(
    {
      date: new Date().toISOString(),
      machine,
      secondsPerLoad: seconds,
      connections: 50,
      table: sections,
      ...results,
      problems,
    },
    null,
    2,
  )}\n`,
);
console.log(`Numbers written to ${out}`);
if (problems.length > 0) {
  console.error(`\nThe bench met errors:\n${problems.join("\n")}`);
  process.exitCode = 1;
}
