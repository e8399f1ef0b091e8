/**
 * Where a webhook may be sent (server-side request forgery): never to the clinic's own
 * network or the cloud's metadata service. Pure parsing of address text, so the same rule
 * answers a form (an address typed as the host) and the sender (every address a name
 * resolves to, checked just before connecting).
 */

/** Why an IP address is refused as a webhook target, or null when it is a public address. */
export function ipAddressRefusal(address: string): string | null {
  const text = address.replace(/^\[|\]$/g, "").replace(/%.*$/, "");
  const v4 = parseIPv4(text);
  if (v4) return ipv4Refusal(v4);
  const v6 = parseIPv6(text);
  if (v6) return ipv6Refusal(v6);
  return "is not an IP address";
}

function parseIPv4(text: string): number[] | null {
  const parts = text.split(".");
  if (parts.length !== 4) return null;
  const octets = parts.map((part) => (/^\d{1,3}$/.test(part) ? Number(part) : Number.NaN));
  return octets.every((octet) => octet >= 0 && octet <= 255) ? octets : null;
}

function ipv4Refusal([a = 0, b = 0, c = 0]: number[]): string | null {
  if (a === 0) return "is an unspecified address (0.0.0.0/8)";
  if (a === 127) return "is a loopback address";
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) {
    return "is a private network address";
  }
  if (a === 100 && b >= 64 && b <= 127) return "is a shared (carrier-grade NAT) address";
  if (a === 169 && b === 254) return "is a link-local address (cloud metadata lives here)";
  if (a === 192 && b === 0 && c === 0) return "is a reserved protocol address";
  if ((a === 192 && b === 0 && c === 2) || (a === 198 && b === 51 && c === 100)) {
    return "is a documentation address";
  }
  if (a === 203 && b === 0 && c === 113) return "is a documentation address";
  if (a === 198 && (b === 18 || b === 19)) return "is a benchmarking address";
  if (a >= 224 && a <= 239) return "is a multicast address";
  if (a >= 240) return "is a reserved or broadcast address";
  return null;
}

/** Eight 16-bit groups, or null when `text` isn't IPv6 (a dotted IPv4 tail is accepted). */
function parseIPv6(text: string): number[] | null {
  if (!text.includes(":") || !/^[0-9a-fA-F:.]+$/.test(text)) return null;
  let head = text;
  const tail: number[] = [];
  const lastColon = text.lastIndexOf(":");
  if (text.slice(lastColon + 1).includes(".")) {
    const v4 = parseIPv4(text.slice(lastColon + 1));
    if (!v4) return null;
    tail.push(((v4[0] ?? 0) << 8) | (v4[1] ?? 0), ((v4[2] ?? 0) << 8) | (v4[3] ?? 0));
    head = text.slice(0, lastColon + 1);
    // "::ffff:" loses its separator; "::" stays the elision it is.
    if (!head.endsWith("::")) head = head.slice(0, -1);
  }
  const halves = head.split("::");
  if (halves.length > 2) return null;
  const group = (part: string) =>
    part === ""
      ? []
      : part.split(":").map((g) => (/^[0-9a-fA-F]{1,4}$/.test(g) ? parseInt(g, 16) : Number.NaN));
  const left = group(halves[0] ?? "");
  const right = halves.length === 2 ? group(halves[1] ?? "") : [];
  const known = left.length + right.length + tail.length;
  if ([...left, ...right].some(Number.isNaN)) return null;
  if (halves.length === 1) return known === 8 ? [...left, ...tail] : null;
  if (known > 7) return null;
  return [...left, ...new Array<number>(8 - known).fill(0), ...right, ...tail];
}

function ipv6Refusal(groups: number[]): string | null {
  const [g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0, g6 = 0, g7 = 0] = groups;
  const embedded = [g6 >> 8, g6 & 0xff, g7 >> 8, g7 & 0xff];
  const zeroPrefix = g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0;
  if (zeroPrefix && g5 === 0xffff) {
    const reason = ipv4Refusal(embedded);
    return reason ? `is an IPv4-mapped address that ${reason}` : null;
  }
  if (zeroPrefix && g5 === 0) {
    if (g6 === 0 && g7 === 0) return "is the unspecified address (::)";
    if (g6 === 0 && g7 === 1) return "is a loopback address (::1)";
    return "is an IPv4-compatible address (deprecated, refused)";
  }
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0) {
    const reason = ipv4Refusal(embedded);
    return reason ? `is a NAT64 address that ${reason}` : null;
  }
  if (g0 === 0x2002) {
    const reason = ipv4Refusal([g1 >> 8, g1 & 0xff, g2 >> 8, g2 & 0xff]);
    return reason ? `is a 6to4 address that ${reason}` : null;
  }
  if ((g0 & 0xffc0) === 0xfe80) return "is a link-local address";
  if ((g0 & 0xffc0) === 0xfec0) return "is a site-local address";
  if ((g0 & 0xfe00) === 0xfc00) return "is a unique-local (private) address";
  if ((g0 & 0xff00) === 0xff00) return "is a multicast address";
  if (g0 === 0x2001 && g1 === 0x0db8) return "is a documentation address";
  if (g0 === 0x0100 && g1 === 0 && g2 === 0 && g3 === 0) return "is a discard-only address";
  return null;
}

/** Host names that name this machine or a private network whatever they resolve to. */
const LOCAL_NAME = /(^|\.)(localhost|local|internal|localdomain|home\.arpa)\.?$/i;

/**
 * What is wrong with `url` as a webhook target before anything is resolved: not https (only
 * development allows http), credentials in it, a private IP literal or a local name as host.
 * `allowPrivate` (development and tests) lets private targets and http through.
 */
export function webhookUrlProblem(url: string, options: { allowPrivate: boolean }): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return "Enter a web address starting with https://";
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") {
    return "Enter a web address starting with https://";
  }
  if (parsed.username || parsed.password) {
    return "Leave the user name and password out of the address; the signature authenticates us";
  }
  if (options.allowPrivate) return null;
  if (parsed.protocol !== "https:")
    return "Use an https:// address: deliveries carry patient details";
  const host = parsed.hostname;
  if (/^[\d.]+$/.test(host) || host.startsWith("[")) {
    const refusal = ipAddressRefusal(host);
    if (refusal) return `That address ${refusal}: webhooks only go to public internet addresses`;
    return null;
  }
  if (LOCAL_NAME.test(host) || !host.includes(".")) {
    return "That is a local name: webhooks only go to public internet addresses";
  }
  return null;
}
