/**
 * The site's base URL without a trailing slash: `https://clinic.example` or, for a site
 * under a path, `https://example.com/clinic`. Throws for anything but an http(s) URL, so a
 * bad setting fails on the first page rather than producing broken links everywhere.
 */
export function normaliseSiteUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") {
    throw new RangeError(`The site URL must be http(s), got ${url}`);
  }
  return `${parsed.origin}${parsed.pathname.replace(/\/+$/, "")}`;
}

/** An absolute URL for a path of the site (`/blog/x` → `https://clinic.example/blog/x`). */
export function absoluteUrl(siteUrl: string, path: string): string {
  return `${siteUrl}${path.startsWith("/") ? path : `/${path}`}`;
}

/**
 * The URL a page is known by: its path, plus the one query parameter that names a
 * different page of content (`page`). Tracking and other parameters are dropped.
 */
export function canonicalPath(pathname: string, search: string): string {
  const page = new URLSearchParams(search).get("page");
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname;
  return page && /^\d{1,6}$/.test(page) && page !== "1" ? `${path}?page=${page}` : path;
}
