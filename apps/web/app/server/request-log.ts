// Manage tokens act as passwords: they must never reach a log.
const MANAGE_TOKEN_IN_PATH = /(\/manage\/)[^/?#.]+/g;

/** A request's path and query for the access log, with any manage token replaced. */
export function loggablePath(url: string): string {
  const { pathname, search } = new URL(url, "http://localhost");
  return `${pathname}${search}`.replace(MANAGE_TOKEN_IN_PATH, "$1[token]");
}

/** One access-log line: `GET /book?practitioner=any 200 12ms`. */
export function accessLogLine(
  request: { method: string; url: string },
  status: number,
  ms: number,
) {
  return `${request.method} ${loggablePath(request.url)} ${status} ${Math.round(ms)}ms`;
}
