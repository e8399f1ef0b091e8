import type { AppRouter } from "@clinic/api";
import { createTRPCClient, httpBatchLink, TRPCClientError } from "@trpc/client";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server/rpc";
import superjson from "superjson";

export type { AppRouter, RouterInputs, RouterOutputs } from "@clinic/api";
export { TRPCClientError };

export interface ApiClientOptions {
  /** Base URL of the API, e.g. `http://localhost:4000`; `/trpc` is added. */
  url: string;
  /** A staff session token, sent as a bearer token. */
  sessionToken?: string | null;
  /** Replaces the global fetch, e.g. to call an app in process in tests. */
  fetch?: typeof fetch;
  /** Extra headers for every request (e.g. the visitor's address, forwarded by a site). */
  headers?: Record<string, string>;
}

/** A typed tRPC client for the clinic API, used server-side by the Remix apps. */
export function createApiClient(options: ApiClientOptions) {
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: `${options.url.replace(/\/$/, "")}/trpc`,
        transformer: superjson,
        // The API refuses batches of more calls than this (MAX_BATCH_SIZE in apps/api/src/app.ts).
        maxItems: 20,
        fetch: options.fetch,
        headers: () => ({
          ...options.headers,
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
