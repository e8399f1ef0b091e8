import { schema } from "@clinic/db";
import { testDrivers } from "@clinic/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  auditRows,
  createTestApp,
  failure,
  filledInFormToken,
  practitionerIdBySlug,
  signedInStaff,
  type TestApp,
} from "../testing/index.js";

describe.each(testDrivers)("duplicates among published reviews, on %s", (driver) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ driver });
  });
  afterAll(() => t.close());

  const contentVersion = async () =>
    ((await (await t.app.request("/content-version")).json()) as { version: string }).version;

  it("lists the demo clinic's copied testimonial with the review it repeats", async () => {
    const { client } = await signedInStaff(t, "front_desk");
    const { items } = await client.reviews.publishedDuplicates.query();
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      review: { authorName: "Chris Morgan" },
      match: { authorName: "Rebecca Hall" },
      similarity: 1,
    });
    expect(items[0]!.review.body).toBe(items[0]!.match.body);
  });

  it("unpublishes the copy in one click: off the public list (cached) and the duplicates", async () => {
    const { client, user } = await signedInStaff(t, "owner");
    const [duplicate] = (await client.reviews.publishedDuplicates.query()).items;
    const copyId = duplicate!.review.id;
    // Read once so the public cache holds the list with the copy in it.
    expect((await t.client().reviews.list.query()).map((r) => r.id)).toContain(copyId);
    const before = await contentVersion();

    await client.reviews.moderate.mutate({ id: copyId, action: "reject" });

    expect((await t.client().reviews.list.query()).map((r) => r.id)).not.toContain(copyId);
    expect((await t.client().reviews.list.query()).map((r) => r.id)).toContain(duplicate!.match.id);
    expect(await contentVersion()).not.toBe(before);
    expect((await client.reviews.publishedDuplicates.query()).items).toEqual([]);
    const [entry] = await auditRows(t, "review.reject");
    expect(entry).toMatchObject({ entityId: copyId, actorId: user.id });
  });

  it("flags a new review copying a published one, however many reviews came since", async () => {
    const [sarah] = await t.db
      .select()
      .from(schema.reviews)
      .where(eq(schema.reviews.authorName, "Sarah Whitcombe"));
    // More newer reviews than the arrival check reads by recency alone.
    await t.db.insert(schema.reviews).values(
      Array.from({ length: 520 }, (_, i) => ({
        authorName: `Filler ${i}`,
        rating: 4,
        body: `Filler review number ${i} about session ${i * 7} and visit ${i * 13}.`,
        status: "rejected" as const,
        createdAt: t.now(),
      })),
    );
    const { id } = await t.client().reviews.submit.mutate({
      authorName: "Not Sarah",
      rating: 5,
      body: sarah!.body,
      email: null,
      practitionerId: null,
      formToken: filledInFormToken("review"),
    });
    const [row] = await t.db.select().from(schema.reviews).where(eq(schema.reviews.id, id));
    expect(row!.flags).toEqual([
      expect.objectContaining({ kind: "duplicate_text", matchReviewId: sarah!.id }),
    ]);
  });

  it("is closed to practitioners", async () => {
    const practitioner = await signedInStaff(t, "practitioner", {
      practitionerId: await practitionerIdBySlug(t, "jason-lee"),
    });
    expect((await failure(practitioner.client.reviews.publishedDuplicates.query())).code).toBe(
      "FORBIDDEN",
    );
  });
});
