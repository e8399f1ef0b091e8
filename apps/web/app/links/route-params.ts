import { slugSchema } from "@clinic/domain";

/**
 * A URL slug checked with the domain's own rule, or null. A malformed slug can match
 * nothing, so the page answers 404 at once instead of sending the API a bad request.
 */
export function slugParam(value: string | undefined): string | null {
  const parsed = slugSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** The 1-based `?page=` number; anything else (missing, 0, "abc", "2.5") is page 1. */
export function pageParam(searchParams: URLSearchParams, max = 10_000): number {
  const raw = searchParams.get("page");
  if (raw === null || !/^\d{1,6}$/.test(raw)) return 1;
  const page = Number(raw);
  return page >= 1 && page <= max ? page : 1;
}
