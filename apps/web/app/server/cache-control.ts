/** Public pages may be cached briefly by browsers and shared caches. */
export const PUBLIC_PAGE_CACHE_CONTROL = "public, max-age=60, stale-while-revalidate=300";

/**
 * The Cache-Control header for a rendered page: successful pages are cacheable,
 * anything else (404, 500) is not, so a passing outage is never served from a cache.
 */
export function cacheControlForStatus(status: number): string {
  return status === 200 ? PUBLIC_PAGE_CACHE_CONTROL : "no-store";
}

/**
 * Booking and manage pages show one patient's details: never stored by any cache, and their
 * URLs (a manage token) never sent to another site as a referrer. `same-origin` rather than
 * `no-referrer`: with `no-referrer` browsers send `Origin: null` on form posts, which Remix's
 * CSRF check rightly refuses.
 */
export const PRIVATE_PAGE_HEADERS = {
  "Cache-Control": "no-store",
  "Referrer-Policy": "same-origin",
} as const;

/** A route `headers` export for personal pages. */
export function privatePageHeaders(): HeadersInit {
  return PRIVATE_PAGE_HEADERS;
}
