import type { AddressInfo } from "node:net";
import {
  type DatabaseHandle,
  enqueueMessage,
  listMessages,
  type OutboxRetryPolicy,
  schema,
} from "@clinic/db";
import { seedDemoClinic } from "@clinic/db/seed";
import { createTestDatabase, testDrivers } from "@clinic/db/testing";
import ICAL from "ical.js";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { memoryLogger } from "../logger.js";
import { bookingEmailData, insertTestBooking, testClock } from "../testing/index.js";
import { bookingEmailKinds, enqueueBookingEmails, REMINDER_LEAD_MS } from "./booking-emails.js";
import { startOutboxWorker } from "./outbox-worker.js";
import { smtpTransport } from "./transport.js";

const MINUTE = 60_000;

interface Received {
  envelopeTo: string[];
  mail: ParsedMail;
}

/** A real SMTP server on a random localhost port that keeps what it accepts. */
async function startSmtpServer() {
  const received: Received[] = [];
  let failWith: string | null = null;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (mail) => {
          if (failWith) {
            const error = Object.assign(new Error(failWith), { responseCode: 451 });
            callback(error);
            return;
          }
          received.push({ envelopeTo: session.envelope.rcptTo.map((r) => r.address), mail });
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    failNextWith(message: string | null) {
      failWith = message;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe.each(testDrivers)("outbox worker with a real SMTP server, on %s", (driver) => {
  const clock = testClock();
  let handle: DatabaseHandle;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;

  beforeAll(async () => {
    handle = await createTestDatabase(driver);
    await seedDemoClinic(handle.db, { now: new Date("2020-01-06T00:00:00Z") });
    smtp = await startSmtpServer();
  });
  afterAll(async () => {
    await smtp.close();
    await handle.close();
  });
  beforeEach(async () => {
    await handle.db.delete(schema.outboxMessages);
    smtp.received.length = 0;
    smtp.failNextWith(null);
  });

  const workers: { stop(): Promise<void> }[] = [];
  afterEach(async () => {
    await Promise.all(workers.splice(0).map((w) => w.stop()));
  });

  function worker(now: () => Date, extra: { policy?: OutboxRetryPolicy } = {}) {
    const w = startOutboxWorker({
      db: handle.db,
      transport: smtpTransport(smtp.url),
      logger: memoryLogger(),
      now,
      autoStart: false,
      ...extra,
    });
    workers.push(w);
    return w;
  }

  it("delivers a due message once, with text, HTML and the .ics; not the one due tomorrow", async () => {
    const { booking } = await insertTestBooking(handle.db, {
      startsAt: new Date("2031-05-06T23:30:00Z"),
    });
    const data = bookingEmailData({
      bookingId: booking.id,
      startsAt: booking.startsAt,
      endsAt: booking.endsAt,
      patient: { name: "Pat Runner", email: "pat.runner@example.com", phone: "0400 111 222" },
    });
    let now = new Date("2031-05-01T00:00:00Z");
    await enqueueBookingEmails(handle.db, "created", data, now);
    const w = worker(() => now);

    // The confirmation and the clinic's notice are due; the reminder is not.
    expect(await w.runOnce()).toBe(2);
    expect(await w.runOnce()).toBe(0);
    expect(smtp.received).toHaveLength(2);

    const confirmation = smtp.received.find((r) => r.envelopeTo[0] === "pat.runner@example.com");
    expect(confirmation).toBeDefined();
    const mail = confirmation!.mail;
    expect(mail.from?.value[0]).toEqual({
      name: "Westside Sports Chiro",
      address: "bookings@westsidesportschiro.example",
    });
    expect(mail.replyTo?.value[0]?.address).toBe("hello@westsidesportschiro.example");
    expect(mail.subject).toBe(
      "Your appointment at Westside Sports Chiro is confirmed: Wednesday 7 May 2031, 9:30 am AEST",
    );
    expect(mail.text).toContain(data.manageUrl);
    expect(mail.html).toContain(`href="${data.manageUrl}"`);
    expect(mail.attachments).toHaveLength(1);
    const [ics] = mail.attachments;
    expect(ics!.filename).toBe("appointment.ics");
    expect(ics!.contentType).toBe("text/calendar");
    const event = new ICAL.Event(
      new ICAL.Component(ICAL.parse(ics!.content.toString("utf8"))).getFirstSubcomponent("vevent")!,
    );
    expect(event.uid).toBe(`${booking.id}@westsidesportschiro.example`);
    expect(event.startDate.toJSDate()).toEqual(booking.startsAt);

    const notice = smtp.received.find(
      (r) => r.envelopeTo[0] === "hello@westsidesportschiro.example",
    );
    expect(notice!.mail.text).toContain("pat.runner@example.com");

    const sent = await listMessages(handle.db, { status: "sent" });
    expect(sent).toHaveLength(2);
    expect(sent.every((m) => m.attempts === 1 && m.sentAt?.getTime() === now.getTime())).toBe(true);

    // A day before the appointment the reminder goes out, and only then.
    now = new Date(booking.startsAt.getTime() - REMINDER_LEAD_MS - 1);
    expect(await w.runOnce()).toBe(0);
    now = new Date(booking.startsAt.getTime() - REMINDER_LEAD_MS);
    expect(await w.runOnce()).toBe(1);
    expect(smtp.received).toHaveLength(3);
    expect(smtp.received[2]!.mail.subject).toMatch(/^Reminder: /);
    const [reminder] = await listMessages(handle.db, { kind: bookingEmailKinds.reminder });
    expect(reminder!.status).toBe("sent");
  });

  it("retries a server failure with backoff, then marks the message failed", async () => {
    const policy = {
      maxAttempts: 3,
      baseDelayMs: MINUTE,
      maxDelayMs: 10 * MINUTE,
      leaseMs: MINUTE,
    };
    const start = new Date("2031-05-01T00:00:00Z");
    let now = start;
    const queued = await enqueueMessage(handle.db, {
      kind: "test",
      toAddress: "someone@example.com",
      subject: "Will not arrive",
      textBody: "…",
      htmlBody: "<p>…</p>",
      sendAfter: start,
    });
    const w = worker(() => now, { policy });
    smtp.failNextWith("Mailbox busy, try later");

    expect(await w.runOnce()).toBe(1);
    let [row] = await listMessages(handle.db, {});
    expect(row).toMatchObject({ id: queued.id, status: "pending", attempts: 1 });
    expect(row!.lastError).toContain("Mailbox busy");
    expect(row!.sendAfter).toEqual(new Date(start.getTime() + MINUTE));

    // Not retried before the backoff ends.
    now = new Date(start.getTime() + MINUTE - 1);
    expect(await w.runOnce()).toBe(0);

    now = new Date(start.getTime() + MINUTE);
    expect(await w.runOnce()).toBe(1);
    [row] = await listMessages(handle.db, {});
    expect(row).toMatchObject({ status: "pending", attempts: 2 });
    expect(row!.sendAfter).toEqual(new Date(now.getTime() + 2 * MINUTE));

    now = row!.sendAfter;
    expect(await w.runOnce()).toBe(1);
    [row] = await listMessages(handle.db, {});
    expect(row).toMatchObject({ status: "failed", attempts: 3 });

    // Failed for good: the server recovers, but the message is left alone.
    smtp.failNextWith(null);
    now = new Date(now.getTime() + 24 * 60 * MINUTE);
    expect(await w.runOnce()).toBe(0);
    expect(smtp.received).toHaveLength(0);
  });

  it("a failure then a recovery delivers the message exactly once", async () => {
    let now = new Date("2031-05-01T00:00:00Z");
    await enqueueMessage(handle.db, {
      kind: "test",
      toAddress: "later@example.com",
      subject: "Second time lucky",
      textBody: "…",
      htmlBody: "<p>…</p>",
      sendAfter: now,
    });
    const w = worker(() => now);
    smtp.failNextWith("Temporary failure");
    await w.runOnce();
    smtp.failNextWith(null);
    now = new Date(now.getTime() + MINUTE);
    expect(await w.runOnce()).toBe(1);
    expect(await w.runOnce()).toBe(0);
    expect(smtp.received.map((r) => r.mail.subject)).toEqual(["Second time lucky"]);
  });

  it("two workers polling one database deliver every message exactly once", async () => {
    const count = 24;
    const ids = new Set<string>();
    for (let i = 0; i < count; i++) {
      const row = await enqueueMessage(handle.db, {
        kind: "test",
        toAddress: `patient${i}@example.com`,
        subject: `Message ${i}`,
        textBody: `Body ${i}`,
        htmlBody: `<p>Body ${i}</p>`,
        sendAfter: new Date(clock.now().getTime() - MINUTE),
      });
      ids.add(row.id);
    }
    const options = {
      db: handle.db,
      logger: memoryLogger(),
      now: clock.now,
      intervalMs: 10,
      batchSize: 3,
    };
    const a = startOutboxWorker({ ...options, transport: smtpTransport(smtp.url) });
    const b = startOutboxWorker({ ...options, transport: smtpTransport(smtp.url) });
    workers.push(a, b);

    const deadline = Date.now() + 30_000;
    while ((await listMessages(handle.db, { status: "sent" })).length < count) {
      if (Date.now() > deadline) throw new Error("the workers did not send everything in time");
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await Promise.all([a.stop(), b.stop()]);

    const outboxIds = smtp.received.map((r) => String(r.mail.headers.get("x-outbox-id")));
    expect(outboxIds).toHaveLength(count);
    expect(new Set(outboxIds)).toEqual(ids);
    const rows = await listMessages(handle.db, {});
    expect(rows.every((m) => m.status === "sent" && m.attempts === 1)).toBe(true);
  });

  it("stop() waits for a pass in progress and ends the polling", async () => {
    await enqueueMessage(handle.db, {
      kind: "test",
      toAddress: "x@example.com",
      subject: "During shutdown",
      textBody: "…",
      htmlBody: "<p>…</p>",
      sendAfter: new Date(clock.now().getTime() - MINUTE),
    });
    const w = startOutboxWorker({
      db: handle.db,
      transport: smtpTransport(smtp.url),
      logger: memoryLogger(),
      now: clock.now,
      intervalMs: 10,
    });
    // The first pass starts at once; stopping right away still lets it finish.
    await new Promise((resolve) => setTimeout(resolve, 0));
    await w.stop();
    const afterStop = smtp.received.length;
    await enqueueMessage(handle.db, {
      kind: "test",
      toAddress: "y@example.com",
      subject: "After shutdown",
      textBody: "…",
      htmlBody: "<p>…</p>",
      sendAfter: new Date(clock.now().getTime() - MINUTE),
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(smtp.received.length).toBe(afterStop);
    expect(smtp.received.map((r) => r.mail.subject)).not.toContain("After shutdown");
  });
});
