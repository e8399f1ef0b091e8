import { schema } from "@clinic/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RATE_LIMITS } from "../../abuse/public-forms.js";
import { ENQUIRY_NOTICE_KIND } from "../../email/enquiry-emails.js";
import { createTestApp, TEST_START } from "../../testing/index.js";

// Ten seconds before the test clock starts: long enough for a person to fill the form in.
const aWhileAgo = () => TEST_START.getTime() - 10_000;

describe("public forms", () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const enquiry = {
    name: "Alex Runner",
    email: "Alex@Example.com",
    phone: "0400 123 456",
    message: "Do you see patients on Saturday mornings?",
    renderedAt: aWhileAgo(),
  };

  it("stores an enquiry as new and queues the clinic's notice in the same step", async () => {
    const { id } = await t.client().enquiries.submit.mutate(enquiry);
    const [row] = await t.db.select().from(schema.enquiries).where(eq(schema.enquiries.id, id));
    expect(row).toMatchObject({
      status: "new",
      email: "alex@example.com",
      message: enquiry.message,
    });
    const notices = await t.db
      .select()
      .from(schema.outboxMessages)
      .where(eq(schema.outboxMessages.kind, ENQUIRY_NOTICE_KIND));
    expect(notices).toHaveLength(1);
    expect(notices[0]!.toAddress).toBe("hello@westsidesportschiro.example");
    expect(notices[0]!.textBody).toContain(enquiry.message);
  });

  it("names each invalid field and stores nothing", async () => {
    const before = (await t.db.select().from(schema.enquiries)).length;
    const error = await t
      .client()
      .enquiries.submit.mutate({ ...enquiry, email: "nope", message: "", name: "x".repeat(500) })
      .catch((e) => e);
    expect(error.data.httpStatus).toBe(400);
    expect(Object.keys(error.data.fieldErrors).sort()).toEqual(["email", "message", "name"]);
    expect((await t.db.select().from(schema.enquiries)).length).toBe(before);
  });

  it("refuses a filled honeypot or a form sent too fast, with a message a person can act on", async () => {
    const before = (await t.db.select().from(schema.enquiries)).length;
    for (const guard of [{ honeypot: "http://spam.example" }, { renderedAt: t.now().getTime() }]) {
      const error = await t
        .client()
        .enquiries.submit.mutate({ ...enquiry, ...guard })
        .catch((e) => e);
      expect(error.data.code).toBe("BAD_REQUEST");
      expect(error.message).toMatch(/send it again/);
    }
    expect((await t.db.select().from(schema.enquiries)).length).toBe(before);
  });

  it("limits submissions per address with a clear 429", async () => {
    const ip = "203.0.113.7";
    for (let i = 0; i < RATE_LIMITS.enquiry.max; i++) {
      await t
        .client(undefined, ip)
        .enquiries.submit.mutate({ ...enquiry, email: `n${i}@example.com` });
    }
    const error = await t
      .client(undefined, ip)
      .enquiries.submit.mutate(enquiry)
      .catch((e) => e);
    expect(error.data).toMatchObject({ code: "TOO_MANY_REQUESTS", httpStatus: 429 });
    expect(error.message).toMatch(/Too many messages/);
    // Another visitor is unaffected.
    await expect(
      t.client(undefined, "203.0.113.8").enquiries.submit.mutate(enquiry),
    ).resolves.toBeTruthy();
  });

  it("keeps a new review pending and out of the public list", async () => {
    const { id, status } = await t.client().reviews.submit.mutate({
      authorName: "Jordan Park",
      rating: 5,
      body: "Came in limping after a trail race and left with a plan I actually understood.",
      email: null,
      practitionerId: null,
      renderedAt: aWhileAgo(),
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
      renderedAt: aWhileAgo(),
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
        renderedAt: aWhileAgo(),
      });
      ids.push(id);
    }
    const [last] = await t.db.select().from(schema.reviews).where(eq(schema.reviews.id, ids[2]!));
    expect(last!.flags).toEqual([
      expect.objectContaining({ kind: "same_sender_burst", matchReviewId: ids[1] }),
    ]);
  });
});
