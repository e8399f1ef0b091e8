import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import { type OutboxRetryPolicy, schema } from "@clinic/db";
import { testDrivers } from "@clinic/db/testing";
import { addLocalDays, localDateOf, webhookEventSchema } from "@clinic/domain";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEV_APP_SECRET } from "../app.js";
import { memoryLogger } from "../logger.js";
import {
  auditRows,
  createTestApp,
  demoClinic,
  failure,
  filledInFormToken,
  insertTestBooking,
  signedInStaff,
  type TestApp,
} from "../testing/index.js";
import { startSinkProcess } from "../testing/sink-process.js";
import { queueBookingWebhook } from "./webhook-events.js";
import { openWebhookSecret } from "./webhook-secrets.js";
import type { Resolver } from "./webhook-sender.js";
import { startWebhookWorker, type WebhookWorker } from "./webhook-worker.js";

interface Received {
  id: string;
  type: string;
  test: boolean;
  eventIdHeader: string | null;
  signatures: number;
  verified: Record<string, boolean>;
  payload: unknown;
}

const receiverScript = fileURLToPath(new URL("../testing/webhook-receiver.ts", import.meta.url));

/** The receiver in a child process: deliveries cross a real socket, as in production. */
async function startReceiver(port: number) {
  const { port: listening, stop } = await startSinkProcess("webhook receiver", [
    "--import",
    "tsx",
    receiverScript,
    String(port),
  ]);
  const base = `http://127.0.0.1:${listening}`;
  const control = (body: object) =>
    fetch(`${base}/_control`, { method: "POST", body: JSON.stringify(body) });
  return {
    url: `${base}/hooks/clinic`,
    control,
    received: async () => (await (await fetch(`${base}/_received`)).json()) as Received[],
    stop,
  };
}

const HOUR = 3_600_000;
const fastRetry: OutboxRetryPolicy = {
  maxAttempts: 3,
  baseDelayMs: 60_000,
  maxDelayMs: 10 * 60_000,
  leaseMs: 30_000,
};
const allEvents = [
  "booking.created",
  "booking.rescheduled",
  "booking.cancelled",
  "booking.completed",
  "booking.no_show",
  "review.submitted",
  "enquiry.received",
] as const;

