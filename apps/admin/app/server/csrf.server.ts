/**
 * Refuses a state-changing request that a browser sent from another site (or another origin
 * of the same site, such as the public site: SameSite cookies don't stop those), with a 403
 * the route's error boundary shows as the "You don't have access" page. Call it first in
 * every action, before reading the body or the session, so a refused request changes nothing.
 *
 * Browsers send Origin on every POST; where a privacy setting strips it, Fetch Metadata
 * (`Sec-Fetch-Site`) still says where the request came from. A request with neither (curl,
 * tests, old browsers) is not a browser attack, and the SameSite=Lax cookie covers the rest.
 */
export function requireSameOrigin(request: Request): void {
  if (isCrossSiteRequest(request)) {
    throw new Response("This form was sent from another site and was refused.", {
      status: 403,
      statusText: "Forbidden",
    });
  }
}

/** Whether a browser sent `request` from a page that is not this app's own origin. */
export function isCrossSiteRequest(request: Request): boolean {
  const origin = request.headers.get("Origin");
  if (origin !== null) return !allowedHosts(request).has(hostOf(origin) ?? "");
  const site = request.headers.get("Sec-Fetch-Site");
  // "none": typed into the address bar or a bookmark; "same-origin": our own pages.
  return site !== null && site !== "same-origin" && site !== "none";
}

function hostOf(origin: string): string | null {
  // "null" (sandboxed frames, some redirects) and other unparsable values never match.
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

/** The admin's own host as the request reached it, and as a proxy in front says it did. */
function allowedHosts(request: Request): Set<string> {
  const hosts = new Set([new URL(request.url).host]);
  const forwarded = request.headers.get("X-Forwarded-Host")?.split(",")[0]?.trim();
  if (forwarded) hosts.add(forwarded);
  return hosts;
}

const STATE_CHANGING_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * For the server in front of Remix. Remix checks Origin itself before any action runs and,
 * on a mismatch, answers 500 with an empty body. Called on every request before Remix sees
 * it, this turns a cross-site submission into one Remix lets through to the action (no
 * Origin, no body, `Sec-Fetch-Site: cross-site`), where `requireSameOrigin` answers with the
 * app's 403 page. Any other request is returned as it is.
 */
export function crossSiteSubmissionForRemix(request: Request): Request {
  if (!STATE_CHANGING_METHODS.has(request.method) || !isCrossSiteRequest(request)) return request;
  const headers = new Headers(request.headers);
  headers.delete("Origin");
  headers.delete("Content-Type");
  headers.delete("Content-Length");
  headers.set("Sec-Fetch-Site", "cross-site");
  return new Request(request.url, { method: request.method, headers, signal: request.signal });
}
