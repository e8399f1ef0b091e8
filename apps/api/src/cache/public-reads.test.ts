import { randomBytes } from "node:crypto";
import { getClinicSettings } from "@clinic/db";
import { testDrivers } from "@clinic/db/testing";
import { addLocalDays, groupSlotsByDay, localDateOf, localDay } from "@clinic/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { candidatesFor, requireService, slotsFor } from "../bookings/bookable-slots.js";
import {
  createTestApp,
  demoClinic,
  demoStaff,
  filledInFormToken,
  type signedInStaff,
  TEST_START,
  type TestApp,
  type TestClock,
} from "../testing/index.js";

const zone = "Australia/Sydney";
type Staff = Awaited<ReturnType<typeof signedInStaff>>;

/** A clock that stands still until moved, so a test can ask at an exact instant. */
function frozenClock(start: Date): TestClock {
  let at = start.getTime();
  return {
    now: () => new Date(at),
    set: (to) => {
      at = to.getTime();
    },
    advance: (ms) => {
      at += ms;
    },
  };
}

/**
 * Every kind of write, made through the API, shows in the next public read of
 * the same instance, although that read was cached just before (decision 015).
 */
describe.each(testDrivers)("public reads after a change on the same instance (%s)", (driver) => {
  let t: TestApp;
  let serviceId: string;
  let jasonId: string;
  let owner: Staff;
  let patientNo = 0;

  beforeAll(async () => {
    t = await createTestApp({ driver, clock: frozenClock(TEST_START) });
    const clinic = await demoClinic(t);
    ({ serviceId, jasonId } = clinic);
    ({ owner } = await demoStaff(t, clinic));
  }, 180_000);
  afterAll(() => t.close());

  // Two weeks from three weeks out: clear of the notice, the demo bookings and the horizon.
  const range = () => {
    const from = addLocalDays(localDateOf(t.now(), zone), 21);
    return { serviceId, practitionerId: jasonId, from, to: addLocalDays(from, 6) };
  };
  const starts = async (input = range()) =>
    (await t.client().availability.slots.query(input)).days.flatMap((d) =>
      d.slots.map((s) => s.start.getTime()),
    );
  const patient = () => {
    patientNo += 1;
    return {
      name: `Cache Patient ${patientNo}`,
      email: `cache${patientNo}@example.com`,
      phone: "0400 222 333",
    };
  };
  const book = async (start: number) =>
    t.client().bookings.create.mutate({
      serviceId,
      practitionerId: jasonId,
      start: new Date(start),
      patient: patient(),
      idempotencyKey: randomBytes(12).toString("base64url"),
    });

  it("takes a booked slot away, gives a cancelled one back, and moves a rescheduled one", async () => {
    const before = await starts();
    // Far apart, so the booking at one never blocks the other.
    const first = before[0];
    const second = before[before.length - 1];
    const booked = await book(first!);
    expect(await starts()).not.toContain(first);

    const moved = await t
      .client()
      .bookings.rescheduleByToken.mutate({ token: booked.manageToken, start: new Date(second!) });
    expect(moved.startsAt.getTime()).toBe(second);
    const afterMove = await starts();
    expect(afterMove).toContain(first);
    expect(afterMove).not.toContain(second);

    await t.client().bookings.cancelByToken.mutate({ token: booked.manageToken });
    expect(await starts()).toEqual(before);
  });

  it("follows weekly hours, time off and closures", async () => {
    const input = range();
    const before = await starts(input);
    const schedule = await owner.client.schedules.get.query({ practitionerId: jasonId });
    const openingBefore = (await t.client().settings.get.query()).openingHours;

    // Jason stops working Wednesdays.
    await owner.client.schedules.setWeeklyHours.mutate({
      practitionerId: jasonId,
      ranges: schedule.weeklyHours.filter((r) => r.weekday !== 3),
      confirmOrphans: true,
    });
    const withoutWednesday = await starts(input);
    expect(withoutWednesday.length).toBeLessThan(before.length);
    const weekday = (s: number) => localDay(zone, localDateOf(new Date(s), zone)).weekday;
    expect(withoutWednesday.some((s) => weekday(s) === 3)).toBe(false);
    // The public opening hours read the same hours.
    expect((await t.client().settings.get.query()).openingHours).not.toEqual(openingBefore);
    await owner.client.schedules.setWeeklyHours.mutate({
      practitionerId: jasonId,
      ranges: schedule.weeklyHours,
    });
    expect(await starts(input)).toEqual(before);

    // A day off on the first day with slots.
    const firstDay = localDateOf(new Date(before[0]!), zone);
    const off = await owner.client.schedules.addTimeOff.mutate({
      practitionerId: jasonId,
      startDate: firstDay,
      endDate: firstDay,
      startTime: null,
      endTime: null,
      reason: "Conference",
      confirmOrphans: true,
    });
    const withTimeOff = await starts(input);
    expect(withTimeOff.some((s) => localDateOf(new Date(s), zone) === firstDay)).toBe(false);
    await owner.client.schedules.removeTimeOff.mutate({ id: off.timeOff.id });
    expect(await starts(input)).toEqual(before);

    // The clinic closes that day.
    const { closure } = await owner.client.schedules.addClosure.mutate({
      startDate: firstDay,
      endDate: firstDay,
      reason: "Public holiday",
      confirmOrphans: true,
    });
    expect((await starts(input)).some((s) => localDateOf(new Date(s), zone) === firstDay)).toBe(
      false,
    );
    await owner.client.schedules.removeClosure.mutate({ id: closure.id });
    expect(await starts(input)).toEqual(before);
  });

  it("shows catalog and settings changes at once", async () => {
    const services = await t.client().services.list.query();
    const followUp = services.find((s) => s.id === serviceId)!;
    const s = await owner.client.services.get.query({ id: serviceId });
    await owner.client.services.update.mutate({
      id: serviceId,
      slug: s.slug,
      name: s.name,
      summary: s.summary,
      description: s.description,
      durationMinutes: s.durationMinutes,
      bufferBeforeMinutes: s.bufferBeforeMinutes,
      bufferAfterMinutes: s.bufferAfterMinutes,
      priceCents: followUp.priceCents + 500,
      patientType: s.patientType,
      active: s.active,
      sortOrder: s.sortOrder,
      practitionerIds: s.practitioners.map((p) => p.id),
    });
    expect(
      (await t.client().services.list.query()).find((s) => s.id === serviceId)!.priceCents,
    ).toBe(followUp.priceCents + 500);
    expect((await t.client().services.bySlug.query({ slug: followUp.slug })).priceCents).toBe(
      followUp.priceCents + 500,
    );

    const jason = await t.client().practitioners.bySlug.query({ slug: "jason-lee" });
    await t.client().practitioners.list.query();
    const profile = await owner.client.practitioners.get.query({ id: jasonId });
    await owner.client.practitioners.update.mutate({
      id: jasonId,
      slug: profile.slug,
      name: profile.name,
      title: "Head chiropractor",
      bio: profile.bio,
      photoUrl: profile.photoUrl,
      active: profile.active,
      sortOrder: profile.sortOrder,
    });
    expect((await t.client().practitioners.bySlug.query({ slug: jason.slug })).title).toBe(
      "Head chiropractor",
    );
    expect((await t.client().practitioners.list.query()).find((p) => p.id === jasonId)!.title).toBe(
      "Head chiropractor",
    );

    const settings = await t.client().settings.get.query();
    const full = await owner.client.settings.staffGet.query();
    await owner.client.settings.update.mutate({ ...full, name: `${full.name} (renamed)` });
    expect((await t.client().settings.get.query()).name).toBe(`${settings.name} (renamed)`);
    await owner.client.settings.update.mutate(full);
  });

  it("shows a published post and an approved review at once, and a scheduled post on time", async () => {
    const listed = await t.client().posts.list.query();
    const post = await owner.client.posts.create.mutate({
      slug: "cache-walk",
      title: "Cache walk",
      excerpt: "A post that appears.",
      body: "Some text.",
      tags: [],
      coverImageUrl: null,
      authorId: null,
    });
    await expect(t.client().posts.bySlug.query({ slug: "cache-walk" })).rejects.toMatchObject({
      data: { code: "NOT_FOUND" },
    });
    await owner.client.posts.publish.mutate({ id: post.id });
    expect((await t.client().posts.list.query()).total).toBe(listed.total + 1);
    expect((await t.client().posts.bySlug.query({ slug: "cache-walk" })).title).toBe("Cache walk");

    // Scheduled an hour ahead: hidden, then shown by the clock alone, with no write between.
    const at = new Date(t.now().getTime() + 3_600_000);
    await owner.client.posts.schedule.mutate({ id: post.id, publishedAt: at });
    await expect(t.client().posts.bySlug.query({ slug: "cache-walk" })).rejects.toMatchObject({
      data: { code: "NOT_FOUND" },
    });
    expect((await t.client().posts.list.query()).total).toBe(listed.total);
    t.clock.set(new Date(at.getTime() + 1000));
    expect((await t.client().posts.bySlug.query({ slug: "cache-walk" })).title).toBe("Cache walk");
    expect((await t.client().posts.list.query()).total).toBe(listed.total + 1);

    const reviews = await t.client().reviews.list.query();
    const summary = await t.client().reviews.summary.query();
    const { id } = await t.client().reviews.submit.mutate({
      authorName: "Casey Cache",
      rating: 4,
      body: "Sorted out a stiff neck in two visits, and showed me what to do at my desk.",
      email: null,
      practitionerId: null,
      formToken: filledInFormToken("review"),
    });
    expect((await t.client().reviews.list.query()).map((r) => r.id)).not.toContain(id);
    await owner.client.reviews.moderate.mutate({ id, action: "approve" });
    expect((await t.client().reviews.list.query()).length).toBe(reviews.length + 1);
    expect((await t.client().reviews.summary.query()).count).toBe(summary.count + 1);
  });

  it("changes the content version after a change, and answers it uncached", async () => {
    const version = async () => {
      const res = await t.app.request("/content-version");
      expect(res.status).toBe(200);
      expect(res.headers.get("cache-control")).toBe("no-store");
      return ((await res.json()) as { version: string }).version;
    };
    const before = await version();
    expect(await version()).toBe(before);
    // A public form's submission changes nothing the public reads.
    await t.client().enquiries.submit.mutate({
      name: "Vera Version",
      email: "vera@example.com",
      phone: null,
      message: "Do you treat shoulder injuries from swimming?",
      formToken: filledInFormToken("enquiry"),
      honeypot: "",
    });
    expect(await version()).toBe(before);
    const full = await owner.client.settings.staffGet.query();
    await owner.client.settings.update.mutate(full);
    expect(await version()).not.toBe(before);
  });

  it("gives at every instant exactly the slots an uncached call would", async () => {
    const from = localDateOf(t.now(), zone);
    const input = { serviceId, practitionerId: "any" as const, from, to: addLocalDays(from, 13) };
    const settings = await getClinicSettings(t.db);
    const service = await requireService(t.db, serviceId);
    const uncached = async (now: Date) =>
      groupSlotsByDay(
        await slotsFor(t.db, {
          settings,
          rules: "online",
          service,
          practitionerIds: candidatesFor(service, "any").map((p) => p.id),
          from: input.from,
          to: input.to,
          now,
        }),
        settings.timeZone,
      );
    const all = (await t.client().availability.slots.query(input)).days.flatMap((d) => d.slots);
    const notice = settings.bookingPolicy.minNoticeMinutes * 60_000;
    const horizon = settings.bookingPolicy.horizonDays * 86_400_000;
    // Each side of the instants where a slot leaves the notice or enters the horizon.
    const base = t.now().getTime();
    const instants = [base, base + 7 * 3_600_000, base + 3 * 86_400_000];
    for (const slot of all.slice(0, 4)) {
      const edge = slot.start.getTime() - notice;
      instants.push(edge - 1, edge, edge + 1);
    }
    for (const day of [13, 14]) {
      const edge = Date.parse(`${addLocalDays(from, day)}T00:00:00Z`) - horizon;
      instants.push(edge, edge + 15 * 60_000);
    }
    for (const at of instants.sort((a, b) => a - b)) {
      t.clock.set(new Date(at));
      const cached = await t.client().availability.slots.query(input);
      const expected = await uncached(new Date(at));
      expect(cached.days, new Date(at).toISOString()).toEqual(expected);
      // Asked again at the same instant (the kept answer) it is the same.
      expect((await t.client().availability.slots.query(input)).days).toEqual(cached.days);
    }
  });
});
