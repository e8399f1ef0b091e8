import { schema } from "@clinic/db";
import { testDrivers } from "@clinic/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENQUIRY_REPLY_KIND } from "../../email/enquiry-reply.js";
import {
  auditRows,
  createTestApp,
  failure,
  practitionerIdBySlug,
  signedInStaff,
  type TestApp,
} from "../../testing/index.js";

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
      changes: { outboxMessageId: message!.id, status: { from: "new", to: "in_progress" } },
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
    expect((await auditRows(t, "enquiry.note"))[0]?.entityId).toBe(enquiry!.id);
    expect((await auditRows(t, "enquiry.status"))[0]?.changes).toEqual({
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
