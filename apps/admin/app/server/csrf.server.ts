import { isCrossSiteRequest, isCrossSiteSubmission } from "@clinic/form-kit/server";

/**
 * Refuses a state-changing request that a browser sent from another site (or another origin
 * of the same site, such as the public site: SameSite cookies don't stop those), with a 403
 * the route's error boundary shows as the "You don't have access" page. Call it first in
 * every action, before reading the body or the session, so a refused request changes nothing.
 *
 * Which requests count as cross-site: `isCrossSiteRequest` in @clinic/form-kit (the public
 * site refuses them too).
 */
export function requireSameOrigin(request: Request): void {
  if (isCrossSiteRequest(request)) {
    throw new Response("This form was sent from another site and was refused.", {
      status: 403,
      statusText: "Forbidden",
    });
  }
}

/**
 * For the server in front of Remix. Remix checks Origin itself before any action runs and,
 * on a mismatch, answers 500 with an empty body. Called on every request before Remix sees
 * it, this turns a cross-site submission into one Remix lets through to the action (no
 * Origin, no body, `Sec-Fetch-Site: cross-site`), where `requireSameOrigin` answers with the
 * app's 403 page. Any other request is returned as it is.
 */
export function crossSiteSubmissionForRemix(request: Request): Request {
  if (!isCrossSiteSubmission(request)) return request;
  const headers = new Headers(request.headers);
  headers.delete("Origin");
  headers.delete("Content-Type");
  headers.delete("Content-Length");
  headers.set("Sec-Fetch-Site", "cross-site");
  return new Request(request.url, { method: request.method, headers, signal: request.signal });
}