describe.each(testDrivers)("webhooks on %s", (driver) => {
  let t: TestApp;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let owner: Awaited<ReturnType<typeof signedInStaff>>;
  let clinic: Awaited<ReturnType<typeof demoClinic>>;
  const workers: WebhookWorker[] = [];

  function worker(
    options: { allowPrivate?: boolean; resolve?: Resolver; timeoutMs?: number } = {},
  ) {
    const started = startWebhookWorker({
      db: t.db,
      logger: memoryLogger(),
      appSecret: DEV_APP_SECRET,
      policy: { allowPrivate: options.allowPrivate ?? true },
      now: t.now,
      retry: fastRetry,
      autoStart: false,
      resolve: options.resolve,
      timeoutMs: options.timeoutMs,
    });
    workers.push(started);
    return started;
  }

  async function deliveriesOf(endpointId: string) {
    return t.db
      .select()
      .from(schema.webhookDeliveries)
      .where(eq(schema.webhookDeliveries.endpointId, endpointId));
  }

  async function endpoint(events: readonly string[] = allEvents, url = receiver.url) {
    const created = await owner.client.webhooks.create.mutate({
      url,
      description: "Practice management",
      events: [...events] as (typeof allEvents)[number][],
      enabled: true,
    });
    return created;
  }

  beforeAll(async () => {
    t = await createTestApp({ driver, allowPrivateWebhookTargets: true });
    clinic = await demoClinic(t);
    owner = await signedInStaff(t, "owner");
    receiver = await startReceiver(7600 + testDrivers.indexOf(driver));
  }, 60_000);
  afterAll(async () => {
    await Promise.all(workers.splice(0).map((w) => w.stop()));
    await receiver?.stop();
    await t?.close();
  });
  beforeEach(async () => {
    await t.db.delete(schema.webhookEndpoints);
    await t.db.delete(schema.webhookEvents);
    await receiver.control({
      reset: true,
      secrets: [],
      answer: { status: 200, body: "ok", delayMs: 0, location: "" },
    });
  });

  it("is the owner's alone", async () => {
    const frontDesk = await signedInStaff(t, "front_desk");
    const practitioner = await signedInStaff(t, "practitioner", { practitionerId: clinic.jasonId });
    for (const staff of [frontDesk, practitioner]) {
      expect((await failure(staff.client.webhooks.list.query())).code).toBe("FORBIDDEN");
      const refused = await failure(
        staff.client.webhooks.create.mutate({
          url: receiver.url,
          description: "",
          events: ["booking.created"],
          enabled: true,
        }),
      );
      expect(refused.code).toBe("FORBIDDEN");
    }
    expect((await failure(t.client().webhooks.list.query())).code).toBe("UNAUTHORIZED");
    expect(await t.db.select().from(schema.webhookEndpoints)).toHaveLength(0);
  });

  it("shows the secret once, keeps it sealed, and audits the endpoint", async () => {
    const { endpoint: created, secret } = await endpoint(["booking.created"]);
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    const listed = await owner.client.webhooks.list.query();
    expect(JSON.stringify(listed)).not.toContain(secret);
    const detail = await owner.client.webhooks.get.query({ id: created.id });
    expect(JSON.stringify(detail)).not.toContain(secret);
    const [row] = await t.db
      .select()
      .from(schema.webhookEndpoints)
      .where(eq(schema.webhookEndpoints.id, created.id));
    expect(row!.secret).not.toContain(secret);
    expect(openWebhookSecret(row!.secret, DEV_APP_SECRET)).toBe(secret);
    const [entry] = await auditRows(t, "webhook_endpoint.create");
    expect(entry!.entityId).toBe(created.id);
    expect(JSON.stringify(entry!.changes)).not.toContain(secret);
    expect(t.logger.lines.join("\n")).not.toContain(secret);
  });

  it("names the field of a bad endpoint and stores nothing", async () => {
    const bad = await failure(
      owner.client.webhooks.create.mutate({
        url: "not a web address",
        description: "",
        events: [],
        enabled: true,
      }),
    );
    expect(bad.code).toBe("BAD_REQUEST");
    expect(Object.keys(bad.fieldErrors ?? {}).sort()).toEqual(["events", "url"]);
    expect(await t.db.select().from(schema.webhookEndpoints)).toHaveLength(0);
  });

  it("writes the event in the transaction of the change, and none when it rolls back", async () => {
    const { endpoint: created } = await endpoint(["booking.created"]);
    const { booking } = await insertTestBooking(t.db, {
      // 11:15 pm in Sydney: clear of the demo clinic's diary.
      startsAt: new Date(t.now().getTime() + 62 * HOUR),
    });
    await expect(
      t.db.transaction(async (tx) => {
        await queueBookingWebhook(tx, { bookingId: booking.id, kind: "created", at: t.now() });
        expect(await tx.select().from(schema.webhookEvents)).toHaveLength(1);
        throw new Error("the change failed after its event was written");
      }),
    ).rejects.toThrow("the change failed");
    expect(await t.db.select().from(schema.webhookEvents)).toHaveLength(0);
    expect(await deliveriesOf(created.id)).toHaveLength(0);
    // A booking refused by the rules writes no event either.
    const refused = await failure(
      t.client().bookings.create.mutate({
        serviceId: clinic.serviceId,
        practitionerId: clinic.jasonId,
        start: new Date(t.now().getTime() - HOUR),
        patient: { name: "Pat Late", email: "late@example.com", phone: "0400 000 001" },
        idempotencyKey: randomBytes(12).toString("base64url"),
      }),
    );
    expect(refused.code).toMatch(/BAD_REQUEST|CONFLICT|PRECONDITION_FAILED/);
    expect(await t.db.select().from(schema.webhookEvents)).toHaveLength(0);
  });

  it("sends every kind of change from every path, as the contract describes it", async () => {
    const { endpoint: created } = await endpoint();
    const paused = await endpoint(["booking.created"]);
    await owner.client.webhooks.update.mutate({
      id: paused.endpoint.id,
      url: receiver.url,
      description: "paused",
      events: ["booking.created"],
      enabled: false,
    });
    const from = localDateOf(t.now(), "Australia/Sydney");
    const slots = async () =>
      (
        await t.client().availability.slots.query({
          serviceId: clinic.serviceId,
          practitionerId: clinic.jasonId,
          from,
          to: addLocalDays(from, 14),
        })
      ).days
        .flatMap((d) => d.slots)
        .filter((s) => s.start.getTime() > t.now().getTime() + 30 * HOUR);
    // Public booking, then the manage link: reschedule and cancel.
    const [first, second] = await slots();
    const online = await t.client().bookings.create.mutate({
      serviceId: clinic.serviceId,
      practitionerId: clinic.jasonId,
      start: first!.start,
      patient: { name: "Pat Hook", email: "pat.hook@example.com", phone: "0400 222 333" },
      idempotencyKey: randomBytes(12).toString("base64url"),
    });
    await t.client().bookings.rescheduleByToken.mutate({
      token: online.manageToken,
      start: second!.start,
    });
    await t.client().bookings.cancelByToken.mutate({ token: online.manageToken });
    // Staff: a booking by phone, moved, cancelled.
    const [third, fourth] = await slots();
    const byPhone = await owner.client.bookings.createForPatient.mutate({
      serviceId: clinic.serviceId,
      practitionerId: clinic.jasonId,
      start: third!.start,
      patient: { name: "Sam Phone", phone: "0400 444 555" },
    });
    await owner.client.bookings.reschedule.mutate({ id: byPhone.id, start: fourth!.start });
    await owner.client.bookings.cancel.mutate({ id: byPhone.id, reason: "Patient rang" });
    // Attendance on appointments that have started.
    const { booking: past } = await insertTestBooking(t.db, {
      startsAt: new Date(t.now().getTime() - 10 * HOUR),
    });
    await owner.client.bookings.setStatus.mutate({ id: past.id, status: "completed" });
    await owner.client.bookings.setStatus.mutate({ id: past.id, status: "no_show" });
    // The public forms.
    await t.client().reviews.submit.mutate({
      authorName: "Jordan Park",
      rating: 5,
      body: "Sorted my hamstring before the marathon.",
      email: null,
      practitionerId: null,
      formToken: filledInFormToken("review"),
    });
    await t.client().enquiries.submit.mutate({
      name: "Alex Runner",
      email: "alex@example.com",
      phone: "0400 123 456",
      message: "Saturday mornings?",
      formToken: filledInFormToken("enquiry"),
    });

    const events = await t.db
      .select()
      .from(schema.webhookEvents)
      .orderBy(schema.webhookEvents.createdAt);
    expect(events.map((e) => e.type)).toEqual([
      "booking.created",
      "booking.rescheduled",
      "booking.cancelled",
      "booking.created",
      "booking.rescheduled",
      "booking.cancelled",
      "booking.completed",
      "booking.no_show",
      "review.submitted",
      "enquiry.received",
    ]);
    for (const event of events) {
      const parsed = webhookEventSchema.parse(event.payload);
      expect(parsed.id).toBe(event.id);
      expect(parsed.test).toBe(false);
    }
    const moved = webhookEventSchema.parse(events[1]!.payload);
    expect(moved.type === "booking.rescheduled" && moved.data.previous).toEqual({
      startsAt: first!.start.toISOString(),
      endsAt: expect.any(String),
      practitionerId: clinic.jasonId,
    });
    expect(await deliveriesOf(created.id)).toHaveLength(10);
    // Paused: nothing queued for it.
    expect(await deliveriesOf(paused.endpoint.id)).toHaveLength(0);
  });

  it("delivers each event once with two workers, signed, with the same id on every retry", async () => {
    const { endpoint: created, secret } = await endpoint(["enquiry.received"]);
    await receiver.control({ secrets: [secret, "whsec_someone_else"] });
    for (let n = 0; n < 6; n++) {
      await t.client().enquiries.submit.mutate({
        name: `Alex ${n}`,
        email: `alex${n}@example.com`,
        phone: null,
        message: "Do you tape ankles?",
        formToken: filledInFormToken("enquiry"),
      });
    }
    const a = worker();
    const b = worker();
    await Promise.all([a.runOnce(), b.runOnce(), a.runOnce(), b.runOnce()]);
    const received = await receiver.received();
    expect(received).toHaveLength(6);
    expect(new Set(received.map((r) => r.id)).size).toBe(6);
    for (const r of received) {
      expect(r.verified).toEqual({ [secret]: true, whsec_someone_else: false });
      expect(r.signatures).toBe(1);
      expect(r.eventIdHeader).toBe(r.id);
    }
    const deliveries = await deliveriesOf(created.id);
    expect(deliveries.every((d) => d.status === "delivered" && d.attempts === 1)).toBe(true);
    const log = await owner.client.webhooks.get.query({ id: created.id });
    expect(log.deliveries[0]).toMatchObject({
      status: "delivered",
      statusCode: 200,
      response: "ok",
    });
  });

  it("retries with exponential backoff, then marks the delivery failed; the id never changes", async () => {
    const { endpoint: created, secret } = await endpoint(["enquiry.received"]);
    await receiver.control({
      secrets: [secret],
      answer: { status: 503, body: `busy\u001b[31m ${"x".repeat(3000)}` },
    });
    await t.client().enquiries.submit.mutate({
      name: "Alex Retry",
      email: "retry@example.com",
      phone: null,
      message: "Hello?",
      formToken: filledInFormToken("enquiry"),
    });
    const w = worker();
    const started = t.now().getTime();
    await w.runOnce();
    let [delivery] = await deliveriesOf(created.id);
    expect(delivery).toMatchObject({ status: "pending", attempts: 1, lastStatusCode: 503 });
    expect(delivery!.lastResponse!.length).toBeLessThanOrEqual(1024);
    expect(delivery!.lastResponse).not.toContain("\u001b");
    const firstWait = delivery!.sendAfter.getTime() - started;
    expect(firstWait).toBeGreaterThanOrEqual(60_000);
    expect(firstWait).toBeLessThan(70_000);
    // Not due yet: nothing sent.
    await w.runOnce();
    expect(await receiver.received()).toHaveLength(1);
    t.clock.advance(61_000);
    await w.runOnce();
    [delivery] = await deliveriesOf(created.id);
    expect(delivery).toMatchObject({ status: "pending", attempts: 2 });
    const secondWait = delivery!.sendAfter.getTime() - t.now().getTime();
    expect(secondWait).toBeGreaterThan(115_000);
    expect(secondWait).toBeLessThanOrEqual(120_000);
    t.clock.advance(121_000);
    await w.runOnce();
    [delivery] = await deliveriesOf(created.id);
    expect(delivery).toMatchObject({ status: "failed", attempts: 3, lastError: "HTTP 503" });
    const received = await receiver.received();
    expect(received).toHaveLength(3);
    expect(new Set(received.map((r) => r.id)).size).toBe(1);
    const log = await owner.client.webhooks.get.query({ id: created.id });
    expect(log.deliveries[0]).toMatchObject({ status: "failed", attempts: 3, nextAttemptAt: null });
    // Sent again by hand, it is delivered with the same id.
    await receiver.control({ answer: { status: 204, body: "" } });
    await owner.client.webhooks.redeliver.mutate({
      endpointId: created.id,
      deliveryId: delivery!.id,
    });
    await w.runOnce();
    [delivery] = await deliveriesOf(created.id);
    expect(delivery).toMatchObject({ status: "delivered", lastStatusCode: 204 });
    expect(new Set((await receiver.received()).map((r) => r.id)).size).toBe(1);
  });

  it("sends a test event to one endpoint, paused or not, and logs it", async () => {
    const { endpoint: created, secret } = await endpoint(["review.submitted"]);
    const other = await endpoint(["booking.created"]);
    await owner.client.webhooks.update.mutate({
      id: created.id,
      url: receiver.url,
      description: "",
      events: ["review.submitted"],
      enabled: false,
    });
    await receiver.control({ secrets: [secret] });
    const { eventId } = await owner.client.webhooks.sendTest.mutate({ id: created.id });
    await worker().runOnce();
    const [received] = await receiver.received();
    expect(received).toMatchObject({ id: eventId, type: "booking.created", test: true });
    expect(received!.verified[secret]).toBe(true);
    expect(webhookEventSchema.parse(received!.payload).test).toBe(true);
    expect(await deliveriesOf(other.endpoint.id)).toHaveLength(0);
    const log = await owner.client.webhooks.get.query({ id: created.id });
    expect(log.deliveries[0]).toMatchObject({ eventId, test: true, status: "delivered" });
  });

  it("signs with both secrets for 24 hours after a rotation, then with the new one only", async () => {
    const { endpoint: created, secret: oldSecret } = await endpoint(["enquiry.received"]);
    const rotated = await owner.client.webhooks.rotateSecret.mutate({ id: created.id });
    const newSecret = rotated.secret;
    expect(newSecret).not.toBe(oldSecret);
    expect(rotated.previousSecretValidUntil.getTime() - t.now().getTime()).toBeGreaterThan(
      23.9 * HOUR,
    );
    await receiver.control({ secrets: [oldSecret, newSecret] });
    const enquire = () =>
      t.client().enquiries.submit.mutate({
        name: "Alex Rotate",
        email: "rotate@example.com",
        phone: null,
        message: "Hi",
        formToken: filledInFormToken("enquiry", t.now().getTime() - 10_000),
      });
    await enquire();
    const w = worker();
    await w.runOnce();
    let [received] = await receiver.received();
    expect(received!.signatures).toBe(2);
    expect(received!.verified).toEqual({ [oldSecret]: true, [newSecret]: true });

    t.clock.advance(25 * HOUR);
    await receiver.control({ reset: true });
    await enquire();
    await w.runOnce();
    [received] = await receiver.received();
    expect(received!.signatures).toBe(1);
    expect(received!.verified).toEqual({ [oldSecret]: false, [newSecret]: true });
    const [row] = await t.db
      .select()
      .from(schema.webhookEndpoints)
      .where(eq(schema.webhookEndpoints.id, created.id));
    expect(row!.previousSecret).toBeNull();
    t.clock.advance(-25 * HOUR);
  });

  it("sends instants in UTC, also for a booking on the day Sydney's clocks go back", async () => {
    await endpoint(["booking.created"]);
    // Sunday 4 April 2027, 10:00 in Sydney: daylight saving ended at 3:00 that morning (UTC+10).
    const start = new Date("2027-04-04T00:00:00Z");
    const booked = await owner.client.bookings.createForPatient.mutate({
      serviceId: clinic.serviceId,
      practitionerId: clinic.joeyId,
      start,
      patient: { name: "Dee Ess-Tee", phone: "0400 765 432" },
      outsideHours: true,
    });
    const [event] = await t.db.select().from(schema.webhookEvents);
    const parsed = webhookEventSchema.parse(event!.payload);
    expect(parsed.type === "booking.created" && parsed.data.booking).toMatchObject({
      id: booked.id,
      startsAt: "2027-04-04T00:00:00.000Z",
      endsAt: new Date(start.getTime() + booked.service.durationMinutes * 60_000).toISOString(),
    });
  });

  it("drops the webhook copies of a patient's details when they are erased, and old finished events", async () => {
    const { endpoint: created } = await endpoint([
      "booking.created",
      "booking.cancelled",
      "enquiry.received",
    ]);
    const from = localDateOf(t.now(), "Australia/Sydney");
    const [slot] = (
      await t.client().availability.slots.query({
        serviceId: clinic.serviceId,
        practitionerId: clinic.joeyId,
        from,
        to: addLocalDays(from, 14),
      })
    ).days.flatMap((d) => d.slots);
    const booked = await t.client().bookings.create.mutate({
      serviceId: clinic.serviceId,
      practitionerId: clinic.joeyId,
      start: slot!.start,
      patient: { name: "Erin Erasable", email: "erin.erasable@example.com", phone: "0400 999 888" },
      idempotencyKey: randomBytes(12).toString("base64url"),
    });
    await t.client().enquiries.submit.mutate({
      name: "Someone Else",
      email: "someone@example.com",
      phone: null,
      message: "Parking?",
      formToken: filledInFormToken("enquiry"),
    });
    expect(await t.db.select().from(schema.webhookEvents)).toHaveLength(2);
    const [row] = await t.db
      .select({ patientId: schema.bookings.patientId })
      .from(schema.bookings)
      .where(eq(schema.bookings.id, booked.booking.id));
    await owner.client.patients.erase.mutate({
      id: row!.patientId,
      confirmName: "Erin Erasable",
    });
    const left = await t.db.select().from(schema.webhookEvents);
    expect(left.map((e) => e.type).sort()).toEqual(["booking.cancelled", "enquiry.received"]);
    expect(JSON.stringify(left)).not.toContain("Erasable");
    expect(JSON.stringify(left)).not.toContain("0400 999 888");
    // The cancellation the erasure made reaches integrations, without the patient's details.
    const cancelled = left.find((e) => e.type === "booking.cancelled")!.payload as {
      data: { booking: { id: string; status: string; patient: { email: string | null } } };
    };
    expect(cancelled.data.booking).toMatchObject({ id: booked.booking.id, status: "cancelled" });
    expect(cancelled.data.booking.patient.email).not.toBe("erin.erasable@example.com");

    // Delivered, then past the "keep sent emails" period: housekeeping deletes them and their log.
    await worker().runOnce();
    expect((await deliveriesOf(created.id)).map((d) => d.status)).toEqual([
      "delivered",
      "delivered",
    ]);
    const { runHousekeeping } = await import("@clinic/db");
    const housekeeping = (now: Date) =>
      runHousekeeping(t.db, { now, keepRateLimitHitsMs: HOUR, keepSignInFailuresMs: HOUR });
    await housekeeping(new Date(t.now().getTime() + 29 * 24 * HOUR));
    expect(await t.db.select().from(schema.webhookEvents)).toHaveLength(2);
    await housekeeping(new Date(t.now().getTime() + 31 * 24 * HOUR));
    expect(await t.db.select().from(schema.webhookEvents)).toHaveLength(0);
    expect(await deliveriesOf(created.id)).toHaveLength(0);
    // Housekeeping a month on also ended the owner's session: a new one for the next tests.
    owner = await signedInStaff(t, "owner");
  });

  describe("refuses private targets", () => {
    const lookups: Record<string, { address: string; family: number }[]> = {
      "loopback.example.com": [{ address: "127.0.0.1", family: 4 }],
      "mapped.example.com": [{ address: "::ffff:127.0.0.1", family: 6 }],
      "metadata.example.com": [{ address: "169.254.169.254", family: 4 }],
      "mixed.example.com": [
        { address: "93.184.216.34", family: 4 },
        { address: "10.0.0.5", family: 4 },
      ],
      "v6-local.example.com": [{ address: "fd00::1", family: 6 }],
    };
    const fakeDns: Resolver = async (host) => {
      const answer = lookups[host];
      if (!answer) throw Object.assign(new Error("not found"), { code: "ENOTFOUND" });
      return answer;
    };

    it.each(Object.keys(lookups))("a name resolving privately: %s", async (host) => {
      const { endpoint: created } = await endpoint(["booking.created"], `https://${host}/hook`);
      await owner.client.webhooks.sendTest.mutate({ id: created.id });
      await worker({ allowPrivate: false, resolve: fakeDns }).runOnce();
      const [delivery] = await deliveriesOf(created.id);
      expect(delivery!.status).toBe("pending");
      expect(delivery!.lastError).toMatch(/^Refused: the host resolves to .+, which is/);
      expect(delivery!.lastStatusCode).toBeNull();
      expect(await receiver.received()).toHaveLength(0);
    });

    it("the local receiver itself, by address, when private targets aren't allowed", async () => {
      const { endpoint: created } = await endpoint(["booking.created"]);
      await owner.client.webhooks.sendTest.mutate({ id: created.id });
      await worker({ allowPrivate: false }).runOnce();
      const [delivery] = await deliveriesOf(created.id);
      expect(delivery!.lastError).toMatch(/^Refused: /);
      expect(await receiver.received()).toHaveLength(0);
    });

    it("doesn't follow redirects and gives up on slow receivers", async () => {
      const { endpoint: created } = await endpoint(["booking.created"]);
      await receiver.control({
        answer: { status: 302, body: "", location: "http://169.254.169.254/latest/meta-data" },
      });
      await owner.client.webhooks.sendTest.mutate({ id: created.id });
      await worker().runOnce();
      let [delivery] = await deliveriesOf(created.id);
      expect(delivery).toMatchObject({
        lastStatusCode: 302,
        lastError: "HTTP 302: redirects are not followed",
      });
      expect(await receiver.received()).toHaveLength(1);

      await t.db.delete(schema.webhookEvents);
      await receiver.control({
        reset: true,
        answer: { status: 200, body: "late", delayMs: 1_500 },
      });
      await owner.client.webhooks.sendTest.mutate({ id: created.id });
      await worker({ timeoutMs: 300 }).runOnce();
      [delivery] = await deliveriesOf(created.id);
      expect(delivery!.lastError).toBe("no answer within 0.3 s");
      expect(delivery!.status).toBe("pending");
    });

    it("refuses private and plain-http addresses at registration without the development setting", async () => {
      const strict = await createTestApp({ driver });
      try {
        const strictOwner = await signedInStaff(strict, "owner");
        for (const url of [
          "https://127.0.0.1/hook",
          "https://[::ffff:127.0.0.1]/hook",
          "https://169.254.169.254/latest",
          "https://localhost/hook",
          "http://hooks.example.com/hook",
        ]) {
          const refused = await failure(
            strictOwner.client.webhooks.create.mutate({
              url,
              description: "",
              events: ["booking.created"],
              enabled: true,
            }),
          );
          expect(refused.code, url).toBe("BAD_REQUEST");
          expect(Object.keys(refused.fieldErrors ?? {}), url).toEqual(["url"]);
        }
        const ok = await strictOwner.client.webhooks.create.mutate({
          url: "https://hooks.example.com/clinic",
          description: "",
          events: ["booking.created"],
          enabled: true,
        });
        expect(ok.endpoint.url).toBe("https://hooks.example.com/clinic");
      } finally {
        await strict.close();
      }
    });
  });
});
