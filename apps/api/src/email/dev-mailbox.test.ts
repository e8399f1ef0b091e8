import { randomBytes } from "node:crypto";
import { addLocalDays, localDateOf } from "@clinic/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../app.js";
import { memoryLogger } from "../logger.js";
import {
  createTestApp,
  demoClinic,
  failure,
  inProcessClient,
  signedInStaff,
  type TestApp,
} from "../testing/index.js";

describe("the development mailbox", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it("shows the owner every queued email, with the working manage link in its text", async () => {
    const { serviceId, jasonId } = await demoClinic(t);
    const from = localDateOf(t.now(), "Australia/Sydney");
    const { days } = await t.client().availability.slots.query({
      serviceId,
      practitionerId: jasonId,
      from,
      to: addLocalDays(from, 14),
    });
    const slot = days.flatMap((day) => day.slots).at(-1)!;
    const { manageToken } = await t.client().bookings.create.mutate({
      serviceId,
      practitionerId: jasonId,
      start: slot.start,
      patient: { name: "Mailbox Patient", email: "mailbox@example.com", phone: "0400 000 111" },
      idempotencyKey: randomBytes(12).toString("base64url"),
    });

    const owner = await signedInStaff(t, "owner");
    expect(await owner.client.devMailbox.status.query()).toEqual({ open: true });
    const messages = await owner.client.devMailbox.list.query({ limit: 10 });
    const confirmation = messages.find(
      (m) => m.kind === "booking.confirmation" && m.to === "mailbox@example.com",
    );
    expect(confirmation).toMatchObject({ status: "pending" });
    const message = await owner.client.devMailbox.get.query({ id: confirmation!.id });
    expect(message.text).toContain(`/manage/${manageToken}`);
    expect(message).toMatchObject({ purged: false, attachments: ["appointment.ics"] });
  });

  it("is closed to other roles", async () => {
    const frontDesk = await signedInStaff(t, "front_desk");
    expect((await failure(frontDesk.client.devMailbox.list.query({ limit: 10 }))).code).toBe(
      "FORBIDDEN",
    );
  });

  it("is closed when the API sends through SMTP", async () => {
    const withSmtp = createApp({ db: t.db, logger: memoryLogger(), now: t.now });
    const owner = await signedInStaff(t, "owner");
    const client = inProcessClient(withSmtp, owner.token);
    expect(await client.devMailbox.status.query()).toEqual({ open: false });
    const refused = await failure(client.devMailbox.list.query({ limit: 10 }));
    expect(refused).toMatchObject({
      code: "NOT_FOUND",
      message: expect.stringMatching(/SMTP_URL/),
    });
    expect(
      (await failure(client.devMailbox.get.query({ id: "00000000-0000-4000-8000-000000000001" })))
        .code,
    ).toBe("NOT_FOUND");
  });
});
