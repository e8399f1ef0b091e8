import { resolveClientAddress } from "@clinic/env/trusted-proxies";
import { env } from "./env.server";

/**
 * The staff member's address, for the API's per-address sign-in limits: the connection's own
 * (server.ts passes it in the load context as `clientAddress`), or, when that connection is one
 * of the admin's trusted proxies (TRUSTED_PROXIES), the rightmost X-Forwarded-For hop that isn't.
 * Null under `remix vite:dev`, which passes no address: the API then sees the admin server.
 */
export function clientAddress(request: Request, context: unknown): string | null {
  const socketAddress =
    typeof context === "object" &&
    context !== null &&
    "clientAddress" in context &&
    typeof context.clientAddress === "string"
      ? context.clientAddress
      : null;
  return resolveClientAddress(
    socketAddress,
    request.headers.get("x-forwarded-for"),
    env.trustedProxies,
  );
}
