import { createHmac } from "node:crypto";
import { hashToken } from "../auth/sessions.js";

/**
 * A booking's manage token is derived from its id with a server secret, so a
 * retried request (same idempotency key) can hand back the same link; only
 * the token's SHA-256 is stored, for lookup.
 */
export function manageTokenFor(bookingId: string, secret: string): string {
  return createHmac("sha256", secret).update(`manage:${bookingId}`).digest("base64url");
}

export { hashToken as hashManageToken };
