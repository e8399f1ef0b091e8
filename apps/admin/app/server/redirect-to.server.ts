// Stands in for the admin's own origin: any real host would do, one that can't resolve is clearer.
const OWN_ORIGIN = "http://admin.invalid";
const MAX_LENGTH = 2000;

/**
 * Where to send a user after signing in (or any redirect built from what a request carried):
 * the path `value` names on this site, normalised, otherwise `fallback`.
 *
 * The target is resolved against the admin's own origin with the WHATWG URL parser, the one
 * browsers use, and accepted only if it stays on that origin; then the *normalised* path is
 * returned, and checked again. Checking the raw text alone is not enough: dot segments can
 * collapse `/..//evil.example` (or `/%2e%2e//…`, `/.//…`) into the protocol-relative
 * `//evil.example`, which a browser reads as another host.
 */
export function safeRedirectTo(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || value.length === 0 || value.length > MAX_LENGTH) {
    return fallback;
  }
  // Only absolute paths: a scheme (`javascript:`, `https:`), a bare name or `//host` is refused
  // before parsing.
  if (!value.startsWith("/") || value.startsWith("//")) return fallback;
  // Browsers treat "\" like "/" and drop tabs and newlines, so "/\evil.example" and "/\t/evil"
  // would become protocol-relative URLs; no path of ours needs either.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we reject
  if (/[\\\u0000-\u001f\u007f]/.test(value)) return fallback;
  const path = normalisedPath(value);
  if (path === null) return fallback;
  // The Location a browser gets must resolve to the very URL checked here: a path that still
  // starts with "//" (or "/\") after normalising would leave the site.
  if (path.startsWith("//") || path.startsWith("/\\")) return fallback;
  if (normalisedPath(path) !== path) return fallback;
  return path;
}

/** `value` resolved against the admin's origin: its path, query and hash, or null if it leaves. */
function normalisedPath(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value, OWN_ORIGIN);
  } catch {
    return null;
  }
  if (url.origin !== OWN_ORIGIN || url.username !== "" || url.password !== "") return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The path (with query) of a request, as used for `?redirectTo=`. */
export function requestPath(request: Request): string {
  const url = new URL(request.url);
  return `${url.pathname}${url.search}`;
}
