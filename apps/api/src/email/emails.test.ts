import { randomBytes } from "node:crypto";
import { enqueueMessage, schema } from "@clinic/db";
import { testDrivers } from "@clinic/db/testing";
import { addLocalDays, localDateOf } from "@clinic/domain";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../app.js";
import { memoryLogger } from "../logger.js";
import {
  auditRows,
  createTestApp,
  demoClinic,
  failure,
  inProcessClient,
  signedInStaff,
  type TestApp,
} from "../testing/index.js";
import { REMINDER_LEAD_MS } from "./booking-emails.js";

describe.each(testDrivers)("the Emails page's procedures, on %s", (driver) => {
  let t: TestApp;
  let manageToken: string;
  let slotStart: Date;

  beforeAll(async () => {
    t = await createTestApp({ driver });
    const { serviceId, jasonId } = await demoClinic(t);
    const from = localDateOf(t.now(), "Australia/Sydney");
    const { days } = await t.client().availability.slots.query({
      serviceId,
      practitionerId: jasonId,
      from,
      to: addLocalDays(from, 14),
    });
    const slot = days.flatMap((day) => day.slots).at(-1)!;
    slotStart = slot.start;
    ({ manageToken } = await t.client().bookings.create.mutate({
      serviceId,
      practitionerId: jasonId,
      start: slot.start,
      patient: { name: "Mailbox Patient", email: "mailbox@example.com", phone: "0400 000 111" },
      idempotencyKey: randomBytes(12).toString("base64url"),
    }));
  });
  afterAll(() => t.close());

  it("shows owner and front desk every email, the reminder with when it goes out", async () => {
    for (const role of ["owner", "front_desk"] as const) {
      const { client } = await signedInStaff(t, role);
      const page = await client.emails.list.query({});
      expect(page.devMailbox).toBe(true);
      expect(page.kinds).toEqual(
        expect.arrayContaining(["booking.confirmation", "booking.reminder"]),
      );
      const confirmation = page.messages.find(
        (m) => m.kind === "booking.confirmation" && m.to === "mailbox@example.com",
      )!;
      expect(confirmation).toMatchObject({ status: "pending", scheduledFor: null });
      const reminder = page.messages.find(
        (m) => m.kind === "booking.reminder" && m.to === "mailbox@example.com",
      )!;
      expect(reminder.scheduledFor).toEqual(new Date(slotStart.getTime() - REMINDER_LEAD_MS));

      const message = await client.emails.get.query({ id: confirmation.id });
      expect(message.text).toContain(`/manage/${manageToken}`);
      expect(message.html).toContain(`/manage/${manageToken}`);
      expect(message).toMatchObject({
        purged: false,
        attachments: [
          { filename: "appointment.ics", contentType: expect.stringMatching(/^text\/calendar/) },
        ],
      });
    }
    // Nothing of the message reaches the log.
    expect(t.logger.lines.join("\n")).not.toContain(manageToken);
  });

  it("filters by status and kind, a page at a time", async () => {
    const { client } = await signedInStaff(t, "owner");
    const reminders = await client.emails.list.query({ kind: "booking.reminder" });
    expect(reminders.messages.every((m) => m.kind === "booking.reminder")).toBe(true);
    expect(reminders.total).toBe(reminders.messages.length);
    const all = await client.emails.list.query({ pageSize: 1 });
    expect(all.messages).toHaveLength(1);
    expect(all.total).toBeGreaterThanOrEqual(3);
    const second = await client.emails.list.query({ pageSize: 1, page: 2 });
    expect(second.messages[0]!.id).not.toBe(all.messages[0]!.id);
    expect((await client.emails.list.query({ status: "failed" })).messages).toEqual([]);
    const bad = await failure(client.emails.list.query({ status: "lost" as "failed" }));
    expect(bad.code).toBe("BAD_REQUEST");
    expect(bad.fieldErrors).toHaveProperty("status");
  });

  it("sends a failed email again, once, audited", async () => {
    const failed = await enqueueMessage(t.db, {
      kind: "test.failed",
      toAddress: "bounce@example.com",
      subject: "It bounced",
      textBody: "Hello",
      htmlBody: "<p>Hello</p><script>alert(1)</script>",
    });
    await t.db
      .update(schema.outboxMessages)
      .set({ status: "failed", attempts: 8, lastError: "550 No such user" })
      .where(eq(schema.outboxMessages.id, failed.id));
    const { client, user } = await signedInStaff(t, "front_desk");
    const shown = await client.emails.get.query({ id: failed.id });
    expect(shown).toMatchObject({ status: "failed", lastError: "550 No such user", attempts: 8 });
    expect(shown.html).toContain("<p>Hello</p>");
    expect(shown.html).not.toContain("script");

    const resent = await client.emails.resend.mutate({ id: failed.id });
    expect(resent).toMatchObject({ status: "pending", attempts: 0 });
    const [row] = await t.db
      .select()
      .from(schema.outboxMessages)
      .where(eq(schema.outboxMessages.id, failed.id));
    expect(row!.sendAfter.getTime()).toBeLessThanOrEqual(t.now().getTime());
    const [entry] = await auditRows(t, "email.resend");
    expect(entry).toMatchObject({ entityId: failed.id, actorId: user.id });
    expect(JSON.stringify(entry!.changes)).not.toContain("bounce@example.com");

    // Only a failed one: a second click is refused, and nothing changes.
    expect((await failure(client.emails.resend.mutate({ id: failed.id }))).code).toBe("CONFLICT");
    expect(await auditRows(t, "email.resend")).toHaveLength(1);
    expect(
      (await failure(client.emails.resend.mutate({ id: "00000000-0000-4000-8000-000000000001" })))
        .code,
    ).toBe("NOT_FOUND");
  });

  it("is closed to practitioners and to anyone signed out", async () => {
    const [practitioner] = await t.db.select().from(schema.practitioners).limit(1);
    const { client } = await signedInStaff(t, "practitioner", {
      practitionerId: practitioner!.id,
    });
    expect((await failure(client.emails.list.query({}))).code).toBe("FORBIDDEN");
    expect((await failure(t.client().emails.list.query({}))).code).toBe("UNAUTHORIZED");
  });

  it("is open with an SMTP server too: the page is the clinic's sent mail", async () => {
    const withSmtp = createApp({ db: t.db, logger: memoryLogger(), now: t.now });
    const owner = await signedInStaff(t, "owner");
    const page = await inProcessClient(withSmtp, owner.token).emails.list.query({});
    expect(page.devMailbox).toBe(false);
    expect(page.messages.length).toBeGreaterThan(0);
  });
});
