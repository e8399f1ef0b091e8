import { randomBytes } from "node:crypto";
import { getIntakeStatusForPatient, schema } from "@clinic/db";
import { testDrivers } from "@clinic/db/testing";
import { addLocalDays, type IntakeFormDefinitionInput, localDateOf } from "@clinic/domain";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEV_APP_SECRET } from "../app.js";
import {
  auditRows,
  createTestApp,
  demoClinic,
  demoStaff,
  failure,
  type TestApp,
} from "../testing/index.js";

const key = () => randomBytes(16).toString("base64url");
const INTAKE_LINK = /http:\/\/localhost:3000\/intake\/([A-Za-z0-9_-]{43})/;
// Answers distinctive enough to search every email and log line for.
const SECRET_CONCERN = "Grumbling left hamstring zq7";
const SECRET_HISTORY = "Appendix out in 2011 xv9";

const formV2: IntakeFormDefinitionInput = {
  title: "Tell us about you",
  introduction: "Version two.",
  questions: [
    { id: "main-concern", kind: "short_text", label: "What brings you in?", required: true },
    { id: "sleep", kind: "yes_no", label: "Does it wake you at night?", required: true },
  ],
};

describe.each(testDrivers)("intake forms on %s", (driver) => {
  let t: TestApp;
  let clinic: Awaited<ReturnType<typeof demoClinic>>;
  let staff: Awaited<ReturnType<typeof demoStaff>>;

  beforeAll(async () => {
    t = await createTestApp({ driver });
    clinic = await demoClinic(t);
    staff = await demoStaff(t, clinic);
  });
  afterAll(() => t.close());

  async function bookWithJasonSlot(n: number) {
    const from = localDateOf(t.now(), "Australia/Sydney");
    const slots = await t.client().availability.slots.query({
      serviceId: clinic.serviceId,
      practitionerId: clinic.jasonId,
      from,
      to: addLocalDays(from, 14),
    });
    return slots.days.flatMap((d) => d.slots)[n]!;
  }

  async function bookWithJason(n: number) {
    const slot = await bookWithJasonSlot(n);
    return t.client().bookings.create.mutate({
      serviceId: clinic.serviceId,
      practitionerId: clinic.jasonId,
      start: slot.start,
      patient: {
        name: `Intake Patient ${n}`,
        email: `intake${n}@example.com`,
        phone: "0400 000 000",
      },
      notes: "",
      idempotencyKey: key(),
    });
  }

  async function confirmationOf(bookingId: string) {
    const rows = await t.db
      .select()
      .from(schema.outboxMessages)
      .where(eq(schema.outboxMessages.bookingId, bookingId));
    return rows.find((m) => m.kind === "booking.confirmation")!;
  }

  it("lets only the owner build and publish the form, as numbered versions", async () => {
    const editor = await staff.owner.client.intake.editor.query();
    expect(editor.latestVersion?.version).toBe(1);
    expect(editor.unpublishedChanges).toBe(false);
    expect(editor.definition.questions.map((q) => q.kind)).toContain("body_areas");

    for (const who of [staff.frontDesk, staff.jason]) {
      expect((await failure(who.client.intake.editor.query())).code).toBe("FORBIDDEN");
      expect((await failure(who.client.intake.publish.mutate({ definition: formV2 }))).code).toBe(
        "FORBIDDEN",
      );
    }

    // A bad definition is refused next to its field, and nothing is written.
    const bad = await failure(
      staff.owner.client.intake.saveDraft.mutate({
        definition: {
          title: "T",
          questions: [{ id: "pick", kind: "single_choice", label: "Pick", options: ["Only"] }],
        },
      }),
    );
    expect(bad.code).toBe("BAD_REQUEST");
    expect(Object.keys(bad.fieldErrors!)).toEqual(["definition.questions.0.options"]);
    const empty = await failure(
      staff.owner.client.intake.publish.mutate({ definition: { title: "T", questions: [] } }),
    );
    expect(empty.fieldErrors).toHaveProperty(["definition.questions"]);
    expect((await staff.owner.client.intake.editor.query()).versions).toHaveLength(1);

    const saved = await staff.owner.client.intake.saveDraft.mutate({
      definition: { ...formV2, title: "Draft title" },
    });
    expect(saved.unpublishedChanges).toBe(true);
    expect(saved.latestVersion?.version).toBe(1);
    expect((await auditRows(t, "intake_form.update_draft")).length).toBe(1);
  });

  let token = "";
  let patientId = "";
  let bookingId = "";

  it("sends a new patient the link with the confirmation, and a returning one no second form", async () => {
    const booked = await bookWithJason(0);
    bookingId = booked.booking.id;
    const confirmation = await confirmationOf(bookingId);
    const match = INTAKE_LINK.exec(confirmation.textBody);
    expect(match).not.toBeNull();
    token = match![1]!;
    expect(confirmation.htmlBody).toContain(`/intake/${token}`);
    const [request] = await t.db.select().from(schema.intakeRequests);
    patientId = request!.patientId;
    expect(request!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(request!.tokenHash).not.toContain(token);
    // At least 30 days, and past the appointment.
    expect(request!.expiresAt.getTime()).toBeGreaterThan(t.now().getTime() + 29 * 86_400_000);

    // The patient's self-service page finds it with its link.
    const status = await getIntakeStatusForPatient(t.db, patientId, {
      appSecret: DEV_APP_SECRET,
      webUrl: "http://localhost:3000",
    });
    expect(status).toMatchObject({
      status: "not_started",
      url: `http://localhost:3000/intake/${token}`,
    });

    const again = await t.client().bookings.create.mutate({
      serviceId: clinic.serviceId,
      practitionerId: clinic.jasonId,
      start: (await bookWithJasonSlot(3)).start,
      patient: { name: "Intake Patient 0", email: "intake0@example.com", phone: "0400 000 000" },
      notes: "",
      idempotencyKey: key(),
    });
    expect((await confirmationOf(again.booking.id)).textBody).not.toMatch(INTAKE_LINK);
    expect(await t.db.select().from(schema.intakeRequests)).toHaveLength(1);
  });

  it("saves answers as they go, refuses bad ones next to the field, and submits once", async () => {
    const opened = await t.client().intake.byToken.query({ token });
    if (opened.state !== "open") throw new Error(`expected an open form, got ${opened.state}`);
    expect(opened.status).toBe("not_started");
    expect(opened.definition.title).toBe("New patient questionnaire");
    expect(opened.answers).toEqual({});

    const partial = await t.client().intake.saveByToken.mutate({
      token,
      answers: { "main-concern": SECRET_CONCERN, "pain-areas": ["knees", "hips"] },
    });
    expect(partial.status).toBe("in_progress");

    // A bad answer: refused with its field, nothing written (the good ones aren't saved either).
    const bad = await failure(
      t.client().intake.saveByToken.mutate({
        token,
        answers: {
          "main-concern": "Changed",
          "how-long": "Forever",
          "date-of-birth": "1990-02-31",
        },
      }),
    );
    expect(bad.code).toBe("BAD_REQUEST");
    expect(Object.keys(bad.fieldErrors!).sort()).toEqual([
      "answers.date-of-birth",
      "answers.how-long",
    ]);
    const reopened = await t.client().intake.byToken.query({ token });
    expect(reopened.state === "open" && reopened.answers).toEqual({
      "main-concern": SECRET_CONCERN,
      "pain-areas": ["hips", "knees"],
    });

    // Submitting needs every required answer.
    const incomplete = await failure(
      t.client().intake.saveByToken.mutate({
        token,
        answers: { "main-concern": SECRET_CONCERN },
        submit: true,
      }),
    );
    expect(Object.keys(incomplete.fieldErrors!).sort()).toEqual([
      "answers.consent",
      "answers.date-of-birth",
      "answers.how-long",
      "answers.red-flags",
    ]);

    // The owner publishes version 2 meanwhile: this patient, already started, stays on version 1.
    await staff.owner.client.intake.publish.mutate({ definition: formV2 });

    const done = await t.client().intake.saveByToken.mutate({
      token,
      submit: true,
      answers: {
        "main-concern": SECRET_CONCERN,
        "pain-areas": ["knees"],
        "date-of-birth": "1988-07-14",
        "how-long": "1–6 weeks",
        history: SECRET_HISTORY,
        "red-flags": "no",
        consent: { name: "Intake Patient 0", date: "2027-02-09" },
      },
    });
    expect(done.status).toBe("submitted");
    const after = await t.client().intake.byToken.query({ token });
    expect(after.state).toBe("submitted");
    expect(JSON.stringify(after)).not.toContain(SECRET_CONCERN);
    const again = await failure(
      t.client().intake.saveByToken.mutate({ token, answers: { "main-concern": "x" } }),
    );
    expect(again.code).toBe("CONFLICT");

    expect((await failure(t.client().intake.byToken.query({ token: "x".repeat(43) }))).code).toBe(
      "NOT_FOUND",
    );
    expect((await failure(t.client().intake.byToken.query({ token: "short" }))).code).toBe(
      "BAD_REQUEST",
    );
  });

  it("shows where forms stand to the front desk, and the answers only to the owner and the patient's practitioner, audited", async () => {
    const status = await staff.frontDesk.client.intake.statusForPatient.query({ patientId });
    expect(status.canReadAnswers).toBe(false);
    expect(status.forms).toEqual([
      expect.objectContaining({ status: "submitted", formVersion: 1, bookingId }),
    ]);
    expect(JSON.stringify(status)).not.toContain(SECRET_CONCERN);
    const booking = await staff.frontDesk.client.intake.statusForBooking.query({ bookingId });
    expect(booking).toMatchObject({ bookingStatus: "submitted", patientId });

    const before = (await auditRows(t, "patient.read_intake")).length;
    for (const who of [staff.frontDesk, staff.joey]) {
      expect((await failure(who.client.intake.answersForPatient.mutate({ patientId }))).code).toBe(
        "FORBIDDEN",
      );
    }
    expect((await auditRows(t, "patient.read_intake")).length).toBe(before);

    // Version 1's questions, though version 2 is the newest: old answers stay readable.
    const jason = await staff.jason.client.intake.answersForPatient.mutate({
      patientId,
      bookingId,
    });
    expect(jason.forms[0]).toMatchObject({
      status: "submitted",
      formVersion: 1,
      answers: { "main-concern": SECRET_CONCERN, history: SECRET_HISTORY },
    });
    expect(jason.forms[0]!.definition.questions.map((q) => q.id)).toContain("pain-areas");
    await staff.owner.client.intake.answersForPatient.mutate({ patientId });

    const reads = await auditRows(t, "patient.read_intake");
    expect(reads.length).toBe(before + 2);
    expect(reads.map((r) => r.actorId).sort()).toEqual(
      [staff.jason.user.id, staff.owner.user.id].sort(),
    );
    expect(reads[0]!.entityId).toBe(patientId);
    expect(JSON.stringify(reads)).not.toContain(SECRET_CONCERN);
  });

  it("shows the link on the Emails page to the owner, not to the front desk", async () => {
    const confirmation = await confirmationOf(bookingId);
    const ownerView = await staff.owner.client.emails.get.query({ id: confirmation.id });
    expect(ownerView.text).toContain(`/intake/${token}`);
    const deskView = await staff.frontDesk.client.emails.get.query({ id: confirmation.id });
    expect(deskView.text).not.toContain(token);
    expect(deskView.html ?? "").not.toContain(token);
    expect(deskView.text).toContain("/intake/[hidden]");
    // The manage link stays: the desk reads it out to patients (decision 024).
    expect(deskView.text).toContain("/manage/");
  });

  it("sends a form to a new patient booked by the desk, and keeps it for one with a phone only", async () => {
    const slot = await bookWithJasonSlot(12);
    const booked = await staff.frontDesk.client.bookings.createForPatient.mutate({
      serviceId: clinic.serviceId,
      practitionerId: clinic.jasonId,
      start: slot.start,
      patient: { name: "Phone Only Intake", phone: "0400 999 111" },
      notes: "",
    });
    const [request] = await t.db
      .select()
      .from(schema.intakeRequests)
      .where(eq(schema.intakeRequests.bookingId, booked.id));
    expect(request).toBeDefined();
    // No address, no email: the desk can give the link from the patient's self-service page.
    const mail = await t.db
      .select()
      .from(schema.outboxMessages)
      .where(eq(schema.outboxMessages.bookingId, booked.id));
    expect(mail.filter((m) => m.kind === "booking.confirmation")).toEqual([]);
    const status = await getIntakeStatusForPatient(t.db, request!.patientId, {
      appSecret: DEV_APP_SECRET,
      webUrl: "http://localhost:3000",
    });
    expect(status?.url).toMatch(INTAKE_LINK);
  });

  it("moves a form nobody has started to the newest version", async () => {
    const booked = await bookWithJason(6);
    const link = INTAKE_LINK.exec((await confirmationOf(booked.booking.id)).textBody)![1]!;
    const opened = await t.client().intake.byToken.query({ token: link });
    expect(opened.state === "open" && opened.definition.title).toBe("Tell us about you");
  });

  it("puts the answers in the patient's export, and never in an email or a log line", async () => {
    const data = await staff.owner.client.patients.exportData.mutate({ id: patientId });
    expect(data.intakeForms).toEqual([
      expect.objectContaining({
        status: "submitted",
        formVersion: 1,
        answers: expect.objectContaining({ "main-concern": SECRET_CONCERN }),
      }),
    ]);
    // The link in the exported copy of the confirmation is removed.
    expect(JSON.stringify(data)).not.toContain(token);

    const mail = await t.db.select().from(schema.outboxMessages);
    const bodies = mail.map((m) => `${m.subject}\n${m.textBody}\n${m.htmlBody}`).join("\n");
    expect(bodies).not.toContain(SECRET_CONCERN);
    expect(bodies).not.toContain(SECRET_HISTORY);
    const logs = t.logger.lines.join("\n");
    expect(logs).not.toContain(SECRET_CONCERN);
    expect(logs).not.toContain(token);
  });

  it("stops a link once it expires", async () => {
    const booked = await bookWithJason(9);
    const link = INTAKE_LINK.exec((await confirmationOf(booked.booking.id)).textBody)![1]!;
    t.clock.advance(60 * 86_400_000);
    expect((await t.client().intake.byToken.query({ token: link })).state).toBe("expired");
    const refused = await failure(
      t.client().intake.saveByToken.mutate({ token: link, answers: { "main-concern": "late" } }),
    );
    expect(refused.code).toBe("NOT_FOUND");
  });
});
