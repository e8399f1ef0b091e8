import { createApiClient, isApiError } from "@clinic/api-client";
import { z } from "zod";

// Parsed once at start-up so a bad value fails loudly instead of on the first request.
const envSchema = z.object({
  API_URL: z
    .url({ message: "API_URL must be a URL, e.g. http://localhost:4000" })
    .default("http://localhost:4000"),
});

const env = envSchema.parse(process.env);

/** The public site's API client. It carries no session: every page here is public. */
export const api = createApiClient({ url: env.API_URL });

/** The response loaders throw for anything the visitor asked for that does not exist. */
export function notFound(): Response {
  return new Response("Not Found", { status: 404, statusText: "Not Found" });
}

/** Awaits an API call, turning the API's NOT_FOUND into a 404 page. */
export async function orNotFound<T>(call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (error) {
    if (isApiError(error, "NOT_FOUND")) throw notFound();
    throw error;
  }
}
