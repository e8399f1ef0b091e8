import { isApiError } from "@clinic/api-client";

/** The response a loader throws for a record (or page) that doesn't exist. */
export function notFound(what = "Page"): Response {
  return new Response(`${what} not found`, { status: 404, statusText: "Not Found" });
}

/**
 * Loads one record through the API; a record the API doesn't know, or an id that isn't one
 * (the API refuses it as a bad request), is a 404 page rather than an error.
 */
export async function requireRecord<T>(call: () => Promise<T>, what = "Page"): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (isApiError(error, "NOT_FOUND") || isApiError(error, "BAD_REQUEST")) throw notFound(what);
    throw error;
  }
}
