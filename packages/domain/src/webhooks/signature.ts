/**
 * Webhook signatures: one header, `Clinic-Signature: t=<unix seconds>,v1=<hex>`, where v1 is
 * HMAC-SHA256 of `${t}.${rawBody}` with the endpoint's secret. During a secret rotation the
 * header carries one v1 per live secret, so receivers holding either one keep verifying.
 * Web Crypto only, so it runs in Node 20, browsers, Deno and edge runtimes alike.
 */
export const WEBHOOK_SIGNATURE_HEADER = "Clinic-Signature";
/** How old a signed timestamp may be before a receiver refuses it (replays). */
export const WEBHOOK_TOLERANCE_SECONDS = 300;

const encoder = new TextEncoder();

async function hmacHex(secret: string, message: string): Promise<string> {
  const key = await crypto.subtle.importKey(
    "raw",
    encoder.encode(secret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  const mac = new Uint8Array(await crypto.subtle.sign("HMAC", key, encoder.encode(message)));
  return Array.from(mac, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/** The header value for `rawBody`, signed with every secret given (the current one first). */
export async function signWebhookBody(
  rawBody: string,
  secrets: readonly string[],
  now: Date = new Date(),
): Promise<string> {
  if (secrets.length === 0) throw new Error("signWebhookBody needs at least one secret");
  const timestamp = Math.floor(now.getTime() / 1000);
  const signatures = await Promise.all(
    secrets.map((secret) => hmacHex(secret, `${timestamp}.${rawBody}`)),
  );
  return [`t=${timestamp}`, ...signatures.map((signature) => `v1=${signature}`)].join(",");
}

export type WebhookVerification =
  | { ok: true; timestamp: Date }
  | { ok: false; reason: "missing" | "malformed" | "expired" | "mismatch" };

/**
 * Checks a delivery: pass the body exactly as received (before JSON.parse) and the header.
 * Compares in constant time and refuses timestamps further than `toleranceSeconds` from now.
 */
export async function verifyWebhookSignature(input: {
  rawBody: string;
  header: string | null | undefined;
  secret: string;
  toleranceSeconds?: number;
  now?: Date;
}): Promise<WebhookVerification> {
  const { rawBody, header, secret } = input;
  if (!header) return { ok: false, reason: "missing" };
  let timestamp: number | undefined;
  const signatures: string[] = [];
  for (const part of header.split(",")) {
    const [key, value] = part.trim().split("=", 2);
    if (key === "t" && value && /^\d{1,12}$/.test(value)) timestamp = Number(value);
    else if (key === "v1" && value && /^[0-9a-f]{64}$/.test(value)) signatures.push(value);
  }
  if (timestamp === undefined || signatures.length === 0) return { ok: false, reason: "malformed" };
  const nowSeconds = Math.floor((input.now ?? new Date()).getTime() / 1000);
  if (Math.abs(nowSeconds - timestamp) > (input.toleranceSeconds ?? WEBHOOK_TOLERANCE_SECONDS)) {
    return { ok: false, reason: "expired" };
  }
  const expected = await hmacHex(secret, `${timestamp}.${rawBody}`);
  const matches = signatures.some((signature) => constantTimeEqual(signature, expected));
  return matches
    ? { ok: true, timestamp: new Date(timestamp * 1000) }
    : { ok: false, reason: "mismatch" };
}

function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let index = 0; index < a.length; index += 1)
    difference |= a.charCodeAt(index) ^ b.charCodeAt(index);
  return difference === 0;
}
