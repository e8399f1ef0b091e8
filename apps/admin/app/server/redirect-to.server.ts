const BASE = "http://redirect-to.invalid";

/**
 * Where to send a user after signing in: `value` when it is a path on this site, otherwise
 * `fallback`. Only paths starting with exactly one "/" are accepted, so `//evil.example`,
 * `/\evil.example`, `https://…` and `javascript:` never leave the site.
 */
export function safeRedirectTo(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 2000) return fallback;
  if (!value.startsWith("/") || value.startsWith("//")) return fallback;
  // Browsers treat "\" like "/" and drop tabs and newlines, so "/\evil.example" and "/\t/evil"
  // would become protocol-relative URLs.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we reject
  if (/[\\\u0000-\u001f\u007f]/.test(value)) return fallback;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The path (with query) of a request, as used for `?redirectTo=`. */
export function requestPath(request: Request): string {
  const url = new URL(request.url);
  return `${url.pathname}${url.search}`;
}
