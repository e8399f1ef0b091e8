import { slugSchema } from "@clinic/domain";

/**
 * A URL slug checked with the domain's own rule, or null. A malformed slug can match
 * nothing, so the page answers 404 at once instead of sending the API a bad request.
 */
export function slugParam(value: string | undefined): string | null {
  const parsed = slugSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
