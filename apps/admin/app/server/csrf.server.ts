/**
 * Refuses a state-changing request that a browser sent from another site. The session cookie
 * is SameSite=Lax, which already keeps it off cross-site POSTs in current browsers; checking
 * Origin as well covers older browsers and same-site-but-other-origin pages. Browsers always
 * send Origin on POST; a request without one (curl, tests) is not a browser attack.
 */
export function requireSameOrigin(request: Request): void {
  const origin = request.headers.get("Origin");
  if (origin === null) return;
  if (!allowedHosts(request).has(hostOf(origin) ?? "")) {
    throw new Response("This form was sent from another site and was refused.", { status: 403 });
  }
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
