import { isApiUnavailable } from "@clinic/api-client";

/** Seconds a visitor (or a crawler) is asked to wait before trying a busy page again. */
export const RETRY_AFTER_SECONDS = 5;

function unavailable(error: unknown): never {
  if (!isApiUnavailable(error)) throw error;
  // Thrown from a loader, a Response becomes the page's status: the error page ("try again in
  // a moment") with 503 and Retry-After, which tells crawlers and proxies this will pass, where
  // a 500 says the page is broken.
  throw new Response("The site is busy. Please try again in a moment.", {
    status: 503,
    headers: { "Retry-After": String(RETRY_AFTER_SECONDS) },
  });
}

/**
 * The client with every query answering "busy, try again" (503) when the API gives no answer
 * of its own after the client's retries. Mutations are left alone: forms show their own
 * message and keep what was typed (`submitToApi`).
 */
export function withUnavailablePage<T extends object>(client: T): T {
  const wrap = (target: object, path: string[]): unknown =>
    new Proxy(target, {
      get(t, key) {
        const value = Reflect.get(t, key);
        if (typeof key !== "string" || value === undefined || value === null) return value;
        return typeof value === "function" || typeof value === "object"
          ? wrap(value as object, [...path, key])
          : value;
      },
      apply(t, thisArg, args) {
        const result = Reflect.apply(t as (...a: unknown[]) => unknown, thisArg, args);
        return path.at(-1) === "query" && result instanceof Promise
          ? result.catch(unavailable)
          : result;
      },
    });
  return wrap(client, []) as T;
}
