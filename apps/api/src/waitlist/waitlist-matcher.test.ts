import { schema } from "@clinic/db";
import { testDrivers } from "@clinic/db/testing";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { localChangeFeed } from "../cache/change-feed.js";
import { createTestApp, demoClinic, filledInFormToken, type TestApp } from "../testing/index.js";
import { nudgingFeed, startWaitlistMatcher } from "./waitlist-matcher.js";

describe.each(testDrivers)("the waitlist matcher (%s)", (driver) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ driver });
  });
  afterAll(() => t.close());

  it("runs soon after a nudge, not only at its interval", async () => {
    const clinic = await demoClinic(t);
    await t.client().waitlist.join.mutate({
      serviceId: clinic.serviceId,
      practitionerId: "any",
      fromDate: "2027-02-15",
      toDate: "2027-02-19",
      timesOfDay: ["morning", "afternoon", "evening"],
      name: "Nadia Nudge",
      email: `nadia-${driver}@example.com`,
      phone: "0412 345 678",
      formToken: filledInFormToken("waitlist"),
    });
    const matcher = startWaitlistMatcher({
      db: t.db,
      logger: t.logger,
      now: t.now,
      webUrl: "http://web.test",
      offerHours: 12,
      intervalMs: 3_600_000,
      nudgeDelayMs: 10,
    });
    try {
      // The first run at start-up offers the entry a time; then nothing until an hour or a nudge.
      await vi.waitFor(async () => {
        expect(await t.db.select().from(schema.waitlistOffers)).toHaveLength(1);
      });
      await t.db.update(schema.waitlistOffers).set({ expiresAt: t.now() });
      matcher.nudge();
      await vi.waitFor(async () => {
        expect(await t.db.select().from(schema.waitlistOffers)).toHaveLength(2);
      });
    } finally {
      await matcher.stop();
    }
  });
});

describe("nudgingFeed", () => {
  it("nudges on this instance's changes and on those heard from others, and passes them on", async () => {
    const listeners: (() => void)[] = [];
    const base = {
      ...localChangeFeed(),
      onChange: (listener: () => void) => {
        listeners.push(listener);
      },
      announce: vi.fn(async () => {}),
    };
    const nudge = vi.fn();
    const feed = nudgingFeed(base, nudge);
    const listener = vi.fn();
    feed.onChange(listener);
    await feed.announce();
    expect(base.announce).toHaveBeenCalledOnce();
    expect(nudge).toHaveBeenCalledTimes(1);
    // A change heard from another instance.
    for (const heard of listeners) heard();
    expect(listener).toHaveBeenCalledOnce();
    expect(nudge).toHaveBeenCalledTimes(2);
    expect(feed.live).toBe(true);
  });
});
