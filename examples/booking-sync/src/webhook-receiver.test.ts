import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { signWebhookBody, type WebhookBooking, type WebhookEvent } from "@clinic/domain";
import { afterAll, describe, expect, it } from "vitest";
import { BookingStore } from "./booking-store.js";
import { webhookReceiver } from "./webhook-receiver.js";

const SECRET = "whsec_current_0123456789abcdef0123456789";
const PREVIOUS = "whsec_previous_0123456789abcdef012345678";
const NOW = new Date("2027-03-01T01:00:00Z");

const booking: WebhookBooking = {
  id: "7d0b5a4e-8f43-4c1a-9a39-3f1f8f0b2c11",
  status: "confirmed",
  startsAt: "2027-03-03T22:00:00.000Z",
  endsAt: "2027-03-03T22:30:00.000Z",
  service: { id: "61d2a946-37ee-4dc6-8611-988be6d4083c", name: "Follow-up Adjustment" },
  practitioner: { id: "0f17a542-b34e-4530-8ae4-45f24b54718a", name: "Jason Lee" },
  patient: {
    id: "643b1a6c-92f4-4502-9e6b-60609b88a8bc",
    name: "Morgan Ellis",
    email: "morgan.ellis@example.com",
    phone: null,
  },
};

function event(
  id: string,
  type: "booking.created" | "booking.cancelled" | "booking.rescheduled",
  createdAt: string,
  changes: Partial<WebhookBooking> = {},
): WebhookEvent {
  return { id, type, createdAt, test: false, data: { booking: { ...booking, ...changes } } };
}

async function deliver(
  app: ReturnType<typeof webhookReceiver>,
  body: unknown,
  options: { secrets?: string[]; signedAt?: Date; header?: string | null } = {},
) {
  const raw = typeof body === "string" ? body : JSON.stringify(body);
  const header =
    options.header !== undefined
      ? options.header
      : await signWebhookBody(raw, options.secrets ?? [SECRET], options.signedAt ?? NOW);
  return app.request("http://sync.test/webhooks", {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(header ? { "clinic-signature": header } : {}),
    },
    body: raw,
  });
}

describe("the webhook receiver", () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it("keeps the booking a signed event carries, once per event id", async () => {
    const store = await BookingStore.open();
    const seen: string[] = [];
    const app = webhookReceiver({
      store,
      secrets: [SECRET],
      now: () => NOW,
      onEvent: (e) => seen.push(`${e.type} ${e.id}`),
    });
    const created = event("evt_1", "booking.created", "2027-03-01T00:59:00.000Z");
    expect((await deliver(app, created)).status).toBe(200);
    expect(store.get(booking.id)?.booking.status).toBe("confirmed");

    // The same event delivered again (a retry) changes nothing.
    const again = await deliver(app, created);
    expect(await again.json()).toEqual({ ok: true, duplicate: true });
    expect(seen).toEqual(["booking.created evt_1"]);

    const cancelled = event("evt_2", "booking.cancelled", "2027-03-01T00:59:30.000Z", {
      status: "cancelled",
    });
    expect((await deliver(app, cancelled)).status).toBe(200);
    expect(store.get(booking.id)?.booking.status).toBe("cancelled");

    // An older event arriving late (a retried reschedule) doesn't undo the cancellation.
    const late = event("evt_3", "booking.rescheduled", "2027-03-01T00:59:10.000Z", {
      startsAt: "2027-03-04T22:00:00.000Z",
      endsAt: "2027-03-04T22:30:00.000Z",
    });
    expect((await deliver(app, late)).status).toBe(200);
    expect(store.get(booking.id)?.booking).toMatchObject({
      status: "cancelled",
      startsAt: booking.startsAt,
    });
    expect(store.all()).toHaveLength(1);
  });

  it("refuses unsigned, forged, stale and malformed deliveries, and accepts a rotated secret", async () => {
    const store = await BookingStore.open();
    const app = webhookReceiver({ store, secrets: [SECRET, PREVIOUS], now: () => NOW });
    const created = event("evt_10", "booking.created", "2027-03-01T00:59:00.000Z");

    expect((await deliver(app, created, { header: null })).status).toBe(401);
    expect((await deliver(app, created, { secrets: ["someone-elses-secret"] })).status).toBe(401);
    const stale = await deliver(app, created, { signedAt: new Date(NOW.getTime() - 10 * 60_000) });
    expect(stale.status).toBe(401);
    // Signed, then changed on the way.
    const raw = JSON.stringify(created);
    const header = await signWebhookBody(raw, [SECRET], NOW);
    expect((await deliver(app, raw.replace("Morgan", "Mallory"), { header })).status).toBe(401);
    expect(store.all()).toEqual([]);

    expect((await deliver(app, "{not json")).status).toBe(400);
    expect((await deliver(app, { id: "evt_11", type: "booking.created", data: {} })).status).toBe(
      400,
    );

    // The sender signs with the new secret only; this receiver still holds the old one too.
    expect((await deliver(app, created, { secrets: [PREVIOUS] })).status).toBe(200);
    expect(store.get(booking.id)).toBeDefined();
    // Other events are acknowledged and skipped.
    const enquiry = {
      id: "evt_12",
      type: "enquiry.received",
      createdAt: "2027-03-01T00:59:00.000Z",
      data: {
        enquiry: {
          id: "2b1c1f7e-58a4-4a44-8a33-0d5c0e2e9d10",
          name: "Kim",
          email: null,
          phone: "0400 000 000",
          message: "Do you treat rowers?",
          receivedAt: "2027-03-01T00:58:00.000Z",
        },
      },
    };
    expect((await deliver(app, enquiry)).status).toBe(200);
    expect(store.hasSeen("evt_12")).toBe(true);
  });

  it("keeps its copy in a JSON file across restarts, duplicates included", async () => {
    const dir = await mkdtemp(join(tmpdir(), "booking-sync-"));
    dirs.push(dir);
    const file = join(dir, "bookings.json");
    const first = webhookReceiver({
      store: await BookingStore.open(file),
      secrets: [SECRET],
      now: () => NOW,
    });
    const created = event("evt_20", "booking.created", "2027-03-01T00:59:00.000Z");
    expect((await deliver(first, created)).status).toBe(200);

    const reopened = await BookingStore.open(file);
    expect(reopened.get(booking.id)?.booking.patient.name).toBe("Morgan Ellis");
    const second = webhookReceiver({ store: reopened, secrets: [SECRET], now: () => NOW });
    expect(await (await deliver(second, created)).json()).toEqual({ ok: true, duplicate: true });
  });
});
