import { randomBytes } from "node:crypto";
import { schema } from "@clinic/db";
import { testDrivers } from "@clinic/db/testing";
import { addLocalDays, localDateOf } from "@clinic/domain";
import { createTRPCClient, httpLink, TRPCClientError } from "@trpc/client";
import { eq } from "drizzle-orm";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashToken } from "../auth/sessions.js";
import type { AppRouter } from "../index.js";
import {
  connectionFrom,
  createTestApp,
  demoClinic,
  filledInFormToken,
  signedInStaff,
  type TestApp,
} from "../testing/index.js";
import { PATIENT_SESSION_HEADER } from "./patient-sessions.js";
import { SIGN_IN_ANSWER_FLOOR_MS, SIGN_IN_LINK_LIMITS, SIGN_IN_PATH } from "./sign-in-links.js";

const HOUR = 3_600_000;
const key = () => randomBytes(12).toString("base64url");
let visitor = 0;

/** A client as the site calls for one visitor: its address forwarded, a patient session if given. */
function siteClient(t: TestApp, patientSession?: string, ip?: string) {
  visitor += 1;
  const address = ip ?? `2001:db8:31::${visitor.toString(16)}`;
  return createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: "http://api.test/trpc",
        transformer: superjson,
        fetch: async (url, init) =>
          t.app.request(url.toString(), init as RequestInit, connectionFrom("127.0.0.1")),
        headers: () => ({
          "x-forwarded-for": address,
          ...(patientSession ? { [PATIENT_SESSION_HEADER]: patientSession } : {}),
        }),
      }),
    ],
  });
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "OK";
  } catch (error) {
    if (error instanceof TRPCClientError) return String(error.data?.code);
    throw error;
  }
}

