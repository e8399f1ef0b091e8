import { randomBytes } from "node:crypto";
import { enqueueMessage, listMessages, schema } from "@clinic/db";
import { testDrivers } from "@clinic/db/testing";
import { addLocalDays, formatSmsTime, localDateOf } from "@clinic/domain";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REMINDER_LEAD_MS } from "../email/booking-emails.js";
import { type OutboxWorker, startOutboxWorker } from "../email/outbox-worker.js";
import { startHousekeeper } from "../housekeeping/housekeeping.js";
import { memoryLogger } from "../logger.js";
import {
  createTestApp,
  demoClinic,
  demoStaff,
  failure,
  signedInStaff,
  type TestApp,
} from "../testing/index.js";
import { type SmsProviderSink, startSmsProviderSink } from "../testing/sms-provider-sink.js";
import { providerSignature } from "./provider-signature.js";
import { smsSetupFrom } from "./sms-config.js";
import { SMS_REMINDER_KIND } from "./sms-reminders.js";

const HOUR = 3_600_000;
const SID = "AC0123456789abcdef";
const TOKEN = "sms-test-auth-token-0123456789";
const FROM = "+61480000000";
const PHONE = "0400 123 456";
const E164 = "+61400123456";
const WEBHOOK = "https://api.westside.example/sms/inbound";
const silentMailer = { send: async () => {} };

const idempotencyKey = () => randomBytes(12).toString("base64url");

