import {
  verifyWebhookSignature,
  WEBHOOK_SIGNATURE_HEADER,
  webhookEventSchema,
} from "@clinic/domain";
import { Hono } from "hono";
import type { BookingStore } from "./booking-store.js";

/** The largest delivery accepted: an event is a few kilobytes. */
const MAX_BODY_BYTES = 256 * 1024;

export interface ReceiverOptions {
  store: BookingStore;
  /**
   * The endpoint's signing secrets: the current one, and during a rotation the previous one
   * too; a delivery signed with either is accepted.
   */
  secrets: readonly string[];
  now?: () => Date;
  /** Told of each event applied (never its patient details: just type and ids). */
  onEvent?: (event: { id: string; type: string; bookingId: string | null }) => void;
}

/**
 * POST /webhooks: verifies the `Clinic-Signature` header over the raw body, parses the event
 * with the clinic's own schema, ignores an event id already applied (deliveries are retried
 * with the same id) and keeps the booking it carries. Answers 2xx once the event is stored, so
 * the clinic stops retrying; 400/401 for what retrying won't fix.
 */
export function webhookReceiver(options: ReceiverOptions) {
  const app = new Hono();
  app.post("/webhooks", async (c) => {
    const length = Number(c.req.header("content-length") ?? "0");
    if (length > MAX_BODY_BYTES) return c.json({ error: "Too large" }, 413);
    const rawBody = await c.req.text();
    if (rawBody.length > MAX_BODY_BYTES) return c.json({ error: "Too large" }, 413);

    const header = c.req.header(WEBHOOK_SIGNATURE_HEADER);
    const now = options.now?.() ?? new Date();
    let verified = false;
    for (const secret of options.secrets) {
      if ((await verifyWebhookSignature({ rawBody, header, secret, now })).ok) {
        verified = true;
        break;
      }
    }
    if (!verified) return c.json({ error: "Bad signature" }, 401);

    let json: unknown;
    try {
      json = JSON.parse(rawBody);
    } catch {
      return c.json({ error: "Not JSON" }, 400);
    }
    const parsed = webhookEventSchema.safeParse(json);
    if (!parsed.success) return c.json({ error: "Not a clinic event" }, 400);
    const event = parsed.data;

    if (options.store.hasSeen(event.id)) return c.json({ ok: true, duplicate: true });
    if ("booking" in event.data) {
      await options.store.apply(event.id, event.createdAt, event.data.booking);
      options.onEvent?.({ id: event.id, type: event.type, bookingId: event.data.booking.id });
    } else {
      await options.store.skip(event.id);
      options.onEvent?.({ id: event.id, type: event.type, bookingId: null });
    }
    return c.json({ ok: true });
  });
  return app;
}
