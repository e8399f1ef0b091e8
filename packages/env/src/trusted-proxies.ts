import { isIP } from "node:net";
import proxyAddr from "proxy-addr";
import { z } from "zod";

/** Whether a hop of a request's path (the socket peer, then X-Forwarded-For right to left) is a proxy we trust. */
export type TrustedProxies = (address: string, hop: number) => boolean;

/**
 * Unset, only the machine itself is trusted: the sites and the API on one host (development,
 * the browser tests, a single server) work out of the box, and an address reachable from
 * elsewhere can never choose the address a limit is keyed on. Deployments behind a load
 * balancer or with the sites on other hosts list those in TRUSTED_PROXIES.
 */
export const DEFAULT_TRUSTED_PROXIES = "loopback";

/**
 * Compiles a TRUSTED_PROXIES value: comma-separated addresses and CIDR ranges (`10.0.0.0/8`,
 * `2001:db8::/32`), or proxy-addr's names `loopback`, `linklocal`, `uniquelocal`; `none`
 * trusts no one. Throws on anything else, naming the bad entry.
 */
export function compileTrustedProxies(value: string): TrustedProxies {
  const entries = value
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 1 && entries[0] === "none") return () => false;
  return proxyAddr.compile(entries);
}

/** The zod schema of a TRUSTED_PROXIES variable, for `parseEnv`: a bad entry stops start-up naming it. */
export function trustedProxiesVariable() {
  return z
    .string()
    .default(DEFAULT_TRUSTED_PROXIES)
    .transform((value, ctx): TrustedProxies => {
      try {
        return compileTrustedProxies(value);
      } catch (error) {
        ctx.addIssue({
          code: "custom",
          message: `must be addresses or CIDR ranges separated by commas, or loopback/linklocal/uniquelocal/none (${(error as Error).message})`,
        });
        return z.NEVER;
      }
    });
}

const isAddress = (value: string) => isIP(value.replace(/%[\w.-]{1,15}$/, "")) !== 0;

/**
 * Who is really on the other end: walks from the socket peer leftwards through X-Forwarded-For
 * while each hop is a trusted proxy, and returns the first one that isn't (Express's rule, by
 * the same library). A visitor can write anything into the header, but only the hops appended
 * by proxies we trust are read, so rotating it changes nothing. When that hop is not an
 * address at all, the trusted proxy that reported it stands in. Null without a socket peer.
 */
export function resolveClientAddress(
  socketAddress: string | null | undefined,
  forwardedFor: string | null | undefined,
  trust: TrustedProxies,
): string | null {
  if (!socketAddress || !isAddress(socketAddress)) return null;
  const request = {
    socket: { remoteAddress: socketAddress },
    headers: forwardedFor ? { "x-forwarded-for": forwardedFor } : {},
  };
  // [peer, trusted hops…, the client]; proxy-addr stops at the first untrusted hop.
  const path = proxyAddr.all(request as never, trust);
  for (let hop = path.length - 1; hop >= 0; hop--) {
    const address = path[hop];
    if (address && isAddress(address)) return address;
  }
  return socketAddress;
}
