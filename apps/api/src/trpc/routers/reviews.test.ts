import { schema } from "@clinic/db";
import { testDrivers } from "@clinic/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  auditRows,
  createTestApp,
  failure,
  practitionerIdBySlug,
  signedInStaff,
  type TestApp,
} from "../../testing/index.js";

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
