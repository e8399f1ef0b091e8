import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import { listMessages } from "@clinic/db";
import { testDrivers } from "@clinic/db/testing";
import { addLocalDays, localDateOf } from "@clinic/domain";
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { memoryLogger } from "../logger.js";
import { createTestApp, demoClinic, type TestApp } from "../testing/index.js";
import { startSinkProcess } from "../testing/sink-process.js";
import { bookingEmailKinds, REMINDER_LEAD_MS } from "./booking-emails.js";
import { type OutboxWorker, startOutboxWorker } from "./outbox-worker.js";
import { smtpTransport } from "./transport.js";

interface Delivered {
  envelopeTo: string[];
  subject: string;
  outboxId: string;
  text: string;
  attachments: { filename: string; contentType: string; content: string }[];
}

const sinkScript = fileURLToPath(new URL("../testing/smtp-sink.mjs", import.meta.url));

/** The SMTP sink in a child process: a server the API reaches over a real socket, as in production. */
async function startSmtpSink() {
  const delivered: Delivered[] = [];
  const { port, stop } = await startSinkProcess<{ port?: number; message?: Delivered }>(
    "SMTP sink",
    [sinkScript],
    (line) => {
      if (line.message) delivered.push(line.message);
    },
  );
  return { url: `smtp://127.0.0.1:${port}`, delivered, stop };
}

const HOUR = 3_600_000;

describe.each(testDrivers)("reminders reach a real SMTP server once, on %s", (driver) => {
  let t: TestApp;
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  const workers: OutboxWorker[] = [];

  beforeAll(async () => {
    t = await createTestApp({ driver, devMailbox: false });
    sink = await startSmtpSink();
  }, 60_000);
  afterAll(async () => {
    await Promise.all(workers.splice(0).map((w) => w.stop()));
    await sink?.stop();
    await t?.close();
  });

  it("sends the reminder a day ahead, once, with the appointment's .ics, under two workers", async () => {
    const { serviceId, jasonId } = await demoClinic(t);
    // A slot three days out or later, so the reminder waits in the outbox.
    const from = addLocalDays(localDateOf(t.now(), "Australia/Sydney"), 3);
    const { days } = await t.client().availability.slots.query({
      serviceId,
      practitionerId: jasonId,
      from,
      to: addLocalDays(from, 7),
    });
    const slot = days.flatMap((d) => d.slots)[0]!;
    const { booking } = await t.client().bookings.create.mutate({
      serviceId,
      practitionerId: jasonId,
      start: slot.start,
      patient: { name: "Rae Minder", email: "rae.minder@example.com", phone: "0400 123 456" },
      idempotencyKey: randomBytes(12).toString("base64url"),
    });
    const [queued] = await listMessages(t.db, {
      bookingId: booking.id,
      kind: bookingEmailKinds.reminder,
    });
    expect(queued!.sendAfter).toEqual(new Date(slot.start.getTime() - REMINDER_LEAD_MS));

    // Two API instances' workers on one database, polling on the test clock.
    for (let i = 0; i < 2; i++) {
      workers.push(
        startOutboxWorker({
          db: t.db,
          transport: smtpTransport(sink.url),
          logger: memoryLogger(),
          now: t.now,
          intervalMs: 20,
        }),
      );
    }
    const settle = async (predicate: () => Promise<boolean>) => {
      const deadline = Date.now() + 20_000;
      while (!(await predicate())) {
        if (Date.now() > deadline) throw new Error("the workers did not settle in time");
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      // Some more polls by both workers: nothing may go out twice.
      await new Promise((resolve) => setTimeout(resolve, 300));
    };
    const isSent = async (kind: string) =>
      (await listMessages(t.db, { bookingId: booking.id, kind }))[0]?.status === "sent";

    // The confirmation goes now; the reminder waits for its day.
    await settle(() => isSent(bookingEmailKinds.confirmation));
    const reminders = () =>
      sink.delivered.filter((m) => m.outboxId === queued!.id && m.subject.startsWith("Reminder"));
    expect(reminders()).toHaveLength(0);

    // An hour before it is due: still waiting.
    t.clock.set(new Date(queued!.sendAfter.getTime() - HOUR));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(reminders()).toHaveLength(0);

    // Due: delivered once, to the patient, with the appointment as text/calendar.
    t.clock.set(new Date(queued!.sendAfter.getTime() + 1_000));
    await settle(() => isSent(bookingEmailKinds.reminder));
    expect(reminders()).toHaveLength(1);
    const reminder = reminders()[0]!;
    expect(reminder.envelopeTo).toEqual(["rae.minder@example.com"]);
    expect(sink.delivered.filter((m) => m.outboxId === queued!.id)).toHaveLength(1);
    const ics = reminder.attachments.find((a) => a.contentType === "text/calendar");
    expect(ics).toBeDefined();
    const event = new ICAL.Event(
      new ICAL.Component(ICAL.parse(ics!.content)).getFirstSubcomponent("vevent")!,
    );
    expect(event.uid).toBe(`${booking.id}@westsidesportschiro.example`);
    expect(event.startDate.toJSDate()).toEqual(slot.start);

    // A day later, still once.
    t.clock.advance(24 * HOUR);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(reminders()).toHaveLength(1);
  }, 60_000);
});
