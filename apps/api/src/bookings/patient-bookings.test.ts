import { randomBytes } from "node:crypto";
import { schema } from "@clinic/db";
import { testDrivers } from "@clinic/db/testing";
import { addLocalDays, localDateOf } from "@clinic/domain";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../app.js";
import { silentLogger } from "../logger.js";
import { createTestApp, demoClinic, inProcessClient, testClock } from "../testing/index.js";

const key = () => randomBytes(12).toString("base64url");
const patient = (n = 1) => ({
  name: `Pat Example ${n}`,
  email: `pat${n}@example.com`,
  phone: `0400 000 00${n % 10}`,
});

describe.each(testDrivers)("online booking on %s", (driver) => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let serviceId: string;
  let jasonId: string;
  let joeyId: string;
  let sportsMassageId: string;

  beforeAll(async () => {
    t = await createTestApp({ driver });
    const clinic = await demoClinic(t);
    ({ serviceId, jasonId, joeyId } = clinic);
    sportsMassageId = clinic.serviceIdOf("sports-massage");
  });
  afterAll(() => t.close());

  const today = () => localDateOf(t.now(), "Australia/Sydney");
  async function freeSlots(practitionerId: string | "any" = jasonId, days = 14) {
    const from = today();
    const result = await t.client().availability.slots.query({
      serviceId,
      practitionerId,
      from,
      to: addLocalDays(from, days),
    });
    return result.days.flatMap((d) => d.slots);
  }
  // Slots far enough ahead to change online (the demo clinic's window is 24 hours).
  const outsideWindow = (slot: { start: Date }) =>
    slot.start.getTime() > t.now().getTime() + 25 * 3_600_000;
  const counts = async () => ({
    bookings: (await t.db.select().from(schema.bookings)).length,
    patients: (await t.db.select().from(schema.patients)).length,
    outbox: (await t.db.select().from(schema.outboxMessages)).length,
  });

  it("answers availability by local day in the clinic's zone", async () => {
    const from = today();
    const result = await t.client().availability.slots.query({
      serviceId,
      practitionerId: "any",
      from,
      to: addLocalDays(from, 13),
    });
    expect(result.timeZone).toBe("Australia/Sydney");
    expect(result.days.length).toBeGreaterThan(5);
    for (const day of result.days) {
      for (const slot of day.slots) {
        expect(localDateOf(slot.start, result.timeZone)).toBe(day.date);
        expect(slot.practitionerIds.every((id) => [jasonId, joeyId].includes(id))).toBe(true);
      }
    }
  });

  it("books a free slot, hides it from the next visitor and recognises a returning patient", async () => {
    const [slot] = await freeSlots();
    const before = await counts();
    const result = await t.client().bookings.create.mutate({
      serviceId,
      practitionerId: jasonId,
      start: slot!.start,
      patient: patient(1),
      notes: "Left knee since the half marathon",
      idempotencyKey: key(),
    });
    expect(result.booking.status).toBe("confirmed");
    expect(result.booking.startsAt).toEqual(slot!.start);
    expect(result.booking.practitioner.id).toBe(jasonId);
    expect(result.manageToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const after = await counts();
    expect(after.bookings).toBe(before.bookings + 1);
    expect(after.patients).toBe(before.patients + 1);

    const [row] = await t.db
      .select()
      .from(schema.bookings)
      .where(eq(schema.bookings.id, result.booking.id));
    expect(row!.manageTokenHash).not.toContain(result.manageToken);
    expect(row!.manageTokenHash).toMatch(/^[0-9a-f]{64}$/);

    // The emails are written with the booking: confirmation (with the .ics), the clinic's notice,
    // and a reminder unless the appointment is less than a day away.
    const mail = await t.db
      .select()
      .from(schema.outboxMessages)
      .where(eq(schema.outboxMessages.bookingId, result.booking.id));
    const expectReminder = slot!.start.getTime() - 24 * 3_600_000 > t.now().getTime();
    expect(mail.map((m) => m.kind).sort()).toEqual(
      [
        "booking.clinic_notice",
        "booking.confirmation",
        ...(expectReminder ? ["booking.reminder"] : []),
      ].sort(),
    );
    const confirmation = mail.find((m) => m.kind === "booking.confirmation")!;
    expect(confirmation.toAddress).toBe("pat1@example.com");
    expect(confirmation.textBody).toContain(`/manage/${result.manageToken}`);
    expect(confirmation.attachments[0]!.content).toContain(`UID:${result.booking.id}@`);

    const remaining = await freeSlots();
    expect(remaining.some((s) => s.start.getTime() === slot!.start.getTime())).toBe(false);

    // Same email, different case: the same patient, with their phone brought up to date.
    const [next] = remaining;
    await t.client().bookings.create.mutate({
      serviceId,
      practitionerId: jasonId,
      start: next!.start,
      patient: { ...patient(1), email: "PAT1@Example.com", phone: "0411 111 111" },
      idempotencyKey: key(),
    });
    const pats = await t.db
      .select()
      .from(schema.patients)
      .where(eq(schema.patients.email, "pat1@example.com"));
    expect(pats).toHaveLength(1);
    expect(pats[0]!.phone).toBe("0411 111 111");
  });

  it("returns the same booking and link for a repeated idempotency key", async () => {
    const [slot] = await freeSlots();
    const request = {
      serviceId,
      practitionerId: jasonId,
      start: slot!.start,
      patient: patient(2),
      idempotencyKey: key(),
    };
    const first = await t.client().bookings.create.mutate(request);
    const before = await counts();
    const again = await t.client().bookings.create.mutate(request);
    expect(again.booking.id).toBe(first.booking.id);
    expect(again.manageToken).toBe(first.manageToken);
    expect(await counts()).toEqual(before);
  });

  it("shares 'first available' between practitioners free at that time", async () => {
    const both = (await freeSlots("any")).find((s) => s.practitionerIds.length === 2)!;
    const a = await t.client().bookings.create.mutate({
      serviceId,
      practitionerId: "any",
      start: both.start,
      patient: patient(3),
      idempotencyKey: key(),
    });
    const b = await t.client().bookings.create.mutate({
      serviceId,
      practitionerId: "any",
      start: both.start,
      patient: patient(4),
      idempotencyKey: key(),
    });
    expect(new Set([a.booking.practitioner.id, b.booking.practitioner.id])).toEqual(
      new Set([jasonId, joeyId]),
    );
    await expect(
      t.client().bookings.create.mutate({
        serviceId,
        practitionerId: "any",
        start: both.start,
        patient: patient(5),
        idempotencyKey: key(),
      }),
    ).rejects.toMatchObject({
      data: { code: "CONFLICT", httpStatus: 409 },
      message: expect.stringMatching(/just taken/),
    });
  });

  it("refuses bad requests with a 400 naming the problem, writing nothing", async () => {
    const [slot] = await freeSlots();
    const good = {
      serviceId,
      practitionerId: jasonId,
      start: slot!.start,
      patient: patient(6),
      idempotencyKey: key(),
    };
    const before = await counts();
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ serviceId: "00000000-0000-4000-8000-000000000000" }, "serviceId", /isn't available/],
      [{ serviceId: sportsMassageId, practitionerId: jasonId }, "practitionerId", /doesn't offer/],
      [
        { start: new Date(slot!.start.getTime() + 7 * 60_000) },
        "start",
        /isn't one of the available times/,
      ],
      [{ start: new Date(t.now().getTime() - 86_400_000) }, "start", /in the past/],
      [{ start: new Date(t.now().getTime() + 400 * 86_400_000) }, "start", /up to \d+ days ahead/],
      [{ patient: { ...patient(6), email: "not-an-email" } }, "patient.email", /valid email/],
      [{ idempotencyKey: "short" }, "idempotencyKey", /Idempotency key/],
    ];
    for (const [override, field, message] of cases) {
      const error = await t
        .client()
        .bookings.create.mutate({
          ...good,
          ...override,
          idempotencyKey: (override.idempotencyKey as string) ?? key(),
        } as never)
        .catch((e) => e);
      expect(error.data?.httpStatus, field).toBe(400);
      expect(error.data.fieldErrors[field]?.[0], field).toMatch(message);
    }
    expect(await counts()).toEqual(before);
  });

  it("lets exactly one of 50 simultaneous requests for the same time win", async () => {
    const slots = await freeSlots(jasonId, 30);
    const i = slots.findIndex(
      (s, k) => slots[k + 1]?.start.getTime() === s.start.getTime() + 15 * 60_000,
    );
    const slot = slots[i]!;
    const attempts = Array.from({ length: 50 }, (_, n) =>
      t.client().bookings.create.mutate({
        serviceId,
        practitionerId: jasonId,
        // Half ask for the exact time, half for a time that overlaps it.
        start: n % 2 === 0 ? slot.start : slots[i + 1]!.start,
        patient: patient(100 + n),
        idempotencyKey: key(),
      }),
    );
    const results = await Promise.allSettled(attempts);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r) => r.status === "rejected") as PromiseRejectedResult[];
    // The two times overlap (30 min service on a 15 min step, 5 min buffer), so only one booking fits.
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(49);
    for (const r of lost) {
      expect([r.reason.data?.code, r.reason.message]).toEqual([
        "CONFLICT",
        "That time was just taken — please pick another.",
      ]);
    }
  });

  it("cancels and reschedules by link outside the cancellation window, and not inside it", async () => {
    const slots = await freeSlots(jasonId, 20);
    const late = slots[slots.length - 1]!;
    const { booking, manageToken } = await t.client().bookings.create.mutate({
      serviceId,
      practitionerId: jasonId,
      start: late.start,
      patient: patient(7),
      idempotencyKey: key(),
    });
    const seen = await t.client().bookings.byToken.query({ token: manageToken });
    expect(seen).toMatchObject({ id: booking.id, canCancel: true, canReschedule: true });
    await expect(
      t.client().bookings.byToken.query({ token: "x".repeat(43) }),
    ).rejects.toMatchObject({
      data: { code: "NOT_FOUND" },
    });

    // Reschedule to an earlier free time: the old one is released in the same step.
    const target = (await freeSlots(jasonId, 20)).find(
      (s) => s.start < late.start && outsideWindow(s),
    )!;
    const moved = await t
      .client()
      .bookings.rescheduleByToken.mutate({ token: manageToken, start: target.start });
    expect(moved.startsAt).toEqual(target.start);
    const after = await freeSlots(jasonId, 20);
    expect(after.some((s) => s.start.getTime() === late.start.getTime())).toBe(true);
    expect(after.some((s) => s.start.getTime() === target.start.getTime())).toBe(false);

    // Inside the window the clinic's phone is the way.
    const nearStart = createApp({
      db: t.db,
      logger: silentLogger,
      now: () => new Date(target.start.getTime() - 2 * 3_600_000),
    });
    const refused = await inProcessClient(nearStart)
      .bookings.cancelByToken.mutate({ token: manageToken })
      .catch((e) => e);
    expect(refused.data.code).toBe("PRECONDITION_FAILED");
    expect(refused.message).toContain("02 9000 1234");
    expect(
      (await inProcessClient(nearStart).bookings.byToken.query({ token: manageToken })).canCancel,
    ).toBe(false);

    const cancelled = await t
      .client()
      .bookings.cancelByToken.mutate({ token: manageToken, reason: "Feeling better" });
    expect(cancelled.status).toBe("cancelled");
    expect(cancelled.cancellationReason).toBe("Feeling better");
    expect(
      (await freeSlots(jasonId, 20)).some((s) => s.start.getTime() === target.start.getTime()),
    ).toBe(true);
    await expect(
      t.client().bookings.cancelByToken.mutate({ token: manageToken }),
    ).rejects.toMatchObject({
      data: { code: "BAD_REQUEST" },
      message: expect.stringMatching(/already been cancelled/),
    });
  });

  it("refuses to reschedule onto a taken time", async () => {
    const slots = (await freeSlots(jasonId, 20)).filter(outsideWindow);
    const mine = await t.client().bookings.create.mutate({
      serviceId,
      practitionerId: jasonId,
      start: slots[0]!.start,
      patient: patient(8),
      idempotencyKey: key(),
    });
    const theirs = slots.find((s) => s.start.getTime() >= slots[0]!.start.getTime() + 3_600_000)!;
    await t.client().bookings.create.mutate({
      serviceId,
      practitionerId: jasonId,
      start: theirs.start,
      patient: patient(9),
      idempotencyKey: key(),
    });
    const error = await t
      .client()
      .bookings.rescheduleByToken.mutate({ token: mine.manageToken, start: theirs.start })
      .catch((e) => e);
    expect(error.data.code).toBe("CONFLICT");
    expect((await t.client().bookings.byToken.query({ token: mine.manageToken })).startsAt).toEqual(
      slots[0]!.start,
    );
  });
});