describe.each(testDrivers)("text reminders on %s", (driver) => {
  let t: TestApp;
  let sink: SmsProviderSink;
  let clinic: Awaited<ReturnType<typeof demoClinic>>;
  let staff: Awaited<ReturnType<typeof demoStaff>>;
  const workers: OutboxWorker[] = [];

  beforeAll(async () => {
    sink = await startSmsProviderSink();
    const sms = smsSetupFrom({
      SMS_PROVIDER_URL: sink.url,
      SMS_ACCOUNT_SID: SID,
      SMS_AUTH_TOKEN: TOKEN,
      SMS_FROM: FROM,
      SMS_WEBHOOK_URL: WEBHOOK,
    });
    t = await createTestApp({ driver, devMailbox: false, sms });
    clinic = await demoClinic(t);
    staff = await demoStaff(t, clinic);
  }, 60_000);
  afterAll(async () => {
    await Promise.all(workers.splice(0).map((w) => w.stop()));
    await sink?.stop();
    await t?.close();
  });

  /** Free starts with Jason, `days` ahead or later. */
  async function slots(days: number) {
    const from = addLocalDays(localDateOf(t.now(), "Australia/Sydney"), days);
    const { days: found } = await t.client().availability.slots.query({
      serviceId: clinic.serviceId,
      practitionerId: clinic.jasonId,
      from,
      to: addLocalDays(from, 7),
    });
    return found.flatMap((d) => d.slots.map((s) => s.start));
  }

  async function bookOnline(start: Date, patient: { name: string; email: string; phone: string }) {
    return t.client().bookings.create.mutate({
      serviceId: clinic.serviceId,
      practitionerId: clinic.jasonId,
      start,
      patient,
      smsReminders: true,
      idempotencyKey: idempotencyKey(),
    });
  }

  const patientRow = async (email: string) =>
    (await t.db.select().from(schema.patients).where(eq(schema.patients.email, email)))[0]!;
  const smsOf = (bookingId: string) => listMessages(t.db, { bookingId, kind: SMS_REMINDER_KIND });

  /** Posts a reply to the inbound webhook as the provider would, signed unless told otherwise. */
  async function reply(from: string, body: string, signature?: string) {
    const params = { MessageSid: "SM1", AccountSid: SID, From: from, To: FROM, Body: body };
    return t.app.request("/sms/inbound", {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        "x-twilio-signature": signature ?? providerSignature(WEBHOOK, params, TOKEN),
      },
      body: new URLSearchParams(params).toString(),
    });
  }

  it("stores the opt-in with its time on the patient and the booking, and queues the text", async () => {
    const [start] = await slots(3);
    const { booking } = await bookOnline(start!, {
      name: "Tex Tin",
      email: "tex.tin@example.com",
      phone: PHONE,
    });
    const patient = await patientRow("tex.tin@example.com");
    expect(patient.smsPhone).toBe(E164);
    expect(Math.abs(patient.smsConsentAt!.getTime() - t.now().getTime())).toBeLessThan(5_000);
    const [row] = await t.db
      .select()
      .from(schema.bookings)
      .where(eq(schema.bookings.id, booking.id));
    expect(row!.smsOptInAt).toEqual(patient.smsConsentAt);

    const [text] = await smsOf(booking.id);
    expect(text).toMatchObject({
      channel: "sms",
      toAddress: E164,
      status: "pending",
      htmlBody: "",
    });
    expect(text!.sendAfter).toEqual(new Date(start!.getTime() - REMINDER_LEAD_MS));
    expect(text!.textBody).toContain("Follow-up Adjustment with Jason Lee");
    expect(text!.textBody).toMatch(/Reply STOP to opt out\.$/);
    // The time on the clinic's clock (Sydney), not the server's.
    expect(text!.textBody).toContain(` on ${formatSmsTime(start!, "Australia/Sydney")}.`);
  });

  it("refuses text reminders without a mobile number, writing nothing", async () => {
    const [start] = await slots(4);
    const landline = await failure(
      bookOnline(start!, {
        name: "Lan Dline",
        email: "lan.dline@example.com",
        phone: "(02) 9876 5432",
      }),
    );
    expect(landline.code).toBe("BAD_REQUEST");
    expect(landline.fieldErrors?.["patient.phone"]?.[0]).toMatch(/mobile number/);
    expect(
      await t.db
        .select()
        .from(schema.patients)
        .where(eq(schema.patients.email, "lan.dline@example.com")),
    ).toEqual([]);

    const noPhone = await failure(
      staff.frontDesk.client.bookings.createForPatient.mutate({
        serviceId: clinic.serviceId,
        practitionerId: clinic.jasonId,
        start: start!,
        patient: { name: "Nophone Patient", email: "nophone@example.com" },
        smsReminders: true,
      }),
    );
    expect(noPhone.fieldErrors?.smsReminders?.[0]).toBe(
      "Add a mobile number to get text reminders",
    );
  });

  it("takes the opt-in at the desk too, and drops the text when the booking is cancelled", async () => {
    const [start] = await slots(5);
    const detail = await staff.frontDesk.client.bookings.createForPatient.mutate({
      serviceId: clinic.serviceId,
      practitionerId: clinic.jasonId,
      start: start!,
      patient: { name: "Desk Texter", phone: "0411 222 333" },
      smsReminders: true,
    });
    const [text] = await smsOf(detail.id);
    expect(text?.toAddress).toBe("+61411222333");
    await staff.frontDesk.client.bookings.cancel.mutate({
      id: detail.id,
      reason: "Feeling better",
    });
    expect(await smsOf(detail.id)).toEqual([]);
  });

  it("sends the reminder once under two workers, to the provider's API with basic auth", async () => {
    const [start] = await slots(6);
    const { booking } = await bookOnline(start!, {
      name: "Once Only",
      email: "once.only@example.com",
      phone: "0422 333 444",
    });
    const [queued] = await smsOf(booking.id);
    const workerLogger = memoryLogger();
    for (let i = 0; i < 2; i++) {
      workers.push(
        startOutboxWorker({
          db: t.db,
          transport: silentMailer,
          sms: smsSetupFrom({
            SMS_PROVIDER_URL: sink.url,
            SMS_ACCOUNT_SID: SID,
            SMS_AUTH_TOKEN: TOKEN,
            SMS_FROM: FROM,
          })!.provider,
          logger: workerLogger,
          now: t.now,
          intervalMs: 20,
        }),
      );
    }
    const mine = () => sink.received.filter((r) => r.to === "+61422333444");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(mine()).toHaveLength(0);

    t.clock.set(new Date(queued!.sendAfter.getTime() + 1_000));
    const deadline = Date.now() + 20_000;
    while ((await smsOf(booking.id))[0]?.status !== "sent") {
      if (Date.now() > deadline) throw new Error("the text was not sent in time");
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(mine()).toHaveLength(1);
    const [received] = mine();
    expect(received).toMatchObject({
      accountSid: SID,
      authorization: `Basic ${Buffer.from(`${SID}:${TOKEN}`).toString("base64")}`,
      contentType: "application/x-www-form-urlencoded",
      from: FROM,
      body: queued!.textBody,
      answered: 201,
    });
    t.clock.advance(24 * HOUR);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(mine()).toHaveLength(1);
    await Promise.all(workers.splice(0).map((w) => w.stop()));
    // Never the number or the text in a log line.
    expect(workerLogger.lines.join("\n")).not.toMatch(
      /61422333444|0422 333 444|Follow-up Adjustment/,
    );
  }, 60_000);

  it("retries a refused text with backoff, then shows it failed on Messages, and resends it", async () => {
    const [start] = await slots(7);
    const { booking } = await bookOnline(start!, {
      name: "Fay Ling",
      email: "fay.ling@example.com",
      phone: "0433 444 555",
    });
    const [queued] = await smsOf(booking.id);
    await sink.failing(true);
    const workerLogger = memoryLogger();
    const worker = startOutboxWorker({
      db: t.db,
      transport: silentMailer,
      sms: smsSetupFrom({
        SMS_PROVIDER_URL: sink.url,
        SMS_ACCOUNT_SID: SID,
        SMS_AUTH_TOKEN: TOKEN,
        SMS_FROM: FROM,
      })!.provider,
      logger: workerLogger,
      now: t.now,
      autoStart: false,
      policy: { maxAttempts: 3, baseDelayMs: 60_000, maxDelayMs: 3_600_000, leaseMs: 600_000 },
    });
    try {
      t.clock.set(new Date(queued!.sendAfter.getTime() + 1_000));
      await worker.runOnce();
      let [row] = await smsOf(booking.id);
      expect(row).toMatchObject({ status: "pending", attempts: 1 });
      expect(row!.lastError).toBe("SMS provider refused the text (HTTP 503, error 20503)");
      // Backoff: not again before a minute has passed, then after two more.
      expect(row!.sendAfter.getTime() - t.now().getTime()).toBeGreaterThan(55_000);
      await worker.runOnce();
      expect((await smsOf(booking.id))[0]!.attempts).toBe(1);
      t.clock.advance(61_000);
      await worker.runOnce();
      [row] = await smsOf(booking.id);
      expect(row).toMatchObject({ status: "pending", attempts: 2 });
      expect(row!.sendAfter.getTime() - t.now().getTime()).toBeGreaterThan(115_000);
      t.clock.advance(121_000);
      await worker.runOnce();
      [row] = await smsOf(booking.id);
      expect(row).toMatchObject({ status: "failed", attempts: 3 });

      // On the Messages page, with the texts: the front desk sees it failed and sends it again.
      const desk = (await signedInStaff(t, "front_desk")).client;
      const failed = await desk.emails.list.query({
        channel: "sms",
        status: "failed",
        page: 1,
        pageSize: 50,
      });
      const shown = failed.messages.find((m) => m.id === row!.id);
      expect(shown).toMatchObject({ channel: "sms", to: "+61433444555", status: "failed" });
      expect(shown!.lastError).toMatch(/HTTP 503/);
      const emailsOnly = await desk.emails.list.query({
        channel: "email",
        page: 1,
        pageSize: 200,
      });
      expect(emailsOnly.messages.every((m) => m.channel === "email")).toBe(true);

      await sink.failing(false);
      await desk.emails.resend.mutate({ id: row!.id });
      await worker.runOnce();
      expect((await smsOf(booking.id))[0]!.status).toBe("sent");
      expect(sink.received.filter((r) => r.to === "+61433444555").map((r) => r.answered)).toEqual([
        503, 503, 503, 201,
      ]);
      const logged = workerLogger.lines.join("\n");
      expect(logged).toMatch(/text failed for good/);
      expect(logged).not.toMatch(/61433444555|0433 444 555|Follow-up Adjustment/);
    } finally {
      await sink.failing(false);
      await worker.stop();
    }
  });

  it("opts a patient out on a signed STOP, refuses a bad signature, and opts back in on START", async () => {
    const owner = (await signedInStaff(t, "owner")).client;
    const [start, later] = await slots(8);
    const { booking } = await bookOnline(start!, {
      name: "Stop Sign",
      email: "stop.sign@example.com",
      phone: "0455 666 777",
    });
    expect(await smsOf(booking.id)).toHaveLength(1);

    // A forged or unsigned STOP changes nothing.
    expect((await reply("+61455666777", "STOP", "bm90IHRoZSBzaWduYXR1cmU=")).status).toBe(403);
    const unsigned = await t.app.request("/sms/inbound", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "From=%2B61455666777&Body=STOP",
    });
    expect(unsigned.status).toBe(403);
    expect((await patientRow("stop.sign@example.com")).smsOptedOutAt).toBeNull();

    const stopped = await reply("+61455666777", " stop ");
    expect(stopped.status).toBe(200);
    expect(stopped.headers.get("content-type")).toMatch(/text\/xml/);
    expect(await stopped.text()).toContain("<Response></Response>");
    const out = await patientRow("stop.sign@example.com");
    expect(out.smsOptedOutAt).not.toBeNull();
    // The patient's page says so.
    const { smsReminders } = await owner.patients.detail.query({ id: out.id });
    expect(smsReminders).toMatchObject({ phone: "+61455666777", optedOutAt: out.smsOptedOutAt });
    expect(await smsOf(booking.id)).toEqual([]);
    // Moving the booking queues no text while they're out.
    await owner.bookings.reschedule.mutate({ id: booking.id, start: later! });
    expect(await smsOf(booking.id)).toEqual([]);

    t.clock.advance(1_000);
    expect((await reply("+61455666777", "START")).status).toBe(200);
    const back = await patientRow("stop.sign@example.com");
    expect(back.smsConsentAt!.getTime()).toBeGreaterThan(back.smsOptedOutAt!.getTime());
    await owner.bookings.reschedule.mutate({ id: booking.id, start: start! });
    expect(await smsOf(booking.id)).toHaveLength(1);
    // Neither the number nor the reply in the API's log.
    expect(t.logger.lines.join("\n")).not.toMatch(/61455666777|0455 666 777/);
  });

  it("lets the owner edit the template (validated, audited) and everyone read it; not the desk", async () => {
    const jason = await signedInStaff(t, "practitioner", { practitionerId: clinic.jasonId });
    staff = {
      ...staff,
      owner: await signedInStaff(t, "owner"),
      frontDesk: await signedInStaff(t, "front_desk"),
    };
    const view = await jason.client.sms.settings.query();
    expect(view).toMatchObject({ enabled: true, from: FROM, defaultCountry: "AU" });
    expect(view.preview.text).toContain("Westside Sports Chiro");
    expect((await t.client().sms.status.query()).enabled).toBe(true);

    const template =
      "{clinic}: {service} with {practitioner}, {time}. Call {clinic_phone} to move it.";
    const denied = await failure(
      staff.frontDesk.client.sms.updateSettings.mutate({
        reminderTemplate: template,
        defaultCountry: "AU",
      }),
    );
    expect(denied.code).toBe("FORBIDDEN");
    const unknown = await failure(
      staff.owner.client.sms.updateSettings.mutate({
        reminderTemplate: "Hi {name}, see you {time}",
        defaultCountry: "AU",
      }),
    );
    expect(unknown.code).toBe("BAD_REQUEST");
    expect(unknown.fieldErrors?.reminderTemplate?.[0]).toMatch(/Unknown placeholder \{name\}/);
    const country = await failure(
      staff.owner.client.sms.updateSettings.mutate({
        reminderTemplate: template,
        defaultCountry: "XX",
      }),
    );
    expect(country.fieldErrors?.defaultCountry?.[0]).toMatch(/country code/);

    const saved = await staff.owner.client.sms.updateSettings.mutate({
      reminderTemplate: template,
      defaultCountry: "nz",
    });
    expect(saved).toMatchObject({ reminderTemplate: template, defaultCountry: "NZ" });
    expect(saved.preview.text).toMatch(
      /^Westside Sports Chiro: Initial assessment with Jason Lee, .+\. Reply STOP to opt out\.$/,
    );
    const [entry] = await t.db
      .select()
      .from(schema.auditLog)
      .where(eq(schema.auditLog.action, "sms_settings.update"));
    expect(entry!.changes).toMatchObject({ defaultCountry: { from: "AU", to: "NZ" } });

    // NZ numbers are now read without a +; the Australian one needs its +61.
    const [start] = await slots(9);
    const { booking } = await bookOnline(start!, {
      name: "Kiwi Texter",
      email: "kiwi@example.com",
      phone: "021 123 4567",
    });
    const [text] = await smsOf(booking.id);
    expect(text!.toAddress).toBe("+64211234567");
    expect(text!.textBody).toMatch(/^Westside Sports Chiro: Follow-up Adjustment with Jason Lee/);
  });
});

