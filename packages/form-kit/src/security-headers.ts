// The security headers both Remix apps send, in one place so the public site and the admin
// can't drift apart. Server-side only (entry.server.tsx, resource routes).

/** A fresh nonce for one response's scripts: 128 random bits, base64. */
export function createNonce(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  return Buffer.from(bytes).toString("base64");
}

export interface PagePolicyOptions {
  /** This response's nonce: Remix's inline scripts carry it. */
  nonce: string;
  /** Under `remix vite:dev`: Vite injects styles inline and talks over a WebSocket. */
  development?: boolean;
  /** Sites the page may frame (the public site's video player); none by default. */
  frameSrc?: readonly string[];
  /** Image origins besides the app's own (the API serving uploads to the admin). */
  imgSrc?: readonly string[];
  /**
   * Allows `style="…"` attributes (not `<style>` elements). React's `style` prop renders them,
   * and the admin's calendar positions its blocks that way; styles can't run script.
   */
  styleAttributes?: boolean;
  /**
   * Allows `<style>` elements carrying this response's nonce: the public site inlines its
   * stylesheet, so a first visit on a slow network paints without waiting for a second request.
   */
  styleNonce?: boolean;
}

/**
 * The Content-Security-Policy of an HTML page. Scripts run only when they carry this
 * response's nonce, or are loaded by one that does ('strict-dynamic': Remix's hydration
 * script imports the route modules), so an injected `<script>` never runs, whatever its
 * source; 'self' is kept only as the fallback for browsers without CSP 3. Styles and images
 * come from the app, the page is never framed, and forms post only to the app itself.
 */
export function contentSecurityPolicy({
  nonce,
  development = false,
  frameSrc = [],
  imgSrc = [],
  styleAttributes = false,
  styleNonce = false,
}: PagePolicyOptions): string {
  const directives: Record<string, readonly string[]> = {
    "default-src": ["'self'"],
    "script-src": ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"],
    "style-src": development
      ? ["'self'", "'unsafe-inline'"]
      : styleNonce
        ? ["'self'", `'nonce-${nonce}'`]
        : ["'self'"],
    ...(styleAttributes && !development ? { "style-src-attr": ["'unsafe-inline'"] } : {}),
    "img-src": ["'self'", "data:", ...imgSrc],
    "font-src": ["'self'"],
    "connect-src": development ? ["'self'", "ws:"] : ["'self'"],
    "frame-src": frameSrc.length > 0 ? frameSrc : ["'none'"],
    "frame-ancestors": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "object-src": ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(" ")}`)
    .join("; ");
}

/** For responses that are not pages (data, feeds, sitemap): nothing may run or load. */
export const RESOURCE_CONTENT_SECURITY_POLICY =
  "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * Two years, without includeSubDomains or preload: an app can't know that every other host
 * under the clinic's domain serves https, and preload can't be taken back quickly.
 */
export const STRICT_TRANSPORT_SECURITY = "max-age=63072000";

const COMMON_HEADERS = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "Permissions-Policy":
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()",
  // For browsers that predate frame-ancestors.
  "X-Frame-Options": "DENY",
  "Cross-Origin-Opener-Policy": "same-origin",
} as const;

export interface SecurityHeaderOptions {
  /**
   * Production adds Strict-Transport-Security. Browsers ignore it over plain http (local
   * runs, the browser tests), and production is served over https.
   */
  production?: boolean;
}

/**
 * Sets the security headers on a response's headers. A route's own value wins (personal
 * pages send `Referrer-Policy: same-origin`), except the CSP, which must match the nonce.
 */
export function applySecurityHeaders(
  headers: Headers,
  contentSecurityPolicyValue: string,
  { production = false }: SecurityHeaderOptions = {},
): Headers {
  headers.set("Content-Security-Policy", contentSecurityPolicyValue);
  for (const [name, value] of Object.entries(COMMON_HEADERS)) {
    if (!headers.has(name)) headers.set(name, value);
  }
  if (production) headers.set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
  return headers;
}

/** The headers of a resource route's response, security headers included. */
export function resourceHeaders(
  init: Record<string, string>,
  options: SecurityHeaderOptions = {},
): Headers {
  return applySecurityHeaders(new Headers(init), RESOURCE_CONTENT_SECURITY_POLICY, options);
}

/**
 * `response` with the locked-down headers of a non-page response (Remix's data requests).
 * A response with immutable headers (`Response.redirect`) is copied to add them.
 */
export function withResourceHeaders(
  response: Response,
  options: SecurityHeaderOptions = {},
): Response {
  try {
    applySecurityHeaders(response.headers, RESOURCE_CONTENT_SECURITY_POLICY, options);
    return response;
  } catch {
    const copy = new Response(response.body, response);
    applySecurityHeaders(copy.headers, RESOURCE_CONTENT_SECURITY_POLICY, options);
    return copy;
  }
}
