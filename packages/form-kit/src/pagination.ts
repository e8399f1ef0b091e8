/** The 1-based `?page=` number; anything else (missing, 0, "abc", "2.5", too big) is page 1. */
export function pageParam(searchParams: URLSearchParams, max = 10_000): number {
  const raw = searchParams.get("page");
  if (raw === null || !/^\d+$/.test(raw)) return 1;
  const page = Number(raw);
  return page >= 1 && page <= max ? page : 1;
}

/** How many pages `total` items fill, at least one (an empty list is one empty page). */
export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}
