/** Public pages may be cached briefly by browsers and shared caches. */
export const PUBLIC_PAGE_CACHE_CONTROL = "public, max-age=60, stale-while-revalidate=300";

/**
 * The Cache-Control header for a rendered page: successful pages are cacheable,
 * anything else (404, 500) is not, so a passing outage is never served from a cache.
 */
export function cacheControlForStatus(status: number): string {
  return status === 200 ? PUBLIC_PAGE_CACHE_CONTROL : "no-store";
}
