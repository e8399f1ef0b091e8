import { safeRedirectTo } from "./redirect-to.server";

/**
 * Success messages after a redirect travel as `?notice=<key>`: the page maps known keys to its
 * own words, so nothing a link carries is ever shown as text.
 */
export function noticeFrom<K extends string>(
  request: Request,
  messages: Readonly<Record<K, string>>,
): string | null {
  const key = new URL(request.url).searchParams.get("notice");
  if (key === null || !Object.hasOwn(messages, key)) return null;
  return messages[key as K];
}

/**
 * `path` with `?notice=key` added (keeping any query it has). Paths are built from route
 * parameters, so they pass the same check as any redirect target: off the site is "/".
 */
export function withNotice(path: string, key: string): string {
  const url = new URL(safeRedirectTo(path), "http://admin.invalid");
  url.searchParams.set("notice", key);
  return `${url.pathname}${url.search}`;
}
