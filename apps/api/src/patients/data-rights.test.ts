import { randomBytes } from "node:crypto";
import { insertBooking, schema } from "@clinic/db";
import { testDrivers } from "@clinic/db/testing";
import { addLocalDays, ERASED_PATIENT_NAME, localDateOf } from "@clinic/domain";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  auditRows,
  createTestApp,
  demoClinic,
  failure,
  filledInFormToken,
  signedInStaff,
  type TestApp,
} from "../testing/index.js";

const DAY_MS = 86_400_000;
const key = () => randomBytes(12).toString("base64url");

/** The person who asks: a name, email and phone no other row of the demo clinic contains. */
const quinn = {
  name: "Quinn Erasmus-Tull",
  email: "quinn.tull@example.com",
  phone: "0411 222 333",
};
const needles = [quinn.name, quinn.email, quinn.phone, quinn.phone.replace(/\s/g, "")];

/**
 * Every text, varchar and JSON column of every table holding any of `needles`, as
 * `table.column` (case-insensitive; JSON compared as its text).
 */
async function columnsHolding(t: TestApp, texts: string[]): Promise<string[]> {
  const { rows: columns } = (await t.db.execute(sql`
    select table_name, column_name from information_schema.columns
    where table_schema = 'public'
      and data_type in ('text', 'character varying', 'character', 'json', 'jsonb')
    order by table_name, column_name`)) as unknown as {
    rows: { table_name: string; column_name: string }[];
  };
  expect(columns.length).toBeGreaterThan(30);
  const found: string[] = [];
  for (const { table_name, column_name } of columns) {
    for (const text of texts) {
      const { rows } = (await t.db.execute(
        sql`select count(*)::int as n from ${sql.identifier(table_name)}
            where strpos(lower(${sql.identifier(column_name)}::text), ${text.toLowerCase()}) > 0`,
      )) as unknown as { rows: { n: number }[] };
      if (Number(rows[0]?.n) > 0) found.push(`${table_name}.${column_name} ~ ${text}`);
    }
  }
  return found;
}

