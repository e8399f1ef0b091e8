import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Twilio's request signature (`X-Twilio-Signature`): HMAC-SHA1, keyed with the auth token,
 * of the full URL the provider posted to followed by each POST parameter's name and value,
 * sorted by name; base64.
 */
export function providerSignature(
  url: string,
  params: Record<string, string>,
  authToken: string,
): string {
  const data = Object.keys(params)
    .sort()
    .reduce((text, name) => text + name + params[name], url);
  return createHmac("sha1", authToken).update(data, "utf8").digest("base64");
}

/** Whether `signature` is the provider's for this request, compared in constant time. */
export function verifyProviderSignature(
  signature: string | undefined,
  url: string,
  params: Record<string, string>,
  authToken: string,
): boolean {
  if (!signature) return false;
  const expected = Buffer.from(providerSignature(url, params, authToken));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
