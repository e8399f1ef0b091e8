import { randomBytes } from "node:crypto";
import { schema } from "@clinic/db";
import { testDrivers } from "@clinic/db/testing";
import { addLocalDays, localDateOf } from "@clinic/domain";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RATE_LIMITS } from "../abuse/public-forms.js";
import { createTestApp, demoClinic, signedInStaff, type TestApp } from "../testing/index.js";
import { bookingRequestFingerprint } from "./booking-fingerprint.js";

const key = () => randomBytes(12).toString("base64url");
const patient = (n: number) => ({
  name: `Idem Patient ${n}`,
  email: `idem${n}@example.com`,
  phone: `0400 100 ${String(n).padStart(3, "0")}`,
});

/** What a settled call came to: the booking's id, or the error's code and message. */
function outcome(result: PromiseSettledResult<{ booking: { id: string } } | { id: string }>) {
  if (result.status === "fulfilled") {
    const value = result.value;
    return { id: "booking" in value ? value.booking.id : value.id };
  }
  return { code: result.reason?.data?.code, message: String(result.reason?.message) };
}

describe.each(testDrivers)("idempotency keys on %s", (driver) => {
  let t: TestApp;
  let serviceId: string;
  let jasonId: string;
  // Each test takes its own slots, a day apart, so they never compete for one.
  let slotStarts: Date[] = [];

  beforeAll(async () => {
    t = await createTestApp({ driver });
    ({ serviceId, jasonId } = await demoClinic(t));
    const from = localDateOf(t.now(), "Australia/Sydney");
    const { days } = await t.client().availability.slots.query({
      serviceId,
      practitionerId: jasonId,
      from: addLocalDays(from, 2),
      to: addLocalDays(from, 12),
    });
    slotStarts = days.filter((d) => d.slots.length > 0).map((d) => d.slots[0]!.start);
  });
  afterAll(() => t.close());

  const nextSlot = () => {
    const start = slotStarts.shift();
    if (!start) throw new Error("The test ran out of free days");
    return start;
  };
  const rowsWithKey = (idempotencyKey: string) =>
    t.db.select().from(schema.bookings).where(eq(schema.bookings.idempotencyKey, idempotencyKey));
  const counts = async () => ({
    bookings: (await t.db.select().from(schema.bookings)).length,
    patients: (await t.db.select().from(schema.patients)).length,
    outbox: (await t.db.select().from(schema.outboxMessages)).length,
  });

  it("answers 20 concurrent retries of one request with the same booking", async () => {
    const request = {
      serviceId,
      practitionerId: jasonId,
      start: nextSlot(),
      patient: patient(1),
      notes: "Retried by a flaky connection",
      idempotencyKey: key(),
    };
    // A client per call: different visitors, so the per-address rate limit stays out of it.
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () => t.client().bookings.create.mutate(request)),
    );
    const outcomes = results.map(outcome);
    expect(outcomes.filter((o) => !("id" in o))).toEqual([]);
    expect(new Set(outcomes.map((o) => ("id" in o ? o.id : null))).size).toBe(1);
    const tokens = results.map((r) => (r.status === "fulfilled" ? r.value.manageToken : null));
    expect(new Set(tokens).size).toBe(1);

    const rows = await rowsWithKey(request.idempotencyKey);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.idempotencyFingerprint).toBe(
      bookingRequestFingerprint({ ...request, contactConsent: false }, "online"),
    );
  });

  it("answers retries from one address past the rate limit: a replay writes nothing", async () => {
    const request = {
      serviceId,
      practitionerId: jasonId,
      start: nextSlot(),
      patient: patient(7),
      idempotencyKey: key(),
    };
    const ip = "203.0.113.81";
    const made = await t.client(undefined, ip).bookings.create.mutate(request);
    for (let i = 0; i < RATE_LIMITS.booking.max + 2; i++) {
      const again = await t.client(undefined, ip).bookings.create.mutate(request);
      expect(again.booking.id).toBe(made.booking.id);
    }
  });

  it("answers 20 concurrent staff retries with the same booking", async () => {
    const frontDesk = await signedInStaff(t, "front_desk");
    const request = {
      serviceId,
      practitionerId: jasonId,
      start: nextSlot(),
      patient: patient(2),
      notes: "",
      idempotencyKey: key(),
    };
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () => frontDesk.client.bookings.createForPatient.mutate(request)),
    );
    const outcomes = results.map(outcome);
    expect(outcomes.filter((o) => !("id" in o))).toEqual([]);
    expect(new Set(outcomes.map((o) => ("id" in o ? o.id : null))).size).toBe(1);
    expect(await rowsWithKey(request.idempotencyKey)).toHaveLength(1);
  });

  it("refuses a key reused for a different request with a 422 naming the key, writing nothing", async () => {
    const first = {
      serviceId,
      practitionerId: jasonId,
      start: nextSlot(),
      patient: patient(3),
      notes: "Left knee",
      idempotencyKey: key(),
    };
    const made = await t.client().bookings.create.mutate(first);
    // The same request again, spelled differently but normalised alike, is a retry.
    const respelled = {
      ...first,
      patient: { ...first.patient, email: ` ${first.patient.email.toUpperCase()} ` },
      notes: ` ${first.notes}  `,
    };
    expect((await t.client().bookings.create.mutate(respelled)).booking.id).toBe(made.booking.id);

    const before = await counts();
    const other = nextSlot();
    const changes: Record<string, unknown>[] = [
      { notes: "Right knee" },
      { start: other },
      { patient: patient(4) },
      { practitionerId: "any" },
      { contactConsent: true },
    ];
    for (const change of changes) {
      const error = await t
        .client()
        .bookings.create.mutate({ ...first, ...change })
        .catch((e) => e);
      expect(error.data, JSON.stringify(change)).toMatchObject({
        code: "UNPROCESSABLE_CONTENT",
        httpStatus: 422,
      });
      expect(error.message).toMatch(/idempotency key was already used for a different booking/);
    }
    expect(await counts()).toEqual(before);
    slotStarts.unshift(other);
  });

  it("lets one of two racing requests with one key win and refuses the other with 422", async () => {
    const idempotencyKey = key();
    const start = nextSlot();
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, n) =>
        t.client().bookings.create.mutate({
          serviceId,
          practitionerId: jasonId,
          start,
          patient: patient(5),
          notes: n % 2 === 0 ? "Even" : "Odd",
          idempotencyKey,
        }),
      ),
    );
    const outcomes = results.map(outcome);
    const won = outcomes.filter((o) => "id" in o);
    expect(won.length).toBeGreaterThan(0);
    expect(new Set(won.map((o) => ("id" in o ? o.id : null))).size).toBe(1);
    for (const o of outcomes.filter((o) => !("id" in o))) {
      expect(o).toMatchObject({ code: "UNPROCESSABLE_CONTENT" });
    }
    expect(await rowsWithKey(idempotencyKey)).toHaveLength(1);
  });

  it("accepts a retry of a booking made before fingerprints were kept, and holds later ones to it", async () => {
    const request = {
      serviceId,
      practitionerId: jasonId,
      start: nextSlot(),
      patient: patient(6),
      idempotencyKey: key(),
    };
    const made = await t.client().bookings.create.mutate(request);
    // As migration 0005 left every earlier booking.
    await t.db
      .update(schema.bookings)
      .set({ idempotencyFingerprint: null })
      .where(eq(schema.bookings.id, made.booking.id));

    const retried = await t.client().bookings.create.mutate(request);
    expect(retried.booking.id).toBe(made.booking.id);
    const [row] = await rowsWithKey(request.idempotencyKey);
    expect(row!.idempotencyFingerprint).toBe(
      bookingRequestFingerprint({ ...request, notes: "", contactConsent: false }, "online"),
    );
    const error = await t
      .client()
      .bookings.create.mutate({ ...request, notes: "Something else" })
      .catch((e) => e);
    expect(error.data?.code).toBe("UNPROCESSABLE_CONTENT");
  });
});
