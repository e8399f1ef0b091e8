import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";

/**
 * The request a piece of work belongs to, so one visitor's request can be followed from the
 * site's log into the API's: the site makes the id, its API client sends it as `X-Request-Id`,
 * the API takes it over, and every log line written while serving the request carries it.
 */
export const REQUEST_ID_HEADER = "x-request-id";

const context = new AsyncLocalStorage<{ requestId: string }>();

// Only UUIDs are taken from a header: they can't carry anything personal into the logs, and the
// logger's token scrubbing leaves them readable.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The id a caller sent, when it is one we accept, or a new one. */
export function requestIdFrom(header: string | null | undefined): string {
  return header && UUID.test(header) ? header.toLowerCase() : randomUUID();
}

/** Runs `work` as part of the request `requestId`: log lines and API calls inside carry it. */
export function withRequestId<T>(requestId: string, work: () => T): T {
  return context.run({ requestId }, work);
}

/** The id of the request being served, if any. */
export function currentRequestId(): string | undefined {
  return context.getStore()?.requestId;
}

/** The header that carries the current request's id to the API; none outside a request. */
export function requestIdHeaders(): Record<string, string> {
  const requestId = currentRequestId();
  return requestId ? { [REQUEST_ID_HEADER]: requestId } : {};
}
