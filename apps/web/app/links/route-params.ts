import { slugSchema } from "@clinic/domain";
import { notFound } from "@clinic/form-kit/server";

/**
 * A URL slug checked with the domain's own rule, or null. A malformed slug can match
 * nothing, so the page answers 404 at once instead of sending the API a bad request.
 */
export function slugParam(value: string | undefined): string | null {
  const parsed = slugSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** The slug of a route param, or a 404 for `what` at once when it can't be one. */
export function requireSlug(value: string | undefined, what: string): string {
  const slug = slugParam(value);
  if (!slug) throw notFound(what);
  return slug;
}
