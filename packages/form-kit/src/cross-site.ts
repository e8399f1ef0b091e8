/**
 * Whether a browser sent `request` from a page that is not this app's own origin (another
 * site, or another origin of the same site: SameSite cookies don't stop those).
 *
 * Browsers send Origin on every POST; where a privacy setting strips it, Fetch Metadata
 * (`Sec-Fetch-Site`) still says where the request came from. A request with neither (curl,
 * tests, old browsers) is not a browser attack, and the SameSite=Lax cookies cover the rest.
 */
export function isCrossSiteRequest(request: Request): boolean {
  const origin = request.headers.get("Origin");
  if (origin !== null) return !allowedHosts(request).has(hostOf(origin) ?? "");
  const site = request.headers.get("Sec-Fetch-Site");
  // "none": typed into the address bar or a bookmark; "same-origin": our own pages.
  return site !== null && site !== "same-origin" && site !== "none";
}

const STATE_CHANGING_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** A form submission (or other change) a browser sent from another origin. */
export function isCrossSiteSubmission(request: Request): boolean {
  return STATE_CHANGING_METHODS.has(request.method) && isCrossSiteRequest(request);
}

function hostOf(origin: string): string | null {
  // "null" (sandboxed frames, some redirects) and other unparsable values never match.
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

/** The app's own host as the request reached it, and as a proxy in front says it did. */
function allowedHosts(request: Request): Set<string> {
  const hosts = new Set([new URL(request.url).host]);
  const forwarded = request.headers.get("X-Forwarded-Host")?.split(",")[0]?.trim();
  if (forwarded) hosts.add(forwarded);
  return hosts;
}
