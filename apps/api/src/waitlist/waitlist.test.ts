import { listWaitlistEntriesForPatient, schema } from "@clinic/db";
import { testDrivers } from "@clinic/db/testing";
import { type TimeOfDay, timeOfDayAt } from "@clinic/domain";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  auditRows,
  createTestApp,
  demoClinic,
  failure,
  filledInFormToken,
  practitionerIdBySlug,
  signedInStaff,
  type TestApp,
} from "../testing/index.js";
import { matchWaitlist } from "./waitlist.js";
import { WAITLIST_OFFER_KIND } from "./waitlist-emails.js";

const SYDNEY = "Australia/Sydney";
const HOUR = 3_600_000;
let unique = 0;

describe.each(testDrivers)("the waitlist (%s)", (driver) => {
  let t: TestApp;
  let clinic: Awaited<ReturnType<typeof demoClinic>>;
  /** A day with free morning times for Jason, which the tests fill and free. */
  let day: string;

  beforeAll(async () => {
    t = await createTestApp({ driver });
    clinic = await demoClinic(t);
    const { days } = await t.client().availability.slots.query({
      serviceId: clinic.serviceId,
      practitionerId: clinic.jasonId,
      from: "2027-02-11",
      to: "2027-02-24",
    });
    day = days.find(
      (d) => d.slots.filter((s) => timeOfDayAt(s.start, SYDNEY) === "morning").length >= 3,
    )!.date;
  });
  afterAll(() => t.close());

  const matcher = () =>
    matchWaitlist({
      db: t.db,
      logger: t.logger,
      now: t.now,
      webUrl: "http://web.test",
      waitlistOfferHours: 12,
    });

  const contact = () => {
    unique += 1;
    return {
      name: `Wendy Wait ${unique}`,
      email: `wendy-${driver}-${unique}@example.com`,
      phone: "0412 345 678",
    };
  };

  const join = (
    wish: { practitionerId?: string; fromDate?: string; toDate?: string; timesOfDay?: TimeOfDay[] },
    who = contact(),
    client = t.client(),
  ) =>
    client.waitlist.join.mutate({
      serviceId: clinic.serviceId,
      practitionerId: wish.practitionerId ?? clinic.jasonId,
      fromDate: wish.fromDate ?? day,
      toDate: wish.toDate ?? day,
      timesOfDay: wish.timesOfDay ?? ["morning"],
      ...who,
      formToken: filledInFormToken("waitlist", t.now().getTime() - 10_000),
    });

  const offersOf = (entryId: string) =>
    t.db.select().from(schema.waitlistOffers).where(eq(schema.waitlistOffers.entryId, entryId));

  const offerEmailsTo = (email: string) =>
    t.db
      .select()
      .from(schema.outboxMessages)
      .where(
        and(
          eq(schema.outboxMessages.kind, WAITLIST_OFFER_KIND),
          eq(schema.outboxMessages.toAddress, email),
        ),
      );

  /** The claim token in the latest offer email to `email`. */
  const claimToken = async (email: string) => {
    const messages = await offerEmailsTo(email);
    const latest = messages.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0];
    const match = latest?.textBody.match(/https?:\/\/[^/\s]+\/waitlist\/([A-Za-z0-9_-]{43})/);
    if (!match) throw new Error("no claim link");
    return match[1]!;
  };

  const morningStarts = async (practitionerId: string, date: string) => {
    const { days } = await t.client().availability.slots.query({
      serviceId: clinic.serviceId,
      practitionerId,
      from: date,
      to: date,
    });
    return (days[0]?.slots ?? [])
      .map((s) => s.start)
      .filter((start) => timeOfDayAt(start, SYDNEY) === "morning");
  };

  /** Books every free morning time of Jason's on `day`; returns the bookings' manage tokens by start. */
  const fillMorning = async () => {
    const booked: { start: Date; token: string }[] = [];
    for (;;) {
      const [start] = await morningStarts(clinic.jasonId, day);
      if (!start) return booked;
      const made = await t.client().bookings.create.mutate({
        serviceId: clinic.serviceId,
        practitionerId: clinic.jasonId,
        start,
        patient: contact(),
        idempotencyKey: `fill-${driver}-${start.getTime()}-${unique}`,
      });
      booked.push({ start, token: made.manageToken });
    }
  };

  describe("joining", () => {
    it("adds a waiting entry, found by the patient's email", async () => {
      const who = contact();
      const entry = await join({ timesOfDay: ["morning", "evening"] }, who);
      const [row] = await t.db
        .select()
        .from(schema.waitlistEntries)
        .where(eq(schema.waitlistEntries.id, entry.id));
      expect(row).toMatchObject({
        status: "waiting",
        practitionerId: clinic.jasonId,
        timesOfDay: ["morning", "evening"],
        email: who.email,
      });
      const mine = await listWaitlistEntriesForPatient(t.db, { email: who.email.toUpperCase() });
      expect(mine.map((e) => [e.id, e.service.slug, e.practitioner?.slug])).toEqual([
        [entry.id, "follow-up-adjustment", "jason-lee"],
      ]);
    });

    it("refuses bad input naming the field, and writes nothing", async () => {
      const before = await t.db.select().from(schema.waitlistEntries);
      const past = await failure(join({ fromDate: "2027-02-01", toDate: "2027-02-12" }));
      expect(past.code).toBe("BAD_REQUEST");
      expect(past.fieldErrors).toHaveProperty("fromDate");
      const reversed = await failure(join({ fromDate: "2027-02-20", toDate: "2027-02-12" }));
      expect(reversed.fieldErrors).toHaveProperty("toDate");
      const none = await failure(join({ timesOfDay: [] }));
      expect(none.fieldErrors).toHaveProperty("timesOfDay");
      const stranger = await failure(
        join({ practitionerId: "00000000-0000-4000-8000-000000000000" }),
      );
      expect(stranger.fieldErrors).toHaveProperty("practitionerId");
      const noToken = await failure(
        t.client().waitlist.join.mutate({
          serviceId: clinic.serviceId,
          practitionerId: "any",
          fromDate: day,
          toDate: day,
          timesOfDay: ["morning"],
          ...contact(),
        }),
      );
      expect(noToken.fieldErrors).toHaveProperty("formToken");
      expect(await t.db.select().from(schema.waitlistEntries)).toHaveLength(before.length);
    });

    it("is limited per address like the other public forms", async () => {
      const client = t.client(undefined, "198.51.100.77");
      for (let i = 0; i < 5; i++) await join({}, contact(), client);
      expect((await failure(join({}, contact(), client))).code).toBe("TOO_MANY_REQUESTS");
    });
  });

  describe("offers and claims", () => {
    let fill: { start: Date; token: string }[];

    beforeAll(async () => {
      // Entries from the joining tests would compete for the same times.
      await t.db.delete(schema.waitlistEntries);
      fill = await fillMorning();
    });

    it("offers a freed time once per entry, even with two instances matching at once", async () => {
      expect(fill.length).toBeGreaterThanOrEqual(3);
      const who = contact();
      const entry = await join({}, who);
      expect((await matcher()).offered).toBe(0);

      const freed = fill[1]!;
      await t.client().bookings.cancelByToken.mutate({ token: freed.token });
      const runs = await Promise.all([matcher(), matcher()]);
      expect(runs[0].offered + runs[1].offered).toBe(1);
      const offers = await offersOf(entry.id);
      expect(offers).toHaveLength(1);
      expect(offers[0]).toMatchObject({ status: "open", startsAt: freed.start });
      // Twelve hours to claim it, unless the time's booking notice ends sooner.
      const expiresAt = offers[0]!.expiresAt.getTime();
      expect(expiresAt).toBeGreaterThan(t.now().getTime());
      expect(expiresAt).toBeLessThanOrEqual(
        Math.min(t.now().getTime() + 12 * HOUR, freed.start.getTime() - 120 * 60_000),
      );
      expect(await offerEmailsTo(who.email)).toHaveLength(1);
      // Matching again offers nothing new: the open offer stands.
      expect((await matcher()).offered).toBe(0);
      expect(await offerEmailsTo(who.email)).toHaveLength(1);

      // The claim page shows it, then the claim books it.
      const token = await claimToken(who.email);
      const view = await t.client().waitlist.offer.query({ token });
      expect(view).toMatchObject({ status: "open", startsAt: freed.start });
      const claimed = await t.client().waitlist.claim.mutate({ token });
      expect(claimed.outcome).toBe("claimed");
      const booking = await t.client().bookings.byToken.query({ token: claimed.manageToken! });
      expect(booking).toMatchObject({ status: "confirmed" });
      expect(new Date(booking.startsAt)).toEqual(freed.start);
      // Claiming again answers with the same booking.
      const again = await t.client().waitlist.claim.mutate({ token });
      expect(again).toMatchObject({ outcome: "claimed", manageToken: claimed.manageToken });
      const [row] = await t.db
        .select()
        .from(schema.waitlistEntries)
        .where(eq(schema.waitlistEntries.id, entry.id));
      expect(row).toMatchObject({ status: "booked" });
    });

    it("lets exactly one of two patients offered the same time book it", async () => {
      const first = contact();
      const second = contact();
      const a = await join({}, first);
      const b = await join({ practitionerId: "any" }, second);
      // Anyone's free mornings on the day would match "any": keep Joey's out of it.
      await t.db.insert(schema.timeOff).values({
        practitionerId: clinic.joeyId,
        startDate: day,
        endDate: day,
        reason: "Out",
      });
      const freed = fill[2]!;
      await t.client().bookings.cancelByToken.mutate({ token: freed.token });
      await matcher();
      expect((await offersOf(a.id)).map((o) => o.startsAt)).toEqual([freed.start]);
      expect((await offersOf(b.id)).map((o) => o.startsAt)).toEqual([freed.start]);

      const tokens = [await claimToken(first.email), await claimToken(second.email)];
      const results = await Promise.all(
        tokens.map((token) => t.client().waitlist.claim.mutate({ token })),
      );
      expect(results.map((r) => r.outcome).sort()).toEqual(["claimed", "taken"]);
      const loser = results.find((r) => r.outcome === "taken")!;
      expect(loser.manageToken).toBeNull();
      expect(Array.isArray(loser.otherTimes)).toBe(true);
      const bookingsAtThatTime = await t.db
        .select()
        .from(schema.bookings)
        .where(
          and(eq(schema.bookings.startsAt, freed.start), eq(schema.bookings.status, "confirmed")),
        );
      expect(bookingsAtThatTime).toHaveLength(1);
    });
  });

  describe("other ways a time comes free", () => {
    it("offers a time freed by removing time off", async () => {
      await t.db.delete(schema.waitlistEntries);
      const ahead = await t.client().availability.slots.query({
        serviceId: clinic.serviceId,
        practitionerId: clinic.joeyId,
        from: "2027-03-01",
        to: "2027-03-14",
      });
      const date = ahead.days.find((d) =>
        d.slots.some((s) => timeOfDayAt(s.start, SYDNEY) === "afternoon"),
      )!.date;
      const [away] = await t.db
        .insert(schema.timeOff)
        .values({ practitionerId: clinic.joeyId, startDate: date, endDate: date, reason: "Away" })
        .returning();
      const entry = await join({
        practitionerId: clinic.joeyId,
        fromDate: date,
        toDate: date,
        timesOfDay: ["afternoon"],
      });
      expect((await matcher()).offered).toBe(0);
      await t.db.delete(schema.timeOff).where(eq(schema.timeOff.id, away!.id));
      expect((await matcher()).offered).toBe(1);
      const [offer] = await offersOf(entry.id);
      expect(timeOfDayAt(offer!.startsAt, SYDNEY)).toBe("afternoon");
    });

    it("forgets a patient's waitlist entries when the patient is erased", async () => {
      const owner = await signedInStaff(t, "owner");
      const who = contact();
      const { days } = await t.client().availability.slots.query({
        serviceId: clinic.serviceId,
        practitionerId: "any",
        from: "2027-03-15",
        to: "2027-03-20",
      });
      await t.client().bookings.create.mutate({
        serviceId: clinic.serviceId,
        practitionerId: "any",
        start: days[0]!.slots[0]!.start,
        patient: who,
        idempotencyKey: `erase-${driver}-${unique}-booking`,
      });
      await join({ practitionerId: "any" }, who);
      const [patient] = await t.db
        .select()
        .from(schema.patients)
        .where(eq(schema.patients.email, who.email));
      // Their data export lists the entry.
      const exported = await owner.client.patients.exportData.mutate({ id: patient!.id });
      expect(JSON.stringify(exported)).toContain('"waitlistEntries":[{');
      await owner.client.patients.erase.mutate({ id: patient!.id, confirmName: who.name });
      expect(await listWaitlistEntriesForPatient(t.db, { email: who.email })).toEqual([]);
    });
  });

  describe("expiry", () => {
    it("expires an unclaimed offer and offers a different time, never the same one again", async () => {
      await t.db.delete(schema.waitlistEntries);
      const later = await t.client().availability.slots.query({
        serviceId: clinic.serviceId,
        practitionerId: clinic.joeyId,
        from: "2027-02-15",
        to: "2027-02-28",
      });
      const morningDay = later.days.find(
        (d) => d.slots.filter((s) => timeOfDayAt(s.start, SYDNEY) === "morning").length >= 2,
      )!;
      const who = contact();
      const entry = await join(
        { practitionerId: clinic.joeyId, fromDate: morningDay.date, toDate: morningDay.date },
        who,
      );
      await matcher();
      const [first] = await offersOf(entry.id);
      expect(first).toMatchObject({ status: "open" });
      const token = await claimToken(who.email);

      t.clock.advance(13 * HOUR);
      const expired = await t.client().waitlist.claim.mutate({ token });
      expect(expired.outcome).toBe("expired");
      expect(expired.otherTimes.length).toBeGreaterThan(0);
      await matcher();
      const offers = await offersOf(entry.id);
      expect(offers).toHaveLength(2);
      const starts = offers.map((o) => o.startsAt.getTime());
      expect(new Set(starts).size).toBe(2);
      expect(offers.find((o) => o.id === first!.id)).toMatchObject({ status: "expired" });
      expect(offers.filter((o) => o.status === "open")).toHaveLength(1);
    });
  });

  describe("staff", () => {
    let frontDesk: Awaited<ReturnType<typeof signedInStaff>>;
    let entryId: string;
    const who = contact();

    beforeAll(async () => {
      frontDesk = await signedInStaff(t, "front_desk");
      await t.db.delete(schema.waitlistEntries);
      entryId = (
        await join({ practitionerId: "any", fromDate: "2027-02-22", toDate: "2027-02-26" }, who)
      ).id;
    });

    it("is closed to practitioners and anonymous callers", async () => {
      const jason = await signedInStaff(t, "practitioner", {
        practitionerId: await practitionerIdBySlug(t, "jason-lee"),
      });
      expect((await failure(jason.client.waitlist.list.query({}))).code).toBe("FORBIDDEN");
      expect((await failure(t.client().waitlist.list.query({}))).code).toBe("UNAUTHORIZED");
    });

    it("lists and edits entries, auditing without contact details", async () => {
      const list = await frontDesk.client.waitlist.list.query({ status: "waiting" });
      expect(list.items.map((e) => e.id)).toContain(entryId);
      expect(list.counts.waiting).toBe(list.total);

      await frontDesk.client.waitlist.update.mutate({
        id: entryId,
        practitionerId: clinic.joeyId,
        fromDate: "2027-02-22",
        toDate: "2027-02-27",
        timesOfDay: ["afternoon"],
        name: who.name,
        email: who.email,
        phone: "0499 999 999",
      });
      const [entry] = await auditRows(t, "waitlist_entry.update");
      expect(entry!.changes).toEqual({
        practitionerId: { from: null, to: clinic.joeyId },
        toDate: { from: "2027-02-26", to: "2027-02-27" },
        timesOfDay: { from: ["morning"], to: ["afternoon"] },
        contactFields: { from: null, to: ["phone"] },
      });
      expect(JSON.stringify(entry!.changes)).not.toContain("0499");
    });

    it("offers a time by hand with the same email and claim link", async () => {
      const detail = await frontDesk.client.waitlist.detail.query({ id: entryId });
      const time = detail.freeTimes[0]!;
      const offered = await frontDesk.client.waitlist.offerTime.mutate({
        id: entryId,
        start: time.start,
      });
      expect(offered.startsAt).toEqual(time.start);
      const [row] = await offersOf(entryId);
      expect(row).toMatchObject({ offeredById: frontDesk.user.id, status: "open" });
      expect(await offerEmailsTo(who.email)).toHaveLength(1);
      const [audited] = await auditRows(t, "waitlist_entry.offer");
      expect(JSON.stringify(audited!.changes)).not.toContain(who.email);

      const twice = await failure(
        frontDesk.client.waitlist.offerTime.mutate({ id: entryId, start: time.start }),
      );
      expect(twice.code).toBe("BAD_REQUEST");
      expect(twice.fieldErrors).toHaveProperty("start");
      const notFree = await failure(
        frontDesk.client.waitlist.offerTime.mutate({
          id: entryId,
          start: new Date("2027-02-22T15:00:00Z"), // 2 am in Sydney
        }),
      );
      expect(notFree.fieldErrors).toHaveProperty("start");
    });

    it("removes an entry; its link then says the offer was withdrawn", async () => {
      const token = await claimToken(who.email);
      await frontDesk.client.waitlist.remove.mutate({ id: entryId });
      expect((await auditRows(t, "waitlist_entry.remove"))[0]!.changes).toEqual({
        status: { from: "waiting", to: "removed" },
      });
      const view = await t.client().waitlist.offer.query({ token });
      expect(view.status).toBe("withdrawn");
      expect((await t.client().waitlist.claim.mutate({ token })).outcome).toBe("withdrawn");
    });
  });
});
