import { schema } from "@clinic/db";
import { compileTrustedProxies } from "@clinic/env/trusted-proxies";
import { createTRPCClient, httpLink } from "@trpc/client";
import { eq } from "drizzle-orm";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type App, createApp, DEV_APP_SECRET } from "../app.js";
import type { AppRouter } from "../index.js";
import { silentLogger } from "../logger.js";
import {
  connectionFrom,
  createTestApp,
  filledInFormToken,
  type TestApp,
} from "../testing/index.js";
import { RATE_LIMITS, senderHash } from "./public-forms.js";

/** A client whose requests reach `app` over a connection from `peer`, carrying `forwardedFor`. */
function clientVia(app: App, peer: string, forwardedFor?: () => string) {
  return createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: "http://api.test/trpc",
        transformer: superjson,
        fetch: async (url, init) =>
          app.request(url.toString(), init as RequestInit, connectionFrom(peer)),
        headers: () => (forwardedFor ? { "x-forwarded-for": forwardedFor() } : {}),
      }),
    ],
  });
}

const enquiry = (n: number) => ({
  name: "Alex Runner",
  email: `alex${n}@example.com`,
  phone: null,
  message: "Do you see patients on Saturday mornings?",
  formToken: filledInFormToken("enquiry"),
});

describe("the address per-address limits are keyed on", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const keysOfEnquiryHits = async () =>
    new Set(
      (
        await t.db
          .select({ key: schema.rateLimitHits.key })
          .from(schema.rateLimitHits)
          .where(eq(schema.rateLimitHits.bucket, "enquiry"))
      ).map((row) => row.key),
    );
  const keyOf = (clientIp: string) => senderHash({ appSecret: DEV_APP_SECRET, clientIp });

  it("is the connection's own when it doesn't come from a trusted proxy, whatever X-Forwarded-For says", async () => {
    await t.db.delete(schema.rateLimitHits);
    let n = 0;
    const client = clientVia(t.app, "203.0.113.50", () => `192.0.2.${++n}, 10.0.0.${n}`);
    for (let i = 0; i < RATE_LIMITS.enquiry.max; i++) {
      await client.enquiries.submit.mutate(enquiry(i));
    }
    const refused = await client.enquiries.submit.mutate(enquiry(99)).catch((e) => e);
    expect(refused.data).toMatchObject({ code: "TOO_MANY_REQUESTS", httpStatus: 429 });
    expect(await keysOfEnquiryHits()).toEqual(new Set([keyOf("203.0.113.50")]));
  });

  it("is a trusted proxy's rightmost untrusted hop, not what the visitor wrote before it", async () => {
    await t.db.delete(schema.rateLimitHits);
    // The site (a loopback peer) appended the address it saw after a visitor's forged entry.
    await clientVia(t.app, "127.0.0.1", () => "6.6.6.6, 198.51.100.77").enquiries.submit.mutate(
      enquiry(1),
    );
    await clientVia(
      t.app,
      "::ffff:127.0.0.1",
      () => "7.7.7.7, 198.51.100.77",
    ).enquiries.submit.mutate(enquiry(2));
    expect(await keysOfEnquiryHits()).toEqual(new Set([keyOf("198.51.100.77")]));
  });

  it("trusts the proxies TRUSTED_PROXIES lists, and then not loopback", async () => {
    const app = createApp({
      db: t.db,
      logger: silentLogger,
      now: t.now,
      trustedProxies: compileTrustedProxies("10.0.0.0/8"),
    });
    await t.db.delete(schema.rateLimitHits);
    await clientVia(app, "10.20.30.40", () => "198.51.100.88").enquiries.submit.mutate(enquiry(3));
    expect(await keysOfEnquiryHits()).toEqual(new Set([keyOf("198.51.100.88")]));

    await t.db.delete(schema.rateLimitHits);
    await clientVia(app, "127.0.0.1", () => "198.51.100.88").enquiries.submit.mutate(enquiry(4));
    expect(await keysOfEnquiryHits()).toEqual(new Set([keyOf("127.0.0.1")]));
  });
});
