import { createApiClient } from "@clinic/api-client";
import { requestIdHeaders } from "@clinic/logger";
import { withUnavailablePage } from "./api-unavailable";
import { forwardedForHeaders } from "./client-address";
import { env } from "./env.server";

/** The API's base URL, for its few plain HTTP routes (e.g. calendar files). */
export const apiUrl = env.API_URL.replace(/\/$/, "");

/**
 * The public site's API client. It carries no session: every page here is public. A query the
 * API can't answer (after the client's retries) makes the page a 503 "try again", not a 500.
 */
export const api = withUnavailablePage(
  // Each call carries the id of the request it was made for (server.ts), into the API's logs.
  createApiClient({ url: env.API_URL, headers: requestIdHeaders }),
);

/**
 * A client that forwards the visitor's address, for calls the API rate-limits per visitor
 * (reviews, enquiries, bookings). Without it every visitor would share the site's address.
 * The address is the connection's (`socketAddress`, passed in the load context: see
 * `socketAddressFrom`), or a trusted proxy's X-Forwarded-For hop (see `clientAddress`).
 */
export function apiFor(request: Request, socketAddress?: string | null) {
  return withUnavailablePage(
    createApiClient({
      url: env.API_URL,
      headers: {
        ...forwardedForHeaders(request, socketAddress, env.TRUSTED_PROXIES),
        ...requestIdHeaders(),
      },
    }),
  );
}
