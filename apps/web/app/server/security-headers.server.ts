import { randomBytes } from "node:crypto";
import { env } from "./env.server";

/** A fresh nonce for one response's scripts: 128 random bits, base64. */
export function createNonce(): string {
  return randomBytes(16).toString("base64");
}

/** The one site the pages frame: YouTube's privacy-enhanced player. */
export const VIDEO_FRAME_ORIGIN = "https://www.youtube-nocookie.com";

/**
 * The Content-Security-Policy of an HTML page: scripts only from the site and inline ones
 * carrying this response's nonce (Remix's hydration data), styles and images from the site,
 * frames only from the video player, and the page itself never framed. Vite's dev server
 * injects styles inline and talks over a WebSocket, so development relaxes exactly those.
 */
export function contentSecurityPolicy({
  nonce,
  development = false,
}: {
  nonce: string;
  development?: boolean;
}): string {
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    "script-src": ["'self'", `'nonce-${nonce}'`],
    "style-src": development ? ["'self'", "'unsafe-inline'"] : ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": development ? ["'self'", "ws:"] : ["'self'"],
    "frame-src": [VIDEO_FRAME_ORIGIN],
    "frame-ancestors": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "object-src": ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(" ")}`)
    .join("; ");
}

/** For responses that are not pages (feeds, sitemap, robots.txt): nothing may run or load. */
export const RESOURCE_CONTENT_SECURITY_POLICY =
  "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

const COMMON_HEADERS = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "Permissions-Policy":
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()",
  "X-Frame-Options": "DENY",
  "Cross-Origin-Opener-Policy": "same-origin",
} as const;

/**
 * Sets the security headers on a response's headers. A route's own value wins (personal
 * pages send `Referrer-Policy: same-origin`), except the CSP, which must match the nonce.
 */
export function applySecurityHeaders(
  headers: Headers,
  contentSecurityPolicyValue: string,
): Headers {
  headers.set("Content-Security-Policy", contentSecurityPolicyValue);
  for (const [name, value] of Object.entries(COMMON_HEADERS)) {
    if (!headers.has(name)) headers.set(name, value);
  }
  return headers;
}

/** The headers of a resource route's response, security headers included. */
export function resourceHeaders(init: Record<string, string>): Headers {
  return applySecurityHeaders(new Headers(init), RESOURCE_CONTENT_SECURITY_POLICY);
}

/** Whether the server runs under `remix vite:dev`, where the CSP is relaxed for HMR. */
export function isDevelopment(environment: { NODE_ENV?: string } = env): boolean {
  return environment.NODE_ENV === "development";
}
