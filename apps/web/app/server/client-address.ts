import { resolveClientAddress, type TrustedProxies } from "@clinic/env/trusted-proxies";

/**
 * The visitor's address, for the API's per-address rate limits: the connection's own, unless
 * it comes from one of the site's trusted proxies (TRUSTED_PROXIES), in which case the
 * rightmost X-Forwarded-For hop that isn't one. A visitor who reaches the site directly can
 * write what they like in the header; it is never read. Null when the server didn't pass the
 * socket address in (`remix vite:dev`): then nothing is forwarded and the API sees the site.
 */
export function clientAddress(
  request: Request,
  socketAddress: string | null | undefined,
  trust: TrustedProxies,
): string | null {
  return resolveClientAddress(socketAddress?.trim(), request.headers.get("x-forwarded-for"), trust);
}

/**
 * The header the API reads the visitor's address from, or none when it is unknown. Only the
 * one address the site vouches for: the API trusts the site as its proxy and takes that hop.
 */
export function forwardedForHeaders(
  request: Request,
  socketAddress: string | null | undefined,
  trust: TrustedProxies,
): Record<string, string> {
  const address = clientAddress(request, socketAddress, trust);
  return address ? { "x-forwarded-for": address } : {};
}

/**
 * The connection's address, when the server passes it in Remix's load context as
 * `clientAddress` (see server.ts); null when it doesn't.
 */
export function socketAddressFrom(context: unknown): string | null {
  if (typeof context !== "object" || context === null || !("clientAddress" in context)) return null;
  return typeof context.clientAddress === "string" ? context.clientAddress : null;
}