describe("text reminders while SMS is off", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  }, 60_000);
  afterAll(async () => t?.close());

  it("keeps the consent, queues no text, says so in settings, and answers replies 404", async () => {
    const clinic = await demoClinic(t);
    const from = addLocalDays(localDateOf(t.now(), "Australia/Sydney"), 3);
    const { days } = await t.client().availability.slots.query({
      serviceId: clinic.serviceId,
      practitionerId: clinic.jasonId,
      from,
      to: addLocalDays(from, 7),
    });
    const { booking } = await t.client().bookings.create.mutate({
      serviceId: clinic.serviceId,
      practitionerId: clinic.jasonId,
      start: days.flatMap((d) => d.slots)[0]!.start,
      patient: { name: "Off Line", email: "off.line@example.com", phone: PHONE },
      smsReminders: true,
      idempotencyKey: idempotencyKey(),
    });
    const [patient] = await t.db
      .select()
      .from(schema.patients)
      .where(eq(schema.patients.email, "off.line@example.com"));
    expect(patient!.smsPhone).toBe(E164);
    expect(await listMessages(t.db, { bookingId: booking.id, kind: SMS_REMINDER_KIND })).toEqual(
      [],
    );
    const staff = await demoStaff(t, clinic);
    expect(await staff.owner.client.sms.settings.query()).toMatchObject({
      enabled: false,
      from: null,
    });
    expect((await t.client().sms.status.query()).enabled).toBe(false);
    const response = await t.app.request("/sms/inbound", { method: "POST", body: "Body=STOP" });
    expect(response.status).toBe(404);
  });
});

