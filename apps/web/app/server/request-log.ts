// Manage tokens and calendar feed tokens act as passwords: they must never reach a log.
const MANAGE_TOKEN_IN_PATH = /(\/manage\/)[^/?#.]+/g;
const FEED_TOKEN_IN_PATH = /(\/calendar\/practitioners\/)[^/?#.]+/g;
const SIGN_IN_TOKEN_IN_PATH = /(\/account\/sign-in\/)[^/?#.]+/g;
// A waitlist offer's claim link (decision 028).
const CLAIM_TOKEN_IN_PATH = /(\/waitlist\/)[^/?#.]+/g;
const INTAKE_TOKEN_IN_PATH = /(\/intake\/)[^/?#.]+/g;

/** A request's path and query for the access log, with any manage token replaced. */
export function loggablePath(url: string): string {
  const { pathname, search } = new URL(url, "http://localhost");
  return `${pathname}${search}`
    .replace(MANAGE_TOKEN_IN_PATH, "$1[token]")
    .replace(FEED_TOKEN_IN_PATH, "$1[token]")
    .replace(SIGN_IN_TOKEN_IN_PATH, "$1[token]")
    .replace(CLAIM_TOKEN_IN_PATH, "$1[token]")
    .replace(INTAKE_TOKEN_IN_PATH, "$1[token]");
}

/** An access-log entry's fields: method, path (without a manage token), status and time taken. */
export function accessLogFields(
  request: { method: string; url: string },
  status: number,
  ms: number,
) {
  return { method: request.method, path: loggablePath(request.url), status, ms: Math.round(ms) };
}
