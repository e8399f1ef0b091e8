import autocannon from "autocannon";

/** Public pages a visitor reads, each rendered from several API calls. */
export const PUBLIC_PAGES = [
  "/",
  "/blog",
  "/blog/why-runners-benefit-from-spinal-adjustments",
  "/services",
  "/practitioners",
  "/testimonials",
] as const;

export interface LoadResult {
  requests: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Answers by status code. */
  statuses: Record<string, number>;
  /** Connection errors and timeouts (no answer at all). */
  errors: number;
  timeouts: number;
}

/**
 * `connections` visitors reading the pages in turn, as fast as the site answers, for `seconds`
 * or until `amount` requests have been answered (a fixed amount finishes however slow the
 * machine, which suits a test sharing CI's cores).
 */
export async function loadPages(
  baseUrl: string,
  options: { connections: number; pages?: readonly string[] } & (
    | { seconds: number }
    | { amount: number }
  ),
): Promise<LoadResult> {
  const pages = options.pages ?? PUBLIC_PAGES;
  const result = await autocannon({
    url: baseUrl,
    connections: options.connections,
    ...("amount" in options ? { amount: options.amount } : { duration: options.seconds }),
    // A slow answer is a result to report, not a client-side error.
    timeout: 60,
    requests: pages.map((path) => ({ method: "GET" as const, path })),
  });
  const statuses: Record<string, number> = {};
  for (const [code, { count }] of Object.entries(result.statusCodeStats ?? {})) {
    statuses[code] = count ?? 0;
  }
  return {
    requests: result.requests.total ?? 0,
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    statuses,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

/** Answers other than 200 (any status), plus requests that got none. */
export const failures = (result: LoadResult) =>
  Object.entries(result.statuses)
    .filter(([code]) => code !== "200")
    .reduce((sum, [, count]) => sum + count, 0) +
  result.errors +
  result.timeouts;
