import { failures, loadPages, PUBLIC_PAGES } from "./load.js";
import { startServers } from "./servers.js";

/**
 * `pnpm test:load`: the built API (PGlite) and public site, 50 visitors reading the public
 * pages for LOAD_SECONDS (default 8). Fails unless every answer is a 200.
 */
const seconds = Number(process.env.LOAD_SECONDS ?? 8);
const connections = Number(process.env.LOAD_CONNECTIONS ?? 50);

const servers = await startServers();
try {
  // One visit first, so start-up work (the first render, the database's caches) isn't measured.
  for (const page of PUBLIC_PAGES) await fetch(`${servers.webUrl}${page}`).then((r) => r.text());
  console.log(`${connections} connections, ${seconds} s, pages: ${PUBLIC_PAGES.join(" ")}`);
  const result = await loadPages(servers.webUrl, { connections, seconds });
  console.table({
    requests: result.requests,
    "req/s": Math.round(result.requestsPerSecond),
    "p50 ms": result.p50Ms,
    "p99 ms": result.p99Ms,
    ...Object.fromEntries(Object.entries(result.statuses).map(([k, v]) => [`status ${k}`, v])),
    errors: result.errors,
    timeouts: result.timeouts,
  });
  if (result.requests === 0) {
    console.error("no request completed: the site answered nothing within the run");
    process.exitCode = 1;
  } else if (failures(result) > 0) {
    console.error(`${failures(result)} requests did not get a 200\n${servers.errors()}`);
    process.exitCode = 1;
  }
} finally {
  await servers.stop();
}
