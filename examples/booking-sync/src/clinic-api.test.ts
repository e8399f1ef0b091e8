import type { AddressInfo } from "node:net";
import { createApp } from "@clinic/api";
import { createApiClient } from "@clinic/api-client";
import { createSeededTestDatabase } from "@clinic/db/testing";
import { serve } from "@hono/node-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ClinicApiError, clinicApi } from "./clinic-api.js";

// The generated client against a real API, started here on PGlite with the demo clinic and
// listening on a port of this package's own (7771), as an integration would reach it.
const PORT = 7771;
const OWNER = { email: "owner@westsidesportschiro.example", password: "booking-sync-owner" };
const DAY_MS = 86_400_000;

const localDate = (at: Date) =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Australia/Sydney" }).format(at);

describe("booking through the REST API with a generated client", () => {
  let server: ReturnType<typeof serve>;
  let close: () => Promise<void>;
  let apiUrl: string;
  let apiKey: string;

  beforeAll(async () => {
    const database = await createSeededTestDatabase("pglite", {
      now: new Date(),
      ownerPassword: OWNER.password,
    });
    const app = createApp({ db: database.db, ping: database.ping, devMailbox: true });
    server = serve({ fetch: app.fetch, port: PORT, hostname: "127.0.0.1" });
    await new Promise<void>((resolve) => server.once("listening", () => resolve()));
    apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = async () => {
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
