import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

// Endpoint secrets must be readable to sign with, so they are kept, sealed with AES-256-GCM
// under a key derived from APP_SECRET (decision 032): a copy of the database alone (a backup,
// a replica) doesn't give them away. They are shown once and never logged.

const SEALED = /^v1\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$/;

function keyFrom(appSecret: string): Buffer {
  return Buffer.from(hkdfSync("sha256", appSecret, "clinic-webhooks", "endpoint-secret", 32));
}

/** A new signing secret, as the owner copies it into their receiver. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64url")}`;
}

export function sealWebhookSecret(secret: string, appSecret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyFrom(appSecret), iv);
  const sealed = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return `v1.${iv.toString("base64url")}.${sealed.toString("base64url")}.${tag.toString("base64url")}`;
}

/** The secret sealed by `sealWebhookSecret` with the same APP_SECRET; throws otherwise. */
export function openWebhookSecret(stored: string, appSecret: string): string {
  const match = SEALED.exec(stored);
  if (!match) throw new Error("webhook secret is not sealed");
  const [, iv, sealed, tag] = match;
  const decipher = createDecipheriv(
    "aes-256-gcm",
    keyFrom(appSecret),
    Buffer.from(iv!, "base64url"),
  );
  decipher.setAuthTag(Buffer.from(tag!, "base64url"));
  return Buffer.concat([
    decipher.update(Buffer.from(sealed!, "base64url")),
    decipher.final(),
  ]).toString("utf8");
}

/** The secrets that sign a delivery at `now`: the current one, then the previous during its overlap. */
export function signingSecrets(
  endpoint: { secret: string; previousSecret: string | null; previousSecretExpiresAt: Date | null },
  appSecret: string,
  now: Date,
): string[] {
  const secrets = [openWebhookSecret(endpoint.secret, appSecret)];
  if (
    endpoint.previousSecret &&
    endpoint.previousSecretExpiresAt &&
    endpoint.previousSecretExpiresAt.getTime() > now.getTime()
  ) {
    secrets.push(openWebhookSecret(endpoint.previousSecret, appSecret));
  }
  return secrets;
}
