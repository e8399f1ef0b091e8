import { schema } from "@clinic/db";
import { testDrivers } from "@clinic/db/testing";
import { TRPCClientError } from "@trpc/client";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../app.js";
import { silentLogger } from "../../logger.js";
import { createTestApp, inProcessClient } from "../../testing/index.js";

describe.each(testDrivers)("public procedures on %s", (driver) => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  beforeAll(async () => {
    t = await createTestApp({ driver });
  });
  afterAll(() => t.close());

  it("settings.get returns the clinic without internal email settings", async () => {
    const settings = await t.client().settings.get.query();
    expect(settings.name).toBe("Westside Sports Chiro");
    expect(settings.timeZone).toBe("Australia/Sydney");
    expect(settings.bookingPolicy.cancellationWindowHours).toBeGreaterThanOrEqual(0);
    expect(settings).not.toHaveProperty("emailSenderAddress");
    // Opening hours follow the practitioners' weekly hours: weekdays open, each range well formed.
    expect(settings.openingHours.map((h) => h.weekday)).toEqual(
      expect.arrayContaining([1, 2, 3, 4, 5]),
    );
    for (const h of settings.openingHours) expect(h.opens < h.closes).toBe(true);
  });

  it("lists active practitioners with the services they offer", async () => {
    const list = await t.client().practitioners.list.query();
    expect(list.map((p) => p.name)).toEqual(["Jason Lee", "Joey Lee"]);
    expect(list[0]!.services.length).toBeGreaterThan(0);

    const [joey] = await t.db
      .update(schema.practitioners)
      .set({ active: false })
      .where(eq(schema.practitioners.slug, "joey-lee"))
      .returning();
    try {
      const after = await t.client().practitioners.list.query();
      expect(after.map((p) => p.name)).toEqual(["Jason Lee"]);
      await expect(
        t.client().practitioners.bySlug.query({ slug: "joey-lee" }),
      ).rejects.toMatchObject({ data: { code: "NOT_FOUND", httpStatus: 404 } });
    } finally {
      await t.db
        .update(schema.practitioners)
        .set({ active: true })
        .where(eq(schema.practitioners.id, joey!.id));
    }
  });

  it("finds services by slug with their practitioners and 404s unknown ones", async () => {
    const services = await t.client().services.list.query();
    expect(services.length).toBeGreaterThanOrEqual(4);
    const first = services[0]!;
    const bySlug = await t.client().services.bySlug.query({ slug: first.slug });
    expect(bySlug).toEqual(first);
    expect(bySlug.practitioners.length).toBeGreaterThan(0);
    await expect(
      t.client().services.bySlug.query({ slug: "no-such-service" }),
    ).rejects.toMatchObject({
      data: { code: "NOT_FOUND" },
    });
  });

  it("lists only visible posts, newest first, filtered by tag and paginated", async () => {
    const { items, total } = await t.client().posts.list.query({ pageSize: 50 });
    expect(total).toBe(items.length);
    expect(items.length).toBeGreaterThanOrEqual(2);
    const times = items.map((p) => p.publishedAt.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(items[0]!.publishedAt).toBeInstanceOf(Date);

    const drafts = await t.db.select().from(schema.posts).where(eq(schema.posts.status, "draft"));
    expect(drafts.length).toBeGreaterThan(0);
    for (const draft of drafts) {
      expect(items.map((p) => p.slug)).not.toContain(draft.slug);
      await expect(t.client().posts.bySlug.query({ slug: draft.slug })).rejects.toMatchObject({
        data: { code: "NOT_FOUND" },
      });
    }

    const page2 = await t.client().posts.list.query({ page: 2, pageSize: 1 });
    expect(page2.items.map((p) => p.slug)).toEqual([items[1]!.slug]);
    expect(page2.total).toBe(total);

    const tag = items[0]!.tags[0]!;
    const tagged = await t.client().posts.list.query({ tag });
    expect(tagged.items.length).toBeGreaterThan(0);
    expect(tagged.items.every((p) => p.tags.includes(tag))).toBe(true);
  });

  it("shows a scheduled post only once its time has come", async () => {
    const inOneHour = new Date(t.now().getTime() + 60 * 60 * 1000);
    await t.db.insert(schema.posts).values({
      slug: "coming-soon",
      title: "Coming soon",
      body: "Soon.",
      status: "scheduled",
      publishedAt: inOneHour,
    });
    await expect(t.client().posts.bySlug.query({ slug: "coming-soon" })).rejects.toMatchObject({
      data: { code: "NOT_FOUND" },
    });
    const later = createApp({
      db: t.db,
      logger: silentLogger,
      now: () => new Date(inOneHour.getTime() + 1000),
    });
    const post = await inProcessClient(later).posts.bySlug.query({ slug: "coming-soon" });
    expect(post.title).toBe("Coming soon");
  });

  it("the runners post carries its video directive and reading time", async () => {
    const post = await t.client().posts.bySlug.query({
      slug: "why-runners-benefit-from-spinal-adjustments",
    });
    expect(post.body).toContain('::youtube{id="S7L5pmw8Is4"');
    expect(post.readingMinutes).toBeGreaterThanOrEqual(2);
    expect(post.author?.slug).toMatch(/-lee$/);
  });

  it("lists approved reviews only and summarises their ratings", async () => {
    const reviews = await t.client().reviews.list.query();
    const rows = await t.db.select().from(schema.reviews);
    const approved = rows.filter((r) => r.status === "approved");
    expect(reviews).toHaveLength(approved.length);
    expect(rows.some((r) => r.status === "pending")).toBe(true);
    const featured = await t.client().reviews.list.query({ featured: true });
    expect(featured.length).toBeGreaterThan(0);
    expect(featured.every((r) => r.featured)).toBe(true);

    const summary = await t.client().reviews.summary.query();
    expect(summary.count).toBe(approved.length);
    const mean = approved.reduce((sum, r) => sum + r.rating, 0) / approved.length;
    expect(summary.average).toBeCloseTo(Math.round(mean * 10) / 10, 5);
  });

  it("rejects malformed input with a 400 naming the field", async () => {
    const res = await t.app.request(
      `/trpc/posts.list?input=${encodeURIComponent(JSON.stringify({ json: { page: 0, pageSize: 500 } }))}`,
    );
    expect(res.status).toBe(400);
    const body = (await res.json()) as {
      error: { json: { data: { fieldErrors: Record<string, string[]> } } };
    };
    expect(Object.keys(body.error.json.data.fieldErrors).sort()).toEqual(["page", "pageSize"]);

    const error = await t
      .client()
      .practitioners.bySlug.query({ slug: "Not A Slug!" })
      .catch((e) => e);
    expect(error).toBeInstanceOf(TRPCClientError);
    expect(error.data.fieldErrors.slug[0]).toMatch(/lowercase/);
  });
});