describe.each(testDrivers)("a patient's data rights on %s", (driver) => {
  let t: TestApp;
  let owner: Awaited<ReturnType<typeof signedInStaff>>;
  let frontDesk: Awaited<ReturnType<typeof signedInStaff>>;
  let practitioner: Awaited<ReturnType<typeof signedInStaff>>;
  let patientId: string;
  let manageToken: string;
  let pastBookingId: string;
  let otherPatientEmail: string;

  beforeAll(async () => {
    t = await createTestApp({ driver });
    const clinic = await demoClinic(t);
    owner = await signedInStaff(t, "owner");
    frontDesk = await signedInStaff(t, "front_desk");
    practitioner = await signedInStaff(t, "practitioner", { practitionerId: clinic.jasonId });

    const from = localDateOf(t.now(), "Australia/Sydney");
    const { days } = await t.client().availability.slots.query({
      serviceId: clinic.serviceId,
      practitionerId: clinic.jasonId,
      from: addLocalDays(from, 2),
      to: addLocalDays(from, 9),
    });
    // One a day, so none of them overlap.
    const slots = days.filter((d) => d.slots.length > 0).map((d) => d.slots[0]!);
    // Online: an upcoming booking with a manage link, notes naming them.
    const online = await t.client().bookings.create.mutate({
      serviceId: clinic.serviceId,
      practitionerId: clinic.jasonId,
      start: slots[0]!.start,
      patient: quinn,
      notes: `Left hamstring; call ${quinn.phone} if running late`,
      idempotencyKey: key(),
    });
    manageToken = online.manageToken;
    patientId = (
      await t.db
        .select({ id: schema.patients.id })
        .from(schema.patients)
        .where(eq(schema.patients.email, quinn.email))
    )[0]!.id;
    // By phone, then cancelled by the front desk with a reason that names them.
    const byPhone = await frontDesk.client.bookings.createForPatient.mutate({
      serviceId: clinic.serviceId,
      practitionerId: clinic.jasonId,
      start: slots[2]!.start,
      patient: quinn,
      notes: "Booked by phone",
    });
    await frontDesk.client.bookings.cancel.mutate({
      id: byPhone.id,
      reason: `${quinn.name} is moving interstate`,
    });
    // A completed visit last week, for the clinic's figures.
    const lastWeek = new Date(t.now().getTime() - 6 * DAY_MS);
    pastBookingId = (
      await insertBooking(t.db, {
        serviceId: clinic.serviceId,
        practitionerId: clinic.joeyId,
        patientId,
        startsAt: lastWeek,
        endsAt: new Date(lastWeek.getTime() + 30 * 60_000),
        blockedFrom: lastWeek,
        blockedUntil: new Date(lastWeek.getTime() + 30 * 60_000),
        notes: `Email ${quinn.email} the exercises`,
        contactConsent: true,
        idempotencyKey: null,
        manageTokenHash: null,
      })
    ).id;
    await t.db
      .update(schema.bookings)
      .set({ status: "completed" })
      .where(eq(schema.bookings.id, pastBookingId));

    // An enquiry from the same address (typed in capitals), answered and noted on.
    const { id: enquiryId } = await t.client().enquiries.submit.mutate({
      name: quinn.name,
      email: quinn.email.toUpperCase(),
      phone: quinn.phone,
      message: "Do you treat hamstring strains?",
      formToken: filledInFormToken("enquiry"),
    });
    await frontDesk.client.enquiries.reply.mutate({ id: enquiryId, body: "Yes, often." });
    await frontDesk.client.enquiries.addNote.mutate({
      id: enquiryId,
      body: `Called back on ${quinn.phone}`,
    });
    // A review from the same address, approved, and someone else's copy of it (flagged as a duplicate).
    const review = await t.client().reviews.submit.mutate({
      authorName: quinn.name,
      rating: 5,
      body: "Back running within three weeks of a hamstring strain, with a plan I understood.",
      email: quinn.email,
      practitionerId: clinic.jasonId,
      formToken: filledInFormToken("review"),
    });
    await owner.client.reviews.moderate.mutate({ id: review.id, action: "approve" });
    await t.client().reviews.submit.mutate({
      authorName: "Copy Cat",
      rating: 5,
      body: "Back running within three weeks of a hamstring strain, with a plan I understood.",
      email: "copy.cat@example.com",
      practitionerId: null,
      formToken: filledInFormToken("review"),
    });

    // Someone else, who must be left alone.
    otherPatientEmail = "other.person@example.com";
    await t.client().bookings.create.mutate({
      serviceId: clinic.serviceId,
      practitionerId: clinic.jasonId,
      start: slots[1]!.start,
      patient: { name: "Other Person", email: otherPatientEmail, phone: "0499 888 777" },
      notes: "",
      idempotencyKey: key(),
    });
  }, 180_000);
  afterAll(() => t.close());

  it("lets the front desk and the owner export, and only the owner erase", async () => {
    expect(
      (await failure(practitioner.client.patients.exportData.mutate({ id: patientId }))).code,
    ).toBe("FORBIDDEN");
    const refused = await failure(
      frontDesk.client.patients.erase.mutate({ id: patientId, confirmName: quinn.name }),
    );
    expect(refused.code).toBe("FORBIDDEN");
    expect((await failure(t.client().patients.exportData.mutate({ id: patientId }))).code).toBe(
      "UNAUTHORIZED",
    );
  });

  it("exports everything held about the patient, and audits it without their details", async () => {
    const data = await frontDesk.client.patients.exportData.mutate({ id: patientId });
    expect(data.fileName).toMatch(new RegExp(`^patient-${patientId}-\\d{4}-\\d{2}-\\d{2}\\.json$`));
    expect(data.patient).toMatchObject({ ...quinn, id: patientId, erasedAt: null });

    expect(data.bookings).toHaveLength(3);
    const byStatus = Object.fromEntries(data.bookings.map((b) => [b.status, b]));
    expect(Object.keys(byStatus).sort()).toEqual(["cancelled", "completed", "confirmed"]);
    expect(byStatus.confirmed!.notes).toContain(quinn.phone);
    expect(byStatus.confirmed!.history.map((h) => h.kind)).toEqual(["created"]);
    expect(byStatus.confirmed!.emails.map((e) => e.kind)).toEqual(
      expect.arrayContaining(["booking.confirmation"]),
    );
    // The clinic's own copy is written in the same instant: find the patient's by kind.
    const confirmation = byStatus.confirmed!.emails.find((e) => e.kind === "booking.confirmation");
    expect(confirmation!.to).toBe(quinn.email);
    expect(byStatus.cancelled!.cancellationReason).toContain(quinn.name);
    expect(byStatus.cancelled!.history.map((h) => [h.kind, h.by])).toEqual([
      ["created", "clinic staff"],
      ["cancelled", "clinic staff"],
    ]);
    expect(byStatus.completed!.service).toBeTruthy();
    expect(byStatus.completed!.practitioner).toBeTruthy();

    expect(data.enquiries).toHaveLength(1);
    expect(data.enquiries[0]!.message).toBe("Do you treat hamstring strains?");
    expect(data.enquiries[0]!.notes.map((n) => n.kind).sort()).toEqual(["note", "reply"]);
    expect(data.otherEmails.map((e) => e.kind).sort()).toEqual([
      "enquiry.clinic_notice",
      "enquiry.reply",
    ]);
    expect(data.reviews).toEqual([
      expect.objectContaining({ authorName: quinn.name, rating: 5, status: "approved" }),
    ]);
    expect(data.auditEntries.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        "booking.create",
        "booking.cancel",
        "enquiry.reply",
        "enquiry.add_note",
        "review.approve",
      ]),
    );
    // Secrets never leave: the stored hashes, nor the working links the emails carried.
    const text = JSON.stringify(data);
    expect(text).not.toMatch(/manageTokenHash|idempotencyFingerprint/);
    expect(text).not.toContain(manageToken);
    expect(confirmation!.text).toContain("/manage/[link removed]");

    const [entry] = await auditRows(t, "patient.export");
    expect(entry).toMatchObject({ entityId: patientId, actorId: frontDesk.user.id });
    for (const needle of needles) expect(JSON.stringify(entry)).not.toContain(needle);
  });

  it("names patients in the audit log as it is read, never in the entries", async () => {
    const log = await owner.client.audit.list.query({ entity: "booking" });
    const created = log.items.find(
      (e) =>
        e.action === "booking.create" &&
        (e.changes as { patientId?: { to?: string } }).patientId?.to === patientId,
    );
    expect(created).toBeDefined();
    expect(JSON.stringify(created)).not.toContain(quinn.name);
    expect(log.patients).toContainEqual({ id: patientId, name: quinn.name });
    const exports = await owner.client.audit.list.query({ entity: "patient" });
    expect(exports.patients).toContainEqual({ id: patientId, name: quinn.name });
  });

  it("refuses an erasure without the patient's name, changing nothing", async () => {
    const before = await owner.client.patients.detail.query({ id: patientId });
    const refused = await failure(
      owner.client.patients.erase.mutate({ id: patientId, confirmName: "Quinn" }),
    );
    expect(refused.code).toBe("BAD_REQUEST");
    expect(Object.keys(refused.fieldErrors ?? {})).toEqual(["confirmName"]);
    expect(refused.message).not.toContain(quinn.name);
    expect(await owner.client.patients.detail.query({ id: patientId })).toEqual(before);
  });

  it("erases: no table holds their name, email or phone, old links fail, the figures stand", async () => {
    expect(await columnsHolding(t, needles)).not.toEqual([]);
    expect(await t.client().bookings.byToken.query({ token: manageToken })).toBeTruthy();
    const icsAddress = `http://api.test/bookings/${manageToken}/calendar.ics`;
    expect((await t.app.request(icsAddress)).status).toBe(200);
    const figuresBefore = (await owner.client.dashboard.summary.query()).bookingsPerWeek;

    const erasing = t.now();
    const result = await owner.client.patients.erase.mutate({
      id: patientId,
      confirmName: `  ${quinn.name.toLowerCase()} `,
    });
    expect(result).toMatchObject({
      id: patientId,
      bookingsKept: 3,
      upcomingCancelled: 1,
      enquiriesDeleted: 1,
      reviewsDeleted: 1,
    });
    expect(result.emailsPurged).toBeGreaterThanOrEqual(4);

    expect(await columnsHolding(t, needles)).toEqual([]);

    // The manage link and its calendar file are dead.
    expect((await failure(t.client().bookings.byToken.query({ token: manageToken }))).code).toBe(
      "NOT_FOUND",
    );
    expect((await t.app.request(icsAddress)).status).toBe(404);

    // Past visits still count (last week's completed one); the upcoming one this week was cancelled.
    const figuresAfter = (await owner.client.dashboard.summary.query()).bookingsPerWeek;
    expect(figuresAfter.slice(0, -1)).toEqual(figuresBefore.slice(0, -1));
    expect(figuresAfter.at(-1)!.count).toBe(figuresBefore.at(-1)!.count - 1);
    expect(figuresBefore.at(-2)!.count).toBeGreaterThan(0);
    const detail = await owner.client.patients.detail.query({ id: patientId });
    expect(detail.patient).toMatchObject({ name: ERASED_PATIENT_NAME, phone: "" });
    expect(detail.patient.erasedAt!.getTime()).toBeGreaterThanOrEqual(erasing.getTime());
    expect(detail.patient.erasedAt!.getTime()).toBeLessThanOrEqual(t.now().getTime());
    expect(detail.bookings.map((b) => b.status).sort()).toEqual([
      "cancelled",
      "cancelled",
      "completed",
    ]);
    expect(detail.bookings.every((b) => b.notes === "" && b.cancellationReason === null)).toBe(
      true,
    );
    const pending = await t.db
      .select()
      .from(schema.outboxMessages)
      .where(eq(schema.outboxMessages.status, "pending"));
    expect(pending.map((m) => m.toAddress)).not.toContain(quinn.email);

    // Someone else's booking and review are untouched; the copy lost its flag naming Quinn.
    const [other] = await t.db
      .select()
      .from(schema.patients)
      .where(eq(schema.patients.email, otherPatientEmail));
    expect(other).toMatchObject({ name: "Other Person", erasedAt: null });
    const [copy] = await t.db
      .select()
      .from(schema.reviews)
      .where(eq(schema.reviews.authorName, "Copy Cat"));
    expect(copy!.flags.filter((f) => f.kind === "duplicate_text")).toEqual([]);

    // Audited with counts only.
    const [entry] = await auditRows(t, "patient.erase");
    expect(entry).toMatchObject({ entityId: patientId, actorId: owner.user.id, entity: "patient" });
    expect(entry!.changes).toMatchObject({ reason: { from: null, to: "request" } });
  });

  it("refuses a second erasure, and a staff change can't bring the link back", async () => {
    const again = await failure(
      owner.client.patients.erase.mutate({ id: patientId, confirmName: ERASED_PATIENT_NAME }),
    );
    expect(again.code).toBe("BAD_REQUEST");
    await expect(
      owner.client.bookings.setStatus.mutate({ id: pastBookingId, status: "no_show" }),
    ).resolves.toBeTruthy();
    expect((await failure(t.client().bookings.byToken.query({ token: manageToken }))).code).toBe(
      "NOT_FOUND",
    );
    // The audit log no longer has a name for them.
    const log = await owner.client.audit.list.query({ entity: "patient" });
    expect(log.patients).toContainEqual({ id: patientId, name: null });
    // The erased row says nothing when exported, and a new booking by the same person starts afresh.
    const data = await owner.client.patients.exportData.mutate({ id: patientId });
    expect(data.patient.name).toBe(ERASED_PATIENT_NAME);
    expect(data.enquiries).toEqual([]);
  });
});