describe("old texts under housekeeping", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  }, 60_000);
  afterAll(async () => t?.close());

  it("loses their number and text past the retention, like emails", async () => {
    const text = await enqueueMessage(t.db, {
      kind: SMS_REMINDER_KIND,
      channel: "sms",
      toAddress: E164,
      subject: "Text reminder",
      textBody: "See you Tue 9 Feb, 9:30 am",
      htmlBody: "",
    });
    const longAgo = new Date(t.now().getTime() - 40 * 86_400_000);
    await t.db
      .update(schema.outboxMessages)
      .set({ status: "sent", sentAt: longAgo, createdAt: longAgo })
      .where(eq(schema.outboxMessages.id, text.id));
    const housekeeper = startHousekeeper({
      db: t.db,
      logger: t.logger,
      now: t.now,
      intervalMs: 3_600_000,
      autoStart: false,
    });
    await housekeeper.runOnce();
    await housekeeper.stop();
    const [row] = await listMessages(t.db, { kind: SMS_REMINDER_KIND });
    expect(row).toMatchObject({ toAddress: "***", textBody: "", channel: "sms", status: "sent" });
  });
});

describe("SMS configuration", () => {
  it("is all four provider variables or none", () => {
    expect(smsSetupFrom({})).toBeNull();
    expect(() => smsSetupFrom({ SMS_PROVIDER_URL: "https://api.twilio.com" })).toThrow(
      /SMS_ACCOUNT_SID: required when SMS_PROVIDER_URL is set/,
    );
  });
});
