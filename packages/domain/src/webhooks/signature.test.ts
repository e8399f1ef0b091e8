import { describe, expect, it } from "vitest";
import { signWebhookBody, verifyWebhookSignature } from "./signature.js";

const body = JSON.stringify({ id: "evt_1", type: "booking.created" });
const now = new Date("2026-10-04T02:30:00Z");

describe("webhook signatures", () => {
  it("verifies what it signed, with the same body and secret", async () => {
    const header = await signWebhookBody(body, ["whsec_a"], now);
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(await verifyWebhookSignature({ rawBody: body, header, secret: "whsec_a", now })).toEqual(
      {
        ok: true,
        timestamp: new Date("2026-10-04T02:30:00Z"),
      },
    );
  });

  it("refuses another secret, a changed body, a missing or malformed header", async () => {
    const header = await signWebhookBody(body, ["whsec_a"], now);
    expect(await verifyWebhookSignature({ rawBody: body, header, secret: "whsec_b", now })).toEqual(
      {
        ok: false,
        reason: "mismatch",
      },
    );
    expect(
      await verifyWebhookSignature({ rawBody: `${body} `, header, secret: "whsec_a", now }),
    ).toMatchObject({
      reason: "mismatch",
    });
    expect(
      await verifyWebhookSignature({ rawBody: body, header: null, secret: "whsec_a", now }),
    ).toMatchObject({
      reason: "missing",
    });
    expect(
      await verifyWebhookSignature({ rawBody: body, header: "v1=zz", secret: "whsec_a", now }),
    ).toMatchObject({
      reason: "malformed",
    });
  });

  it("refuses a replay older than the tolerance", async () => {
    const header = await signWebhookBody(body, ["whsec_a"], now);
    const later = new Date(now.getTime() + 301_000);
    expect(
      await verifyWebhookSignature({ rawBody: body, header, secret: "whsec_a", now: later }),
    ).toMatchObject({
      reason: "expired",
    });
  });

  it("signs with both secrets during a rotation, so either verifies", async () => {
    const header = await signWebhookBody(body, ["whsec_new", "whsec_old"], now);
    expect(header.split(",")).toHaveLength(3);
    for (const secret of ["whsec_new", "whsec_old"]) {
      expect(await verifyWebhookSignature({ rawBody: body, header, secret, now })).toMatchObject({
        ok: true,
      });
    }
  });
});
