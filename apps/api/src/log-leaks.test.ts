import { randomBytes } from "node:crypto";
import { demoOwnerEmail } from "@clinic/db/seed";
import { testDrivers } from "@clinic/db/testing";
import { addLocalDays, localDateOf } from "@clinic/domain";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startOutboxWorker } from "./email/outbox-worker.js";
import { devMailbox, type MailTransport } from "./email/transport.js";
import {
  createTestApp,
  demoClinic,
  failure,
  filledInFormToken,
  signedInStaff,
  TEST_OWNER_PASSWORD,
  type TestApp,
} from "./testing/index.js";

/**
 * Everything a patient, a visitor or a member of staff types that is theirs: none of it may
 * reach a log line (issue 10). The values are unusual so a match can only be a leak.
 */
const patient = {
  name: "Marguerite Quillfeather",
  email: "marguerite.quillfeather@leak-test.example",
  phone: "0412 987 654",
};
const enquirer = {
  name: "Bartholomew Vantongeren",
  email: "bart.vantongeren@leak-test.example",
  phone: "+61 2 9876 5432",
};
const reviewer = { name: "Ottoline Ferncastle", email: "ottoline@leak-test.example" };
const WRONG_PASSWORD = "definitely-not-the-password-9931";

// Any address at all, and any run of digits shaped like the phones above.
const EMAIL_ADDRESS = /[A-Za-z0-9._%+-]+@(?:[A-Za-z0-9-]+\.)+[A-Za-z]/;
// A phone written with other separators is still that phone.
const withoutSeparators = (text: string) => text.replace(/[\s().+-]/g, "");