describe.runIf(process.env.TEST_DATABASE_URL)(
  "two API instances on one PostgreSQL database",
  () => {
    it("still let exactly one of 50 simultaneous requests win", async () => {
      const { createDatabase } = await import("@clinic/db");
      const { seedDemoClinic } = await import("@clinic/db/seed");
      const { createTestDatabaseUrl } = await import("@clinic/db/testing");
      const { url, drop } = await createTestDatabaseUrl();
      const first = await createDatabase({ kind: "postgres", url, poolSize: 20 });
      const second = await createDatabase({ kind: "postgres", url, poolSize: 20 });
      try {
        const clock = testClock();
        await seedDemoClinic(first.db, { now: clock.now() });
        const instances = [first, second].map((d) =>
          createApp({ db: d.db, logger: silentLogger, now: clock.now }),
        );
        // A client per request: each is its own visitor, so per-address rate limits stay out of it.
        const client = (n: number) => inProcessClient(instances[n % 2]!);
        const services = await client(0).services.list.query();
        const service = services.find((s) => s.slug === "follow-up-adjustment")!;
        const jason = service.practitioners.find((p) => p.slug === "jason-lee")!;
        const from = localDateOf(clock.now(), "Australia/Sydney");
        const { days } = await client(1).availability.slots.query({
          serviceId: service.id,
          practitionerId: jason.id,
          from,
          to: addLocalDays(from, 14),
        });
        const slot = days.flatMap((d) => d.slots)[3]!;
        const results = await Promise.allSettled(
          Array.from({ length: 50 }, (_, n) =>
            client(n).bookings.create.mutate({
              serviceId: service.id,
              practitionerId: jason.id,
              start: slot.start,
              patient: patient(200 + n),
              idempotencyKey: key(),
            }),
          ),
        );
        expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
        const codes = results.flatMap((r) =>
          r.status === "rejected" ? [r.reason.data?.code] : [],
        );
        expect(codes).toEqual(Array(49).fill("CONFLICT"));
      } finally {
        await first.close();
        await second.close();
        await drop();
      }
    });
  },
);
