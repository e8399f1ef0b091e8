import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  newWebhookSecret,
  openWebhookSecret,
  sealWebhookSecret,
  signingSecrets,
} from "./webhook-secrets.js";
import { postWebhook, WebhookTargetRefused } from "./webhook-sender.js";

describe("sealed webhook secrets", () => {
  const appSecret = "test-app-secret-0123456789abcdef-0123";

  it("open with the same APP_SECRET only, and never hold the secret in the clear", () => {
    const secret = newWebhookSecret();
    const sealed = sealWebhookSecret(secret, appSecret);
    expect(sealed).not.toContain(secret.slice(6));
    expect(sealWebhookSecret(secret, appSecret)).not.toBe(sealed);
    expect(openWebhookSecret(sealed, appSecret)).toBe(secret);
    expect(() => openWebhookSecret(sealed, `${appSecret}x`)).toThrow();
    expect(() => openWebhookSecret(secret, appSecret)).toThrow("not sealed");
  });

  it("sign with the previous secret too until its overlap ends", () => {
    const endpoint = {
      secret: sealWebhookSecret("whsec_new", appSecret),
      previousSecret: sealWebhookSecret("whsec_old", appSecret),
      previousSecretExpiresAt: new Date("2027-02-10T00:00:00Z"),
    };
    expect(signingSecrets(endpoint, appSecret, new Date("2027-02-09T23:59:59Z"))).toEqual([
      "whsec_new",
      "whsec_old",
    ]);
    expect(signingSecrets(endpoint, appSecret, new Date("2027-02-10T00:00:00Z"))).toEqual([
      "whsec_new",
    ]);
  });
});

describe("posting a delivery", () => {
  let url: string;
  const server = createServer((request, response) => {
    request.resume();
    request.on("end", () => {
      response.writeHead(200, { "content-type": "text/plain" });
      // A megabyte: only the start is read.
      response.end("y".repeat(1024 * 1024));
    });
  });
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(7620, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("reads at most the cap of a huge answer", async () => {
    const answer = await postWebhook({
      url,
      body: "{}",
      headers: { "content-type": "application/json" },
      policy: { allowPrivate: true },
      maxResponseBytes: 4096,
    });
    expect(answer.statusCode).toBe(200);
    expect(answer.body.length).toBe(4096);
  });

  it("refuses this machine without the development setting, before connecting", async () => {
    await expect(
      postWebhook({ url, body: "{}", headers: {}, policy: { allowPrivate: false } }),
    ).rejects.toBeInstanceOf(WebhookTargetRefused);
    await expect(
      postWebhook({
        url: "https://[::ffff:7f00:1]:7620/hook",
        body: "{}",
        headers: {},
        policy: { allowPrivate: false },
      }),
    ).rejects.toThrow(/IPv4-mapped/);
  });
});