describe.each(testDrivers)("log lines of the booking and form flows on %s", (driver) => {
  let t: TestApp;
  const secrets: string[] = [];

  beforeAll(async () => {
    t = await createTestApp({ driver });
  });
  afterAll(() => t.close());

  /** Every line the app and the outbox worker logged, as written. */
  function logLines(): string[] {
    const logger = t.logger as unknown as { lines?: string[]; entries: unknown[] };
    return logger.lines ?? logger.entries.map((entry) => JSON.stringify(entry));
  }

  it("runs the flows and logs nothing that identifies a patient or opens an account", async () => {
    const { serviceId, jasonId } = await demoClinic(t);
    const from = localDateOf(t.now(), "Australia/Sydney");
    const availability = await t.client().availability.slots.query({
      serviceId,
      practitionerId: jasonId,
      from,
      to: addLocalDays(from, 20),
    });
    const slots = availability.days.flatMap((day) => day.slots);
    const [first, , second] = slots.slice(-3);

    // The booking flow: create, read through the manage link, reschedule, cancel.
    const created = await t.client().bookings.create.mutate({
      serviceId,
      practitionerId: jasonId,
      start: first!.start,
      patient,
      notes: `Call me on ${patient.phone} or write to ${patient.email}`,
      idempotencyKey: randomBytes(12).toString("base64url"),
    });
    const token = created.manageToken;
    secrets.push(token);
    await t.client().bookings.byToken.query({ token });
    await t.client().bookings.rescheduleByToken.mutate({ token, start: second!.start });
    await t.client().bookings.cancelByToken.mutate({ token, reason: `${patient.name} is better` });

    // The same time again for someone else, then taken twice: the exclusion constraint refuses.
    const rebooked = await t.client().bookings.create.mutate({
      serviceId,
      practitionerId: jasonId,
      start: first!.start,
      patient,
      idempotencyKey: randomBytes(12).toString("base64url"),
    });
    secrets.push(rebooked.manageToken);
    const taken = await failure(
      t.client().bookings.create.mutate({
        serviceId,
        practitionerId: jasonId,
        start: first!.start,
        patient: { ...patient, email: `second.${patient.email}` },
        idempotencyKey: randomBytes(12).toString("base64url"),
      }),
    );
    expect(taken.code).toBe("CONFLICT");
    // Bad input carrying contact details.
    const bad = await failure(
      t.client().bookings.create.mutate({
        serviceId,
        practitionerId: jasonId,
        start: second!.start,
        patient: { ...patient, email: `${patient.name} <${patient.email}` },
        idempotencyKey: randomBytes(12).toString("base64url"),
      }),
    );
    expect(bad.code).toBe("BAD_REQUEST");
    await failure(t.client().bookings.byToken.query({ token: `${token.slice(0, -4)}AAAA` }));

    // The contact and review forms, and a review for a practitioner who doesn't exist.
    await t.client().enquiries.submit.mutate({
      ...enquirer,
      message: `Please phone ${enquirer.phone}; my partner ${patient.name} booked already.`,
      formToken: filledInFormToken("enquiry"),
    });
    await t.client().reviews.submit.mutate({
      authorName: reviewer.name,
      rating: 5,
      body: `Write to me at ${reviewer.email} if you need more.`,
      email: reviewer.email,
      practitionerId: null,
      formToken: filledInFormToken("review"),
    });
    await failure(
      t.client().reviews.submit.mutate({
        authorName: reviewer.name,
        rating: 4,
        body: "Great care from start to finish, thank you.",
        email: reviewer.email,
        practitionerId: "00000000-0000-4000-8000-000000000000",
        formToken: filledInFormToken("review"),
      }),
    );

    // Staff sign-in, right and wrong; a duplicate account (a unique violation).
    const signedIn = await t
      .client()
      .auth.signIn.mutate({ email: demoOwnerEmail, password: TEST_OWNER_PASSWORD });
    secrets.push(signedIn.token);
    await failure(
      t.client().auth.signIn.mutate({ email: demoOwnerEmail, password: WRONG_PASSWORD }),
    );
    await failure(
      t.client().auth.signIn.mutate({ email: patient.email, password: WRONG_PASSWORD }),
    );
    const owner = await signedInStaff(t, "owner");
    secrets.push(owner.token);
    const account = {
      email: enquirer.email,
      name: enquirer.name,
      role: "front_desk" as const,
      practitionerId: null,
      password: WRONG_PASSWORD,
    };
    await owner.client.staff.create.mutate(account);
    await failure(owner.client.staff.create.mutate(account));

    // The emails those flows queued, through the development mailbox; then a server that refuses
    // a recipient (its reply names the address), as real SMTP servers do.
    const worker = startOutboxWorker({
      db: t.db,
      transport: devMailbox(t.logger),
      logger: t.logger,
      now: t.now,
      autoStart: false,
    });
    expect(await worker.runOnce()).toBeGreaterThan(2);
    await worker.stop();
    await t.client().enquiries.submit.mutate({
      ...enquirer,
      message: "A second question, about parking.",
      formToken: filledInFormToken("enquiry"),
    });
    const refusing: MailTransport = {
      async send(message) {
        throw new Error(`550 5.1.1 <${message.to}>: Recipient address rejected`);
      },
    };
    const failing = startOutboxWorker({
      db: t.db,
      transport: refusing,
      logger: t.logger,
      now: t.now,
      autoStart: false,
    });
    await failing.runOnce();
    await failing.stop();

    // A failure the error map can't place (a column gone missing), with the query's parameters
    // in the driver's message.
    await t.db.execute(sql`alter table enquiries rename column phone to phone_number`);
    try {
      const broken = await failure(
        t.client().enquiries.submit.mutate({
          ...enquirer,
          message: `Third try from ${enquirer.name}`,
          formToken: filledInFormToken("enquiry"),
        }),
      );
      expect(broken.code).toBe("INTERNAL_SERVER_ERROR");
    } finally {
      await t.db.execute(sql`alter table enquiries rename column phone_number to phone`);
    }

    const lines = logLines();
    // The flows did log: failures and deliveries are there, just without what identifies anyone.
    expect(lines.some((line) => line.includes("procedure failed"))).toBe(true);
    expect(lines.some((line) => line.includes("sign-in failed"))).toBe(true);
    // The failure is described by what went wrong, not by what was sent.
    expect(t.logger.entries.find((entry) => entry.message === "procedure failed")).toMatchObject({
      level: "error",
      fields: { path: "enquiries.submit", code: "INTERNAL_SERVER_ERROR", sqlState: "42703" },
    });

    const leaks: string[] = [];
    for (const line of lines) {
      const compact = withoutSeparators(line);
      const found = [
        ...secrets.filter((secret) => line.includes(secret)),
        ...[TEST_OWNER_PASSWORD, WRONG_PASSWORD].filter((password) => line.includes(password)),
        ...[patient.name, enquirer.name, reviewer.name].filter((name) => line.includes(name)),
        ...(line.includes("/manage/") && !line.includes("/manage/[token]") ? ["/manage/…"] : []),
        ...(EMAIL_ADDRESS.test(line) ? ["an email address"] : []),
        ...[patient.phone, enquirer.phone]
          .filter((phone) => compact.includes(withoutSeparators(phone)))
          .map((phone) => `phone ${phone}`),
      ];
      if (found.length > 0) leaks.push(`${found.join(", ")} in ${line.slice(0, 300)}`);
    }
    expect(leaks).toEqual([]);
  });
});
