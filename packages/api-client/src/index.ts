import type { AppRouter } from "@clinic/api";
import { createTRPCClient, httpBatchLink, retryLink, TRPCClientError } from "@trpc/client";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server/rpc";
import superjson from "superjson";

export type { AppRouter, RouterInputs, RouterOutputs } from "@clinic/api";
export { TRPCClientError };

export interface ApiClientOptions {
  /** Base URL of the API, e.g. `http://localhost:4000`; `/trpc` is added. */
  url: string;
  /** A staff session token, or a staff API key (`ck_…`, decision 033), sent as a bearer token. */
  sessionToken?: string | null;
  /** Replaces the global fetch, e.g. to call an app in process in tests. */
  fetch?: typeof fetch;
  /**
   * Extra headers for every request (e.g. the visitor's address, forwarded by a site), or a
   * function read at each request (e.g. the id of the request a site is serving).
   */
  headers?: Record<string, string> | (() => Record<string, string>);
}

/**
 * The longest batched GET URL. The client puts every call made in the same tick into one
 * request, and a site serves all its concurrent visitors from one client: under load one URL
 * carried the inputs of dozens of pages, past the 16 KiB Node's HTTP server accepts for a
 * request line and headers, and the API's server answered 431 with an empty body before the app
 * saw it (`Unexpected end of JSON input`, nothing in the API's log). Half of Node's limit leaves
 * room for the headers.
 */
export const MAX_URL_LENGTH = 8_000;
/** Calls in one request at most: under the API's body limit, and the API refuses more (MAX_BATCH_SIZE in apps/api/src/app.ts). */
export const MAX_BATCH_ITEMS = 20;
/** Tries of a query in all, when the API did not answer (refused, reset, busy proxy). */
export const QUERY_ATTEMPTS = 3;
const retryDelayMs = (attempt: number) => 100 * 2 ** (attempt - 1) + Math.random() * 50;

/**
 * Whether the API gave no answer of its own: the connection failed, or what came back was not
 * the API's (an empty or unparsable body), or it said it is busy or unreachable (502, 503, 504).
 * A site shows "try again in a moment" (503) for these, not an error of its own.
 */
export function isApiUnavailable(error: unknown): boolean {
  if (!(error instanceof TRPCClientError)) return false;
  const status =
    (error.data as { httpStatus?: number } | undefined)?.httpStatus ??
    (error.meta?.response as Response | undefined)?.status;
  if (status === undefined) return true;
  // A refusal of its own (a 413 from its body limit, say) is an answer, not an outage.
  return status === 502 || status === 503 || status === 504;
}

/** A typed tRPC client for the clinic API, used server-side by the Remix apps. */
export function createApiClient(options: ApiClientOptions) {
  return createTRPCClient<AppRouter>({
    links: [
      // Only queries: they change nothing, so a second try is safe. A mutation that got no
      // answer may have been applied; its caller decides (bookings carry an idempotency key).
      retryLink({
        retry: ({ op, error, attempts }) =>
          op.type === "query" && attempts < QUERY_ATTEMPTS && isApiUnavailable(error),
        retryDelayMs,
      }),
      httpBatchLink({
        url: `${options.url.replace(/\/$/, "")}/trpc`,
        maxURLLength: MAX_URL_LENGTH,
        maxItems: MAX_BATCH_ITEMS,
        transformer: superjson,
        fetch: options.fetch,
        headers: () => ({
          ...(typeof options.headers === "function" ? options.headers() : options.headers),
          ...(options.sessionToken ? { authorization: `Bearer ${options.sessionToken}` } : {}),
        }),
      }),
    ],
  });
}

export type ApiClient = ReturnType<typeof createApiClient>;

/** Whether an error came from the API with the given tRPC code (e.g. `NOT_FOUND`). */
export function isApiError(
  error: unknown,
  code?: TRPC_ERROR_CODE_KEY,
): error is TRPCClientError<AppRouter> {
  if (!(error instanceof TRPCClientError)) return false;
  return code === undefined || error.data?.code === code;
}

/** Field errors of a validation failure (`BAD_REQUEST`), keyed by field path. */
export function apiFieldErrors(error: unknown): Record<string, string[]> | null {
  if (!isApiError(error, "BAD_REQUEST")) return null;
  return (error.data as { fieldErrors?: Record<string, string[]> | null }).fieldErrors ?? null;
}
