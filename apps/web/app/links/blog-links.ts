/** The address of a page of the blog's list, or of one topic's list. */
export function blogListHref(page: number, tag: string | null = null): string {
  const base = tag ? `/blog/tag/${encodeURIComponent(tag)}` : "/blog";
  return page > 1 ? `${base}?page=${page}` : base;
}
