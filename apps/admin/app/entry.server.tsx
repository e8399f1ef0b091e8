import { PassThrough } from "node:stream";
import { NonceProvider } from "@clinic/form-kit";
import {
  applySecurityHeaders,
  createNonce,
  withResourceHeaders,
} from "@clinic/form-kit/security-headers";
import type { EntryContext, HandleDataRequestFunction } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { env } from "./server/env.server";
import { adminContentSecurityPolicy } from "./server/security-headers.server";

const ABORT_DELAY = 5_000;

/**
 * Remix's default Node entry, plus the security headers every page needs (the same set as the
 * public site's, `@clinic/form-kit/security-headers`), with a Content-Security-Policy whose
 * nonce is the one this render gives its scripts.
 */
export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
) {
  // Bots get the whole document at once; browsers get it streamed.
  const waitForAll = isbot(request.headers.get("user-agent") ?? "") || remixContext.isSpaMode;
  const nonce = createNonce();

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
          applySecurityHeaders(responseHeaders, adminContentSecurityPolicy(nonce), {
            production: env.isProduction,
          });
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
          if (shellRendered) console.error(error);
        },
      },
    );
    setTimeout(abort, ABORT_DELAY + 1_000);
  });
}

/** Client-side navigations and form posts fetch data, not pages: they get the locked-down set. */
export const handleDataRequest: HandleDataRequestFunction = (response) =>
  withResourceHeaders(response, { production: env.isProduction });
