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

describe.each(testDrivers)("review moderation (%s)", (driver) => {
  let t: TestApp;
  let frontDesk: Awaited<ReturnType<typeof signedInStaff>>;
  let original: typeof schema.reviews.$inferSelect;
  let copyId: string;

  beforeAll(async () => {
    t = await createTestApp({ driver });
    frontDesk = await signedInStaff(t, "front_desk", { name: "Fran Desk" });
    const [approved] = await t.db
      .select()
      .from(schema.reviews)
      .where(eq(schema.reviews.status, "approved"))
      .limit(1);
    original = approved!;
    // The same text again under another name, flagged as it would be on arrival.
    const [copy] = await t.db
      .insert(schema.reviews)
      .values({
        authorName: "Someone Else",
        rating: 5,
        body: original.body,
        status: "pending",
        flags: [
          {
            kind: "duplicate_text",
            message: "Same text as another review",
            matchReviewId: original.id,
          },
        ],
      })
      .returning();
    copyId = copy!.id;
  });
  afterAll(() => t.close());

  it("is closed to practitioners", async () => {
    const practitioner = await signedInStaff(t, "practitioner", {
      practitionerId: await practitionerIdBySlug(t, "jason-lee"),
    });
    expect((await failure(practitioner.client.reviews.queue.query({}))).code).toBe("FORBIDDEN");
    expect(
      (
        await failure(
          practitioner.client.reviews.moderate.mutate({ id: copyId, action: "approve" }),
        )
      ).code,
    ).toBe("FORBIDDEN");
  });

  it("shows each flag with the review it matches", async () => {
    const queue = await frontDesk.client.reviews.queue.query({ status: "pending" });
    expect(queue.items.every((r) => r.status === "pending")).toBe(true);
    expect(queue.counts.pending).toBe(queue.total);
    const flagged = queue.items.find((r) => r.id === copyId);
    expect(flagged?.flags).toEqual([
      {
        kind: "duplicate_text",
        message: "Same text as another review",
        matchReviewId: original.id,
        match: {
          id: original.id,
          authorName: original.authorName,
          body: original.body,
          status: "approved",
        },
      },
    ]);
  });

  it("approving makes a review public; featuring needs approval; rejecting hides it", async () => {
    const [pending] = await t.db
      .select()
      .from(schema.reviews)
      .where(eq(schema.reviews.authorName, "Marco Rossi"));
    const isPublic = async () =>
      (await t.client().reviews.list.query()).find((r) => r.id === pending!.id);
    expect(await isPublic()).toBeUndefined();

    const early = await failure(
      frontDesk.client.reviews.moderate.mutate({ id: pending!.id, action: "feature" }),
    );
    expect(early).toMatchObject({
      code: "PRECONDITION_FAILED",
      message: "Approve the review before featuring it",
    });

    const approved = await frontDesk.client.reviews.moderate.mutate({
      id: pending!.id,
      action: "approve",
    });
    expect(approved).toMatchObject({ status: "approved", moderatedAt: expect.any(Date) });
    expect(await isPublic()).toMatchObject({ authorName: "Marco Rossi", featured: false });

    await frontDesk.client.reviews.moderate.mutate({ id: pending!.id, action: "feature" });
    expect(await isPublic()).toMatchObject({ featured: true });

    await frontDesk.client.reviews.moderate.mutate({ id: pending!.id, action: "reject" });
    expect(await isPublic()).toBeUndefined();
    const [row] = await t.db
      .select()
      .from(schema.reviews)
      .where(eq(schema.reviews.id, pending!.id));
    expect(row).toMatchObject({ status: "rejected", featured: false });

    const [approveAudit] = await auditRows(t, "review.approve");
    expect(approveAudit).toMatchObject({
      actorName: "Fran Desk",
      entity: "review",
      entityId: pending!.id,
      changes: { status: { from: "pending", to: "approved" } },
    });
    expect(await auditRows(t, "review.feature")).toHaveLength(1);
    expect(await auditRows(t, "review.reject")).toHaveLength(1);
  });
});

describe.each(testDrivers)("public reviews (%s)", (driver) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ driver });
  });
  afterAll(() => t.close());

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
});

describe("the review form", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it("keeps a new review pending and out of the public list", async () => {
    const { id, status } = await t.client().reviews.submit.mutate({
      authorName: "Jordan Park",
      rating: 5,
      body: "Came in limping after a trail race and left with a plan I actually understood.",
      email: null,
      practitionerId: null,
      formToken: filledInFormToken("review"),
    });
    expect(status).toBe("pending");
    const publicList = await t.client().reviews.list.query();
    expect(publicList.map((r) => r.id)).not.toContain(id);
    const [row] = await t.db.select().from(schema.reviews).where(eq(schema.reviews.id, id));
    expect(row).toMatchObject({ status: "pending", featured: false, flags: [] });
    expect(row!.senderHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("flags a review that copies another under a different name, naming the match", async () => {
    const [original] = await t.db
      .select()
      .from(schema.reviews)
      .where(eq(schema.reviews.status, "approved"))
      .limit(1);
    const { id } = await t.client().reviews.submit.mutate({
      authorName: "Totally New Person",
      rating: 5,
      body: `${original!.body.toUpperCase()}  `,
      email: "new@example.com",
      practitionerId: null,
      formToken: filledInFormToken("review"),
    });
    const [row] = await t.db.select().from(schema.reviews).where(eq(schema.reviews.id, id));
    expect(row!.flags).toEqual([
      expect.objectContaining({ kind: "duplicate_text", matchReviewId: original!.id }),
    ]);
  });

  it("flags bursts of reviews from one email", async () => {
    const ids: string[] = [];
    const bodies = [
      "The gym sessions rebuilt my confidence after a hamstring tear last winter.",
      "Friendly reception, on time, and they explained every step of the treatment.",
      "My netball knee finally feels stable on landings thanks to the drills.",
    ];
    for (const [i, body] of bodies.entries()) {
      const { id } = await t.client().reviews.submit.mutate({
        authorName: `Burst ${i}`,
        rating: 4,
        body,
        email: "same@example.com",
        practitionerId: null,
        formToken: filledInFormToken("review"),
      });
      ids.push(id);
    }
    const [last] = await t.db.select().from(schema.reviews).where(eq(schema.reviews.id, ids[2]!));
    expect(last!.flags).toEqual([
      expect.objectContaining({ kind: "same_sender_burst", matchReviewId: ids[1] }),
    ]);
  });
});
