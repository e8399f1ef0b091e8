// An IPv4 or IPv6 address (with an optional zone), as it appears in X-Forwarded-For.
const ADDRESS = /^[0-9A-Fa-f.:]{2,45}(?:%[\w.-]{1,15})?$/;

/**
 * The visitor's address, for the API's per-address rate limits: the first hop of
 * X-Forwarded-For (the client as the first proxy saw it), else the socket's address when
 * the server passes it in. Only meaningful behind a proxy that sets the header: a visitor
 * who reaches the site directly can put anything there, so the limits are a brake on
 * casual abuse, not a guarantee.
 */
export function clientAddress(request: Request, socketAddress?: string | null): string | null {
  const firstHop = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  if (firstHop && ADDRESS.test(firstHop)) return firstHop;
  const socket = socketAddress?.trim();
  return socket && ADDRESS.test(socket) ? socket : null;
}

/** The header the API reads the visitor's address from, or none when it is unknown. */
export function forwardedForHeaders(
  request: Request,
  socketAddress?: string | null,
): Record<string, string> {
  const address = clientAddress(request, socketAddress);
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
