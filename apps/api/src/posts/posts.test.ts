import { schema } from "@clinic/db";
import { testDrivers } from "@clinic/db/testing";
import { TRPCClientError } from "@trpc/client";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../app.js";
import { silentLogger } from "../logger.js";
import {
  auditRows,
  createTestApp,
  failure,
  inProcessClient,
  practitionerIdBySlug,
  signedInStaff,
  type TestApp,
} from "../testing/index.js";

const draft = (slug: string) => ({
  slug,
  title: "Hamstring care for sprinters",
  excerpt: "Three habits.",
  body: "## Warm up\n\nMove before you sprint.",
  tags: ["running", "rehab"],
  coverImageUrl: null,
});
const content = (slug: string, authorId: string | null) => ({ ...draft(slug), authorId });

describe.each(testDrivers)("staff posts (%s)", (driver) => {
  let t: TestApp;
  let owner: Awaited<ReturnType<typeof signedInStaff>>;
  let jason: Awaited<ReturnType<typeof signedInStaff>>;
  let jasonId: string;
  let joeyId: string;

  beforeAll(async () => {
    t = await createTestApp({ driver });
    jasonId = await practitionerIdBySlug(t, "jason-lee");
    joeyId = await practitionerIdBySlug(t, "joey-lee");
    owner = await signedInStaff(t, "owner");
    jason = await signedInStaff(t, "practitioner", { practitionerId: jasonId, name: "Jason Lee" });
  });
  afterAll(() => t.close());

  it("lets a practitioner write their own posts only, and never hand them to someone else", async () => {
    const mine = await jason.client.posts.create.mutate(draft("jason-hamstrings"));
    expect(mine).toMatchObject({ status: "draft", authorId: jasonId, tags: ["rehab", "running"] });

    const joeys = await owner.client.posts.create.mutate(content("joey-hamstrings", joeyId));
    const edits = await failure(
      jason.client.posts.update.mutate({
        ...content("joey-hamstrings", joeyId),
        id: joeys.id,
        title: "Mine now",
      }),
    );
    expect(edits.code).toBe("FORBIDDEN");
    expect((await failure(jason.client.posts.publish.mutate({ id: joeys.id }))).code).toBe(
      "FORBIDDEN",
    );
    expect((await failure(jason.client.posts.create.mutate(content("as-joey", joeyId)))).code).toBe(
      "FORBIDDEN",
    );
    expect(
      (
        await failure(
          jason.client.posts.update.mutate({ ...content("jason-hamstrings", joeyId), id: mine.id }),
        )
      ).code,
    ).toBe("FORBIDDEN");
    expect((await owner.client.posts.get.query({ id: joeys.id })).title).toBe(
      "Hamstring care for sprinters",
    );
    expect((await jason.client.posts.get.query({ id: joeys.id })).canEdit).toBe(false);

    const frontDesk = await signedInStaff(t, "front_desk");
    expect((await failure(frontDesk.client.posts.create.mutate(draft("desk-post")))).code).toBe(
      "FORBIDDEN",
    );

    const edited = await jason.client.posts.update.mutate({
      ...content("jason-hamstrings", jasonId),
      id: mine.id,
      title: "Hamstrings, again",
      tags: ["running"],
    });
    expect(edited).toMatchObject({ title: "Hamstrings, again", tags: ["running"] });
    const [audit] = await auditRows(t, "post.update");
    expect(audit).toMatchObject({ actorId: jason.user.id, entityId: mine.id });
    expect(audit?.changes).toEqual({
      title: { from: "Hamstring care for sprinters", to: "Hamstrings, again" },
      tags: { from: ["rehab", "running"], to: ["running"] },
    });
  });

  it("publishes now, schedules for later and unpublishes, as the public sees it", async () => {
    const post = await owner.client.posts.create.mutate(content("status-walk", jasonId));
    const publicPost = () => t.client().posts.bySlug.query({ slug: "status-walk" });
    await expect(publicPost()).rejects.toMatchObject({ data: { code: "NOT_FOUND" } });

    const published = await jason.client.posts.publish.mutate({ id: post.id });
    expect(published.status).toBe("published");
    expect((await publicPost()).title).toBe("Hamstring care for sprinters");

    await jason.client.posts.unpublish.mutate({ id: post.id });
    await expect(publicPost()).rejects.toMatchObject({ data: { code: "NOT_FOUND" } });

    const past = await failure(
      jason.client.posts.schedule.mutate({
        id: post.id,
        publishedAt: new Date(t.now().getTime() - 60_000),
      }),
    );
    expect(past.fieldErrors).toEqual({
      publishedAt: ["Pick a time in the future, or publish it now"],
    });

    const at = new Date(t.now().getTime() + 2 * 24 * 60 * 60 * 1000);
    expect(
      await jason.client.posts.schedule.mutate({ id: post.id, publishedAt: at }),
    ).toMatchObject({ status: "scheduled", publishedAt: at });
    await expect(publicPost()).rejects.toMatchObject({ data: { code: "NOT_FOUND" } });
    const later = createApp({
      db: t.db,
      logger: silentLogger,
      now: () => new Date(at.getTime() + 1),
    });
    expect((await inProcessClient(later).posts.bySlug.query({ slug: "status-walk" })).slug).toBe(
      "status-walk",
    );

    for (const action of ["post.publish", "post.unpublish", "post.schedule"]) {
      expect(
        (await auditRows(t, action)).map((r) => r.entityId),
        action,
      ).toContain(post.id);
    }
  });

  it("lists every status for staff, filtered by status, author and tag", async () => {
    const drafts = await jason.client.posts.staffList.query({ status: "draft" });
    expect(drafts.items.length).toBeGreaterThan(0);
    expect(drafts.items.every((p) => p.status === "draft")).toBe(true);
    const joeys = await owner.client.posts.staffList.query({ authorId: joeyId });
    expect(joeys.items.every((p) => p.authorId === joeyId)).toBe(true);
    expect(joeys.total).toBe(joeys.items.length);
    const tagged = await owner.client.posts.staffList.query({ tag: "rehab" });
    expect(tagged.items.every((p) => p.tags.includes("rehab"))).toBe(true);
    const everything = await owner.client.posts.staffList.query({ pageSize: 100 });
    expect(new Set(everything.items.map((p) => p.status))).toEqual(
      new Set(["draft", "published", "scheduled"]),
    );
  });

  it("reports a taken slug as a field error", async () => {
    const taken = await failure(
      owner.client.posts.create.mutate(draft("why-runners-benefit-from-spinal-adjustments")),
    );
    expect(taken).toMatchObject({
      code: "BAD_REQUEST",
      fieldErrors: { slug: ["That address is already used"] },
    });
  });
});

describe.each(testDrivers)("public posts (%s)", (driver) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ driver });
  });
  afterAll(() => t.close());

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