describe.each(testDrivers)("patient self-service on %s", (driver) => {
  let t: TestApp;
  let clinic: Awaited<ReturnType<typeof demoClinic>>;

  beforeAll(async () => {
    t = await createTestApp({ driver });
    clinic = await demoClinic(t);
  });
  afterAll(() => t.close());

  const tag = () => randomBytes(4).toString("hex");

  async function freeSlots(count: number) {
    const from = localDateOf(t.now(), "Australia/Sydney");
    const result = await t.client().availability.slots.query({
      serviceId: clinic.serviceId,
      practitionerId: clinic.jasonId,
      from: addLocalDays(from, 3),
      to: addLocalDays(from, 20),
    });
    const slots = result.days.flatMap((d) => d.slots);
    // Spread out, so no two overlap.
    return Array.from({ length: count }, (_, i) => slots[i * 7]!);
  }

  /** A patient with `count` online bookings (upcoming); their email. */
  async function patientWithBookings(count: number, name = `Pat Self ${tag()}`) {
    const email = `self-${tag()}@example.com`;
    const ids: string[] = [];
    for (const slot of await freeSlots(count)) {
      const booked = await t.client().bookings.create.mutate({
        serviceId: clinic.serviceId,
        practitionerId: clinic.jasonId,
        start: slot.start,
        patient: { name, email, phone: "0400 123 456" },
        notes: "",
        idempotencyKey: key(),
      });
      ids.push(booked.booking.id);
    }
    return { email, ids };
  }

  const signInMessages = (to: string) =>
    t.db
      .select()
      .from(schema.outboxMessages)
      .where(eq(schema.outboxMessages.toAddress, to))
      .then((rows) => rows.filter((r) => r.kind === "patient.sign_in_link"));

  /** Asks for a link for `email` and reads it from the outbox, as the patient reads their email. */
  async function emailedToken(email: string): Promise<string> {
    await siteClient(t).patientAccess.requestLink.mutate({ email });
    const [message] = (await signInMessages(email)).slice(-1);
    const match = message?.textBody.match(new RegExp(`${SIGN_IN_PATH}([\\w-]+)`));
    if (!match?.[1]) throw new Error("no sign-in link was emailed");
    return match[1];
  }

  async function signedIn(email: string): Promise<string> {
    const token = await emailedToken(email);
    const { sessionToken } = await siteClient(t).patientAccess.redeemLink.mutate({ token });
    return sessionToken;
  }

  it("answers an unknown address exactly as a known one, sends it nothing, and takes as long", async () => {
    const { email } = await patientWithBookings(1);
    const unknown = `nobody-${tag()}@example.com`;
    const linksBefore = (await t.db.select().from(schema.patientSignInLinks)).length;

    let started = performance.now();
    const known = await siteClient(t).patientAccess.requestLink.mutate({ email });
    const knownMs = performance.now() - started;
    started = performance.now();
    const other = await siteClient(t).patientAccess.requestLink.mutate({ email: unknown });
    const unknownMs = performance.now() - started;

    expect(other).toEqual(known);
    expect(known).toEqual({ sent: true });
    expect(knownMs).toBeGreaterThanOrEqual(SIGN_IN_ANSWER_FLOOR_MS - 5);
    expect(unknownMs).toBeGreaterThanOrEqual(SIGN_IN_ANSWER_FLOOR_MS - 5);
    expect(await signInMessages(unknown)).toEqual([]);
    const [message] = await signInMessages(email);
    expect(message?.subject).toContain("sign-in link");
    expect(message?.textBody).toContain("works once, for the next 30 minutes");
    // One link stored, as a hash only: the token itself is nowhere in the table.
    const links = await t.db.select().from(schema.patientSignInLinks);
    expect(links).toHaveLength(linksBefore + 1);
    const token = message!.textBody.match(/\/account\/sign-in\/([\w-]+)/)![1]!;
    expect(links.some((l) => l.tokenHash === hashToken(token))).toBe(true);
    expect(JSON.stringify(links)).not.toContain(token);
    // The link and the address never reach the log.
    expect(t.logger.lines.join("\n")).not.toContain(token);
    expect(t.logger.lines.join("\n")).not.toContain(email);
  });

  it("sends nothing to a patient known only by phone, and answers the same", async () => {
    const phoneOnly = `phone-only-${tag()}@example.com`;
    await t.db
      .insert(schema.patients)
      .values({ name: `Phone Only ${tag()}`, phone: "0400 777 888" });
    expect(await siteClient(t).patientAccess.requestLink.mutate({ email: phoneOnly })).toEqual({
      sent: true,
    });
    expect(await signInMessages(phoneOnly)).toEqual([]);
  });

  it("limits requests per address and per connection, known or not", async () => {
    const unknown = `limit-${tag()}@example.com`;
    const perEmail = SIGN_IN_LINK_LIMITS.perEmail.max;
    for (let i = 0; i < perEmail; i++) {
      await siteClient(t).patientAccess.requestLink.mutate({ email: unknown });
    }
    expect(await refusal(siteClient(t).patientAccess.requestLink.mutate({ email: unknown }))).toBe(
      "TOO_MANY_REQUESTS",
    );

    const ip = "2001:db8:31:ffff::1";
    const perAddress = SIGN_IN_LINK_LIMITS.perAddress.max;
    const outcomes: string[] = [];
    for (let i = 0; i <= perAddress; i++) {
      outcomes.push(
        await refusal(
          siteClient(t, undefined, ip).patientAccess.requestLink.mutate({
            email: `many-${i}-${tag()}@example.com`,
          }),
        ),
      );
    }
    expect(outcomes.slice(0, perAddress).every((o) => o === "OK")).toBe(true);
    expect(outcomes.at(-1)).toBe("TOO_MANY_REQUESTS");
  });

  it("limits the links one connection may try", async () => {
    const ip = "2001:db8:31:eeee::1";
    const max = SIGN_IN_LINK_LIMITS.redeemPerAddress.max;
    const guess = (i: number) =>
      refusal(
        siteClient(t, undefined, ip).patientAccess.redeemLink.mutate({
          token: `guess${String(i).padStart(3, "0")}${"G".repeat(40)}`,
        }),
      );
    for (let i = 0; i < max; i++) expect(await guess(i)).toBe("NOT_FOUND");
    expect(await guess(max)).toBe("TOO_MANY_REQUESTS");
  });

  it("lets a link start exactly one session, even when two clicks race", async () => {
    const { email } = await patientWithBookings(1);
    const token = await emailedToken(email);
    const sessionsBefore = (await t.db.select().from(schema.patientSessions)).length;
    const results = await Promise.allSettled([
      siteClient(t).patientAccess.redeemLink.mutate({ token }),
      siteClient(t).patientAccess.redeemLink.mutate({ token }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const failed = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect((failed.reason as TRPCClientError<AppRouter>).data?.code).toBe("NOT_FOUND");
    expect(await t.db.select().from(schema.patientSessions)).toHaveLength(sessionsBefore + 1);
    // And once more later: still used.
    expect(await refusal(siteClient(t).patientAccess.redeemLink.mutate({ token }))).toBe(
      "NOT_FOUND",
    );
    // The session is stored as a hash, never as the token the site keeps.
    const session = (results.find((r) => r.status === "fulfilled") as PromiseFulfilledResult<{
      sessionToken: string;
    }>)!.value.sessionToken;
    const rows = await t.db.select().from(schema.patientSessions);
    expect(rows.some((r) => r.tokenHash === hashToken(session))).toBe(true);
    expect(JSON.stringify(rows)).not.toContain(session);
  });

  it("refuses a link after 30 minutes", async () => {
    const { email } = await patientWithBookings(1);
    const token = await emailedToken(email);
    t.clock.advance(31 * 60_000);
    expect(await refusal(siteClient(t).patientAccess.redeemLink.mutate({ token }))).toBe(
      "NOT_FOUND",
    );
  });

  it("lists only the signed-in patient's bookings, upcoming and past", async () => {
    const mine = await patientWithBookings(2);
    const theirs = await patientWithBookings(1);
    const session = await signedIn(mine.email);
    const page = await siteClient(t, session).patientAccess.overview.query();
    expect(page.patient.email).toBe(mine.email);
    const listed = [...page.bookings.upcoming, ...page.bookings.past].map((b) => b.id);
    expect(listed.sort()).toEqual([...mine.ids].sort());
    expect(listed).not.toContain(theirs.ids[0]);
    expect(page.bookings.upcoming.map((b) => b.id)).toEqual(mine.ids);
    expect(page.bookings.upcoming.every((b) => b.manageable && b.canChangeOnline)).toBe(true);
    expect(page.timeZone).toBe("Australia/Sydney");

    // Nobody else's booking opens from this session, and no session opens nothing.
    expect(
      await refusal(
        siteClient(t, session).patientAccess.manageLink.mutate({ bookingId: theirs.ids[0]! }),
      ),
    ).toBe("NOT_FOUND");
    expect(await refusal(siteClient(t).patientAccess.overview.query())).toBe("UNAUTHORIZED");
    expect(await refusal(siteClient(t, "x".repeat(43)).patientAccess.overview.query())).toBe(
      "UNAUTHORIZED",
    );
  });

  it("manages a listed booking through its manage link: cancelled, it moves to the past", async () => {
    const mine = await patientWithBookings(2);
    const session = await signedIn(mine.email);
    const patient = siteClient(t, session);
    const { token } = await patient.patientAccess.manageLink.mutate({ bookingId: mine.ids[0]! });
    const booking = await siteClient(t).bookings.byToken.query({ token });
    expect(booking.id).toBe(mine.ids[0]);
    await siteClient(t).bookings.cancelByToken.mutate({ token, reason: "Away that week" });

    const page = await patient.patientAccess.overview.query();
    expect(page.bookings.upcoming.map((b) => b.id)).toEqual([mine.ids[1]]);
    expect(page.bookings.past.map((b) => [b.id, b.status])).toEqual([[mine.ids[0], "cancelled"]]);
  });

  it("lists the patient's treatment plans with each appointment, and nobody else's", async () => {
    const frontDesk = await signedInStaff(t, "front_desk");
    const [first] = await freeSlots(1);
    const email = `plan-${tag()}@example.com`;
    const rule = {
      serviceId: clinic.serviceId,
      practitionerId: clinic.jasonId,
      firstStart: first!.start,
      intervalCount: 1,
      intervalUnit: "week" as const,
      occurrenceCount: 3,
    };
    const preview = await frontDesk.client.treatmentPlans.preview.query(rule);
    const plan = await frontDesk.client.treatmentPlans.create.mutate({
      ...rule,
      patient: { name: `Pat Plan ${tag()}`, email, phone: "0400 123 456" },
      notes: "",
      appointments: preview.occurrences
        .filter((o) => o.status === "bookable")
        .map((o) => ({ index: o.index, start: o.start, practitionerId: o.practitioner!.id })),
    });
    expect(plan.bookings.length).toBeGreaterThan(0);

    const page = await siteClient(t, await signedIn(email)).patientAccess.overview.query();
    expect(page.treatmentPlans).toHaveLength(1);
    expect(page.treatmentPlans[0]).toMatchObject({
      id: plan.id,
      intervalUnit: "week",
      intervalCount: 1,
      practitioner: { id: clinic.jasonId },
    });
    expect(page.treatmentPlans[0]!.bookings.map((b) => b.id)).toEqual(
      plan.bookings.map((b) => b.id),
    );
    // Its appointments are bookings like any other, managed from the list.
    expect(page.bookings.upcoming.map((b) => b.id)).toEqual(plan.bookings.map((b) => b.id));

    const other = await patientWithBookings(1);
    const theirs = await siteClient(t, await signedIn(other.email)).patientAccess.overview.query();
    expect(theirs.treatmentPlans).toEqual([]);
  });

  it("lists the waitlist entries still waiting, leaves one, and links the new patient form", async () => {
    const mine = await patientWithBookings(1);
    const from = addLocalDays(localDateOf(t.now(), "Australia/Sydney"), 4);
    const join = (email: string) =>
      t.client().waitlist.join.mutate({
        serviceId: clinic.serviceId,
        practitionerId: clinic.jasonId,
        fromDate: from,
        toDate: addLocalDays(from, 2),
        timesOfDay: ["morning", "evening"],
        name: "Pat Waiting",
        email,
        phone: "0400 123 456",
        formToken: filledInFormToken("waitlist", t.now().getTime() - 10_000),
      });
    await join(mine.email.toUpperCase());
    const session = await signedIn(mine.email);
    const patient = siteClient(t, session);
    const page = await patient.patientAccess.overview.query();
    expect(page.waitlist).toHaveLength(1);
    const entry = page.waitlist[0]!;
    expect(entry).toMatchObject({
      fromDate: from,
      toDate: addLocalDays(from, 2),
      timesOfDay: ["morning", "evening"],
      practitioner: { name: expect.any(String) },
    });
    // A new patient was sent the demo clinic's form with their confirmation: its link is here.
    expect(page.intake).toMatchObject({ status: "not_started" });
    expect(page.intake?.url).toMatch(/\/intake\/[\w-]{20,}$/);

    // Someone else can't take them off it; they can, once.
    const other = await patientWithBookings(1);
    const theirs = siteClient(t, await signedIn(other.email));
    expect(await refusal(theirs.patientAccess.leaveWaitlist.mutate({ entryId: entry.id }))).toBe(
      "NOT_FOUND",
    );
    expect(await patient.patientAccess.leaveWaitlist.mutate({ entryId: entry.id })).toEqual({
      status: "removed",
    });
    expect((await patient.patientAccess.overview.query()).waitlist).toEqual([]);
    expect(
      await refusal(siteClient(t).patientAccess.leaveWaitlist.mutate({ entryId: entry.id })),
    ).toBe("UNAUTHORIZED");
  });

  it("gives a booking from before manage links a working one, and none after a secret change", async () => {
    const { email, ids } = await patientWithBookings(2);
    const [old, rotated] = ids as [string, string];
    // Taken by staff before links existed (no hash), and made under an earlier APP_SECRET.
    await t.db
      .update(schema.bookings)
      .set({ manageTokenHash: null })
      .where(eq(schema.bookings.id, old));
    await t.db
      .update(schema.bookings)
      .set({ manageTokenHash: hashToken("an-earlier-secret-s-token") })
      .where(eq(schema.bookings.id, rotated));
    const session = await signedIn(email);
    const page = await siteClient(t, session).patientAccess.overview.query();
    const byId = new Map(page.bookings.upcoming.map((b) => [b.id, b]));
    expect(byId.get(old)?.manageable).toBe(true);
    expect(byId.get(rotated)?.manageable).toBe(false);
    const { token } = await siteClient(t, session).patientAccess.manageLink.mutate({
      bookingId: old,
    });
    expect((await siteClient(t).bookings.byToken.query({ token })).id).toBe(old);
    expect(
      await refusal(siteClient(t, session).patientAccess.manageLink.mutate({ bookingId: rotated })),
    ).toBe("PRECONDITION_FAILED");
  });

  it("ends the session at sign-out, and after a week unused", async () => {
    const { email } = await patientWithBookings(1);
    const first = await signedIn(email);
    await siteClient(t, first).patientAccess.signOut.mutate();
    expect(await refusal(siteClient(t, first).patientAccess.overview.query())).toBe("UNAUTHORIZED");

    const second = await signedIn(email);
    t.clock.advance(6 * 24 * HOUR);
    // Used within the week: it slides on.
    await siteClient(t, second).patientAccess.overview.query();
    t.clock.advance(6 * 24 * HOUR);
    await siteClient(t, second).patientAccess.overview.query();
    t.clock.advance(7 * 24 * HOUR + 60_000);
    expect(await refusal(siteClient(t, second).patientAccess.overview.query())).toBe(
      "UNAUTHORIZED",
    );
  });

  it("ends a patient's sessions and links when their details are erased", async () => {
    const { email, ids } = await patientWithBookings(1, `Erase Me ${tag()}`);
    const session = await signedIn(email);
    const unused = await emailedToken(email);
    const [row] = await t.db
      .select({ id: schema.bookings.patientId, name: schema.patients.name })
      .from(schema.bookings)
      .innerJoin(schema.patients, eq(schema.patients.id, schema.bookings.patientId))
      .where(eq(schema.bookings.id, ids[0]!));
    const owner = await signedInStaff(t, "owner");
    await owner.client.patients.erase.mutate({ id: row!.id, confirmName: row!.name });
    expect(await refusal(siteClient(t, session).patientAccess.overview.query())).toBe(
      "UNAUTHORIZED",
    );
    expect(await refusal(siteClient(t).patientAccess.redeemLink.mutate({ token: unused }))).toBe(
      "NOT_FOUND",
    );
  });

  it("links the confirmation email to the patient's bookings page", async () => {
    const { email } = await patientWithBookings(1);
    const [confirmation] = await t.db
      .select()
      .from(schema.outboxMessages)
      .where(eq(schema.outboxMessages.toAddress, email))
      .then((rows) => rows.filter((r) => r.kind === "booking.confirmation"));
    expect(confirmation?.textBody).toContain(
      "See all your bookings: http://localhost:3000/account",
    );
    expect(confirmation?.htmlBody).toContain('href="http://localhost:3000/account"');
  });
});
