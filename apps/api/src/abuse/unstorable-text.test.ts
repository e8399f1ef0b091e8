import { randomBytes } from "node:crypto";
import { schema } from "@clinic/db";
import { testDrivers } from "@clinic/db/testing";
import { addLocalDays, localDateOf } from "@clinic/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTestApp,
  demoClinic,
  failure,
  filledInFormToken,
  type TestApp,
} from "../testing/index.js";
import { RATE_LIMITS } from "./public-forms.js";

// Issue 10: a NUL (U+0000) in any free-text field passed the schemas, PostgreSQL refused it, and
// the public forms answered 500 after spending the visitor's rate-limit hit.

describe.each(testDrivers)("public forms with text PostgreSQL can't store (%s)", (driver) => {
  let t: TestApp;
  let serviceId: string;
  let jasonId: string;

  beforeAll(async () => {
    t = await createTestApp({ driver });
    ({ serviceId, jasonId } = await demoClinic(t));
  });
  afterAll(() => t.close());

  const counts = async () => ({
    enquiries: (await t.db.select().from(schema.enquiries)).length,
    reviews: (await t.db.select().from(schema.reviews)).length,
    bookings: (await t.db.select().from(schema.bookings)).length,
    patients: (await t.db.select().from(schema.patients)).length,
    outbox: (await t.db.select().from(schema.outboxMessages)).length,
  });

  /**
   * Sends `max` bad submissions from one address, each refused with a 400 on its field, then a
   * good one from the same address: had the bad ones spent hits, it would be the (max+1)th and
   * be refused with 429.
   */
  async function refusedWithoutSpendingTheLimit<I>(options: {
    ip: string;
    max: number;
    bad: [field: string, input: I, message: RegExp][];
    send: (ip: string, input: I) => Promise<unknown>;
    good: I;
  }) {
    const before = await counts();
    for (let i = 0; i < options.max; i++) {
      const [field, input, message] = options.bad[i % options.bad.length]!;
      const error = await failure(options.send(options.ip, input));
      expect(error.code, field).toBe("BAD_REQUEST");
      expect(error.fieldErrors?.[field]?.[0], field).toMatch(message);
    }
    expect(await counts()).toEqual(before);
    await expect(options.send(options.ip, options.good)).resolves.toBeTruthy();
  }

  it("enquiries.submit: NUL in name or message, a lone surrogate in message", async () => {
    const good = {
      name: "Alex Runner",
      email: "alex@example.com",
      phone: "0400 123 456",
      message: "Do you see patients on Saturday mornings?",
      formToken: filledInFormToken("enquiry"),
    };
    await refusedWithoutSpendingTheLimit({
      ip: "203.0.113.61",
      max: RATE_LIMITS.enquiry.max,
      bad: [
        ["name", { ...good, name: "Alex\u0000Runner" }, /NUL character/],
        ["message", { ...good, message: "Saturday?\u0000" }, /NUL character/],
        ["message", { ...good, message: "Half an emoji \ud83d" }, /lone surrogate/],
      ],
      send: (ip, input) => t.client(undefined, ip).enquiries.submit.mutate(input),
      good,
    });
  });

  it("reviews.submit: NUL in author name or body", async () => {
    const good = {
      authorName: "Jordan Park",
      rating: 5,
      body: "Came in limping after a trail race and left with a plan.",
      email: null,
      practitionerId: null,
      formToken: filledInFormToken("review"),
    };
    await refusedWithoutSpendingTheLimit({
      ip: "203.0.113.62",
      max: RATE_LIMITS.review.max,
      bad: [
        ["authorName", { ...good, authorName: "\u0000Jordan" }, /NUL character/],
        ["body", { ...good, body: `${good.body}\u0000` }, /NUL character/],
      ],
      send: (ip, input) => t.client(undefined, ip).reviews.submit.mutate(input),
      good,
    });
  });

  it("bookings.create: NUL in the patient's name or the notes", async () => {
    const from = localDateOf(t.now(), "Australia/Sydney");
    const { days } = await t.client().availability.slots.query({
      serviceId,
      practitionerId: jasonId,
      from,
      to: addLocalDays(from, 7),
    });
    const slot = days.flatMap((d) => d.slots)[0]!;
    const good = {
      serviceId,
      practitionerId: jasonId,
      start: slot.start,
      patient: { name: "Pat Example", email: "pat.nul@example.com", phone: "0400 000 001" },
      notes: "Left knee",
      idempotencyKey: randomBytes(12).toString("base64url"),
    };
    await refusedWithoutSpendingTheLimit({
      ip: "203.0.113.63",
      max: RATE_LIMITS.booking.max,
      bad: [
        [
          "patient.name",
          { ...good, patient: { ...good.patient, name: "Pat\u0000Example" } },
          /NUL character/,
        ],
        ["notes", { ...good, notes: "Left\u0000knee" }, /NUL character/],
      ],
      send: (ip, input) => t.client(undefined, ip).bookings.create.mutate(input),
      good,
    });
  });
});
