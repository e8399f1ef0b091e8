import autocannon from "autocannon";

export interface LoadResult {
  requests: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Answers that were not 2xx, and requests that got no answer at all. */
  non2xx: number;
  errors: number;
  timeouts: number;
}

/** Answers other than 2xx, plus requests that got none: any of these makes the run an error. */
export const failures = (r: LoadResult) => r.non2xx + r.errors + r.timeouts;

async function run(
  url: string,
  connections: number,
  length: { duration: number } | { amount: number },
): Promise<LoadResult> {
  const result = await autocannon({
    url,
    connections,
    ...length,
    // A slow answer is a result to report, not a client-side error.
    timeout: 30,
  });
  return {
    requests: result.requests.total ?? 0,
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

/**
 * Waits for the server to finish what a run left behind: autocannon stops at the deadline, but
 * the requests it was waiting on still queue in the server (PGlite runs one query at a time),
 * and would slow the next measurement. One more request waits its turn behind them.
 */
async function settle(url: string) {
  await fetch(url).then((r) => r.arrayBuffer());
}

/**
 * `connections` clients requesting `url` as fast as it answers for `seconds`, after a short
 * warm-up (so the JIT and the database's caches are not what is measured).
 */
export async function load(url: string, seconds: number, connections = 50): Promise<LoadResult> {
  const warmUp = await run(url, 5, { amount: 25 });
  if (failures(warmUp) > 0) return warmUp;
  const result = await run(url, connections, { duration: seconds });
  await settle(url);
  return result;
}
