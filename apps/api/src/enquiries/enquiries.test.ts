import { schema } from "@clinic/db";
import { testDrivers } from "@clinic/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RATE_LIMITS } from "../abuse/public-forms.js";
import { ENQUIRY_NOTICE_KIND } from "../email/enquiry-emails.js";
import { ENQUIRY_REPLY_KIND } from "../email/enquiry-reply.js";
import {
  auditRows,
  createTestApp,
  failure,
  filledInFormToken,
  practitionerIdBySlug,
  signedInStaff,
  type TestApp,
} from "../testing/index.js";

describe.each(testDrivers)("enquiries inbox (%s)", (driver) => {
  let t: TestApp;
  let frontDesk: Awaited<ReturnType<typeof signedInStaff>>;

  beforeAll(async () => {
    t = await createTestApp({ driver });
    frontDesk = await signedInStaff(t, "front_desk", { name: "Fran Desk" });
  });
  afterAll(() => t.close());

  const replies = () =>
    t.db
      .select()
      .from(schema.outboxMessages)
      .where(eq(schema.outboxMessages.kind, ENQUIRY_REPLY_KIND));

  it("is closed to practitioners", async () => {
    const practitioner = await signedInStaff(t, "practitioner", {
      practitionerId: await practitionerIdBySlug(t, "joey-lee"),
    });
    expect((await failure(practitioner.client.enquiries.list.query({}))).code).toBe("FORBIDDEN");
  });

  it("lists by status with counts", async () => {
    const fresh = await frontDesk.client.enquiries.list.query({ status: "new" });
    expect(fresh.items.length).toBeGreaterThan(0);
    expect(fresh.items.every((e) => e.status === "new")).toBe(true);
    expect(fresh.counts.new).toBe(fresh.total);
  });

  it("queues a reply to the enquirer, keeps it on the enquiry and moves it to in progress", async () => {
    const [enquiry] = (await frontDesk.client.enquiries.list.query({ status: "new" })).items;
    const result = await frontDesk.client.enquiries.reply.mutate({
      id: enquiry!.id,
      body: "Yes <we> see heel pain often. Start with the running assessment.",
    });
    expect(result).toMatchObject({ status: "in_progress" });

    const [message] = await replies();
    expect(message).toMatchObject({
      toAddress: enquiry!.email,
      status: "pending",
      subject: "Re: your enquiry to Westside Sports Chiro",
    });
    expect(message!.textBody).toContain("Yes <we> see heel pain often.");
    expect(message!.textBody).toContain("Fran Desk");
    expect(message!.htmlBody).toContain("Yes &lt;we&gt; see heel pain often.");

    const detail = await frontDesk.client.enquiries.detail.query({ id: enquiry!.id });
    expect(detail.status).toBe("in_progress");
    expect(detail.replies).toEqual([
      expect.objectContaining({
        kind: "reply",
        body: "Yes <we> see heel pain often. Start with the running assessment.",
        author: { id: frontDesk.user.id, name: "Fran Desk" },
      }),
    ]);
    const [audit] = await auditRows(t, "enquiry.reply");
    expect(audit).toMatchObject({
      entityId: enquiry!.id,
      changes: {
        outboxMessageId: { from: null, to: message!.id },
        status: { from: "new", to: "in_progress" },
      },
    });
  });

  it("adds internal notes and changes status, each audited", async () => {
    const [enquiry] = (await frontDesk.client.enquiries.list.query({})).items;
    await frontDesk.client.enquiries.addNote.mutate({
      id: enquiry!.id,
      body: "Called back, no answer.",
    });
    await frontDesk.client.enquiries.setStatus.mutate({ id: enquiry!.id, status: "closed" });
    const detail = await frontDesk.client.enquiries.detail.query({ id: enquiry!.id });
    expect(detail.status).toBe("closed");
    expect(detail.notes.map((n) => n.body)).toEqual(["Called back, no answer."]);
    expect((await auditRows(t, "enquiry.add_note"))[0]?.entityId).toBe(enquiry!.id);
    expect((await auditRows(t, "enquiry.set_status"))[0]?.changes).toEqual({
      status: { from: enquiry!.status, to: "closed" },
    });
  });

  it("writes nothing when the enquiry doesn't exist", async () => {
    const before = (await replies()).length;
    const missing = await failure(
      frontDesk.client.enquiries.reply.mutate({
        id: "00000000-0000-4000-8000-000000000000",
        body: "Hello",
      }),
    );
    expect(missing.code).toBe("NOT_FOUND");
    expect(await replies()).toHaveLength(before);
  });
});

describe("the contact form", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const enquiry = {
    name: "Alex Runner",
    email: "Alex@Example.com",
    phone: "0400 123 456",
    message: "Do you see patients on Saturday mornings?",
    formToken: filledInFormToken("enquiry"),
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
    for (const guard of [
      { honeypot: "http://spam.example" },
      { formToken: filledInFormToken("enquiry", t.now().getTime()) },
    ]) {
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
});

describe.each(testDrivers)("the contact form under a burst (%s)", (driver) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ driver });
  });
  afterAll(() => t.close());

  it("lets exactly the limit through of 30 concurrent submissions from one address", async () => {
    const ip = "203.0.113.30";
    const outcomes = await Promise.allSettled(
      Array.from({ length: 30 }, (_, i) =>
        t.client(undefined, ip).enquiries.submit.mutate({
          name: "Burst Sender",
          email: `burst${i}@example.com`,
          phone: "0400 123 456",
          message: "Do you see patients on Saturday mornings?",
          formToken: filledInFormToken("enquiry"),
        }),
      ),
    );
    const accepted = outcomes.filter((o) => o.status === "fulfilled");
    const refused = outcomes.flatMap((o) => (o.status === "rejected" ? [o.reason] : []));
    expect(accepted).toHaveLength(RATE_LIMITS.enquiry.max);
    expect(refused.map((e) => e.data?.httpStatus)).toEqual(
      Array(30 - RATE_LIMITS.enquiry.max).fill(429),
    );
    const stored = await t.db
      .select()
      .from(schema.enquiries)
      .where(eq(schema.enquiries.name, "Burst Sender"));
    expect(stored).toHaveLength(RATE_LIMITS.enquiry.max);
  });
});
