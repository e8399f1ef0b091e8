/**
 * What a public route declares (its `headers` export, `publicPageHeaders`), and the one value
 * that makes a response cacheable anywhere: the site's own page cache (`page-cache.ts`) stores
 * a response only when its Cache-Control is exactly this, so a route that declares nothing is
 * never cached (decision 016).
 *
 * Shared caches (a CDN) may keep it 2 s and serve it 3 s more while they fetch it again;
 * browsers always ask again (`max-age=0`), so a published change shows within seconds. This
 * is what data requests (`/blog.data`, client-side navigation) are sent with; an HTML page,
 * whose nonce must differ per response, goes out as `DOCUMENT_CACHE_CONTROL` instead.
 */
export const PUBLIC_PAGE_CACHE_CONTROL = "public, max-age=0, s-maxage=2, stale-while-revalidate=3";

/**
 * A public HTML page as sent: its script nonce is new in every response, so no shared cache
 * may hand one copy to many visitors; the site's page cache (which substitutes a fresh nonce)
 * is what makes it fast.
 */
export const DOCUMENT_CACHE_CONTROL = "no-cache";

/** Anything personal, any form, any error or failure. */
export const NO_STORE = "no-store";

/**
 * A signed-in patient's pages (self-service, decision 031): kept by no cache, shared or the
 * browser's own, and never by the site's page cache (it stores only `PUBLIC_PAGE_CACHE_CONTROL`).
 */
export const PRIVATE_NO_STORE = "private, no-store";

/** What a response that may not be kept goes out with: a patient page's own declaration, or no-store. */
function notStored(headers: Headers): string {
  return headers.get("Cache-Control") === PRIVATE_NO_STORE ? PRIVATE_NO_STORE : NO_STORE;
}

/** A route `headers` export for pages that are the same for every visitor and hold no form. */
export function publicPageHeaders(): HeadersInit {
  return { "Cache-Control": PUBLIC_PAGE_CACHE_CONTROL };
}

/** Whether a route declared its response public (through `publicPageHeaders`). */
export function declaredPublic(headers: Headers): boolean {
  return headers.get("Cache-Control") === PUBLIC_PAGE_CACHE_CONTROL;
}

/**
 * The Cache-Control an HTML page goes out with: a public route's successful GET may be kept
 * (per response, see `DOCUMENT_CACHE_CONTROL`); a POST's reply (one visitor's form), an error
 * page, a page setting a cookie and every route that did not declare itself public are not.
 */
export function documentCacheControl(request: Request, status: number, headers: Headers): string {
  const read = request.method === "GET" || request.method === "HEAD";
  if (read && status === 200 && declaredPublic(headers) && !headers.has("Set-Cookie")) {
    return DOCUMENT_CACHE_CONTROL;
  }
  return notStored(headers);
}

/**
 * The Cache-Control of a data request's response (single fetch `.data`): the route's
 * declaration when public and successful, otherwise never stored.
 */
export function dataCacheControl(request: Request, status: number, headers: Headers): string {
  const read = request.method === "GET" || request.method === "HEAD";
  if (read && status === 200 && declaredPublic(headers) && !headers.has("Set-Cookie")) {
    return PUBLIC_PAGE_CACHE_CONTROL;
  }
  return notStored(headers);
}

/**
 * Booking and manage pages show one patient's details: never stored by any cache, and their
 * URLs (a manage token) never sent to another site as a referrer. `same-origin` rather than
 * `no-referrer`: with `no-referrer` browsers send `Origin: null` on form posts, which Remix's
 * CSRF check rightly refuses.
 */
export const PRIVATE_PAGE_HEADERS = {
  "Cache-Control": NO_STORE,
  "Referrer-Policy": "same-origin",
} as const;

/** A route `headers` export for personal pages. */
export function privatePageHeaders(): HeadersInit {
  return PRIVATE_PAGE_HEADERS;
}

/** A route `headers` export for a signed-in patient's pages and their sign-in pages. */
export function patientPageHeaders(): HeadersInit {
  return { "Cache-Control": PRIVATE_NO_STORE, "Referrer-Policy": "same-origin" };
}
