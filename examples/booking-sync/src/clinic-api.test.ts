import type { AddressInfo } from "node:net";
import { createApp, startWebhookWorker, type WebhookWorker } from "@clinic/api";
import { createApiClient } from "@clinic/api-client";
import { createSeededTestDatabase } from "@clinic/db/testing";
import { silentLogger } from "@clinic/logger";
import { serve } from "@hono/node-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BookingStore } from "./booking-store.js";
import { ClinicApiError, clinicApi } from "./clinic-api.js";
import { webhookReceiver } from "./webhook-receiver.js";

// The generated client against a real API, started here on PGlite with the demo clinic and
// listening on a port of this package's own (7771), as an integration would reach it; the
// API's own webhook worker delivers to this example's receiver on 7772.
const PORT = 7771;
const RECEIVER_PORT = 7772;
// Seals the endpoints' signing secrets; the worker unseals them with the same one.
const APP_SECRET = "booking-sync-test-app-secret-0123456789abcdef";
const OWNER = { email: "owner@westsidesportschiro.example", password: "booking-sync-owner" };
const DAY_MS = 86_400_000;

const localDate = (at: Date) =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Australia/Sydney" }).format(at);

describe("booking through the REST API with a generated client", () => {
  let server: ReturnType<typeof serve>;
  let close: () => Promise<void>;
  let apiUrl: string;
  let apiKey: string;
  let store: BookingStore;
  const applied: string[] = [];

  beforeAll(async () => {
    const database = await createSeededTestDatabase("pglite", {
      now: new Date(),
      ownerPassword: OWNER.password,
    });
    // Webhooks to this machine, as WEBHOOKS_ALLOW_PRIVATE_TARGETS=true allows in development.
    const app = createApp({
      db: database.db,
      ping: database.ping,
      devMailbox: true,
      appSecret: APP_SECRET,
      allowPrivateWebhookTargets: true,
    });
    server = serve({ fetch: app.fetch, port: PORT, hostname: "127.0.0.1" });
    await new Promise<void>((resolve) => server.once("listening", () => resolve()));
    apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    let receiver: ReturnType<typeof serve> | undefined;
    let worker: WebhookWorker | undefined;
    close = async () => {
      await worker?.stop();
      if (receiver) await new Promise<void>((resolve) => receiver!.close(() => resolve()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await database.close();
    };
    // The owner makes a front-desk key in the admin app; here through the same procedure.
    const { token } = await createApiClient({ url: apiUrl }).auth.signIn.mutate(OWNER);
    const owner = createApiClient({ url: apiUrl, sessionToken: token });
    apiKey = (
      await owner.apiKeys.create.mutate({
        name: "Booking sync",
        role: "front_desk",
        expiresInDays: 30,
      })
    ).key;
    // The owner registers this service's endpoint in the admin's Webhooks page; its secret,
    // shown once, goes into the service's WEBHOOK_SECRET.
    const { secret } = await owner.webhooks.create.mutate({
      url: `http://127.0.0.1:${RECEIVER_PORT}/webhooks`,
      description: "Booking sync",
      events: ["booking.created", "booking.cancelled"],
      enabled: true,
    });
    store = await BookingStore.open();
    const sync = webhookReceiver({
      store,
      secrets: [secret],
      onEvent: (event) => applied.push(`${event.type} ${event.bookingId}`),
    });
    receiver = serve({ fetch: sync.fetch, port: RECEIVER_PORT, hostname: "127.0.0.1" });
    await new Promise<void>((resolve) => receiver!.once("listening", () => resolve()));
    worker = startWebhookWorker({
      db: database.db,
      logger: silentLogger,
      appSecret: APP_SECRET,
      policy: { allowPrivate: true },
      intervalMs: 100,
    });
  }, 240_000);
  afterAll(() => close?.());

  it("lists services, finds a slot, books and cancels", async () => {
    const api = clinicApi({ apiUrl, apiKey });
    const services = await api.services();
    const followUp = services.find((s) => s.slug === "follow-up-adjustment");
    expect(followUp?.practitioners.length).toBeGreaterThan(0);

    const slot = await api.firstFreeSlot({
      serviceId: followUp!.id,
      from: localDate(new Date(Date.now() + 2 * DAY_MS)),
      to: localDate(new Date(Date.now() + 15 * DAY_MS)),
    });
    expect(slot).not.toBeNull();

    const booked = await api.book({
      serviceId: followUp!.id,
      practitionerId: slot!.practitionerId,
      start: slot!.start,
      patient: { name: "Sync Patient", phone: "0400 123 456" },
      idempotencyKey: "booking-sync-test-0001",
    });
    expect(booked).toMatchObject({ status: "confirmed", startsAt: slot!.start });
    expect((await api.booking(booked.id)).id).toBe(booked.id);

    const cancelled = await api.cancel(booked.id, "Booked by the sync's test");
    expect(cancelled.status).toBe("cancelled");

    // Both changes reach the sync as signed webhooks, which keeps the booking's latest state.
    await expect
      .poll(() => store.get(booked.id)?.booking.status, { timeout: 20_000, interval: 100 })
      .toBe("cancelled");
    expect(applied).toEqual([`booking.created ${booked.id}`, `booking.cancelled ${booked.id}`]);
  });

  it("reads refusals as problems: the field at fault, a bad key", async () => {
    const api = clinicApi({ apiUrl, apiKey });
    const services = await api.services();
    const invalid = await api
      .book({
        serviceId: services[0]!.id,
        practitionerId: "any",
        start: "tomorrow at ten",
        patient: { name: "Sync Patient", phone: "0400 123 456" },
        idempotencyKey: "booking-sync-test-0002",
      })
      .catch((error: unknown) => error);
    expect(invalid).toBeInstanceOf(ClinicApiError);
    expect((invalid as ClinicApiError).problem.status).toBe(400);
    expect((invalid as ClinicApiError).problem.errors?.map((e) => e.field)).toContain("start");

    const badKey = clinicApi({ apiUrl, apiKey: `ck_WRONGKEY_${"x".repeat(43)}` });
    const refused = await badKey.services().catch((error: unknown) => error);
    expect((refused as ClinicApiError).problem.status).toBe(401);
  });
});
