import { PassThrough } from "node:stream";
import type {
  AppLoadContext,
  EntryContext,
  HandleDataRequestFunction,
  HandleErrorFunction,
} from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { NonceProvider } from "./components/nonce";
import { RETRY_AFTER_SECONDS } from "./server/api-unavailable";
import {
  DOCUMENT_CACHE_CONTROL,
  dataCacheControl,
  documentCacheControl,
} from "./server/cache-control";
import { logger } from "./server/logger.server";
import { RENDERED_WITH_PLACEHOLDER } from "./server/page-cache";
import { loggablePath } from "./server/request-log";
import {
  applySecurityHeaders,
  contentSecurityPolicy,
  createNonce,
  isDevelopment,
  RESOURCE_CONTENT_SECURITY_POLICY,
} from "./server/security-headers.server";

const ABORT_DELAY = 5_000;

/**
 * Remix's default Node entry, plus headers no route can forget: Cache-Control from the route's
 * declaration and the final status (only public routes' successful GETs may be kept: see
 * cache-control.ts), and the security headers with a Content-Security-Policy whose nonce is the
 * one this render gives its inline scripts. A page the site's cache will keep (server.ts passes
 * `renderNonce`) is rendered whole with that placeholder nonce, which the cache replaces with a
 * fresh one in every response (page-cache.ts).
 * Resource routes (feeds, sitemap) do not pass through here: they use `resourceHeaders`.
 */
export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext?: AppLoadContext,
) {
  const renderNonce = renderNonceFrom(loadContext);
  const cacheNonce =
    documentCacheControl(request, responseStatusCode, responseHeaders) === DOCUMENT_CACHE_CONTROL
      ? renderNonce
      : null;
  // Bots, crawlers and the cache get the whole document at once; browsers get it streamed.
  const waitForAll =
    cacheNonce !== null || isbot(request.headers.get("user-agent") ?? "") || remixContext.isSpaMode;
  const nonce = cacheNonce ?? createNonce();

  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    let status = responseStatusCode;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer
          context={remixContext}
          url={request.url}
          abortDelay={ABORT_DELAY}
          nonce={nonce}
        />
      </NonceProvider>,
      {
        nonce,
        [waitForAll ? "onAllReady" : "onShellReady"]() {
          shellRendered = true;
          const body = new PassThrough();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          responseHeaders.set(
            "Cache-Control",
            documentCacheControl(request, status, responseHeaders),
          );
          if (cacheNonce !== null) responseHeaders.set(RENDERED_WITH_PLACEHOLDER, "1");
          // A busy API (503, see api-unavailable.ts): tell crawlers and proxies when to come back.
          // A thrown Response's own headers only reach a route with a `headers` export.
          if (status === 503 && !responseHeaders.has("Retry-After")) {
            responseHeaders.set("Retry-After", String(RETRY_AFTER_SECONDS));
          }
          applySecurityHeaders(
            responseHeaders,
            contentSecurityPolicy({ nonce, development: isDevelopment() }),
          );
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status,
            }),
          );
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          status = 500;
          // Errors before the shell reject above and are logged by Remix.
          if (shellRendered) logger.error("rendering failed", { error });
        },
      },
    );
    setTimeout(abort, ABORT_DELAY + 1_000);
  });
}

/**
 * Errors in loaders, actions and rendering: Remix would print them with the request's URL, a
 * manage page's included. Through the logger the token is replaced; aborted requests are noise.
 */
export const handleError: HandleErrorFunction = (error, { request }) => {
  if (request.signal.aborted) return;
  logger.error("request failed", {
    method: request.method,
    path: loggablePath(request.url),
    error,
  });
};

/**
 * Client-side navigations fetch data, not pages: they get the locked-down headers, and the
 * same Cache-Control rule as pages (a public route's successful GET only).
 */
export const handleDataRequest: HandleDataRequestFunction = (response, { request }) => {
  const secure = (headers: Headers) => {
    headers.set("Cache-Control", dataCacheControl(request, response.status, headers));
    applySecurityHeaders(headers, RESOURCE_CONTENT_SECURITY_POLICY);
  };
  try {
    secure(response.headers);
    return response;
  } catch {
    // A response with immutable headers (e.g. Response.redirect): copy it to add them.
    const copy = new Response(response.body, response);
    secure(copy.headers);
    return copy;
  }
};

/** The nonce the page cache asks a render to use (server.ts), or null for a fresh one. */
function renderNonceFrom(context: unknown): string | null {
  if (typeof context !== "object" || context === null || !("renderNonce" in context)) return null;
  return typeof context.renderNonce === "string" ? context.renderNonce : null;
}
