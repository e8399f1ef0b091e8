import { listTreatmentPlansForPatient, schema } from "@clinic/db";
import { testDrivers } from "@clinic/db/testing";
import { and, eq, inArray, isNotNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  auditRows,
  createTestApp,
  demoClinic,
  demoStaff,
  failure,
  type signedInStaff,
} from "../testing/index.js";

type Staff = Awaited<ReturnType<typeof signedInStaff>>;
const at = (iso: string) => new Date(iso);
// Tuesdays at 09:00 Sydney time, across the first Sunday of April 2027 (clocks go back).
const TUESDAYS = [
  "2027-03-16T09:00:00+11:00",
  "2027-03-23T09:00:00+11:00",
  "2027-03-30T09:00:00+11:00",
  "2027-04-06T09:00:00+10:00",
].map(at);
const patient = (n: number) => ({
  name: `Plan Patient ${n}`,
  email: `plan${n}@example.com`,
  phone: `0413 000 ${String(n).padStart(3, "0")}`,
});

describe.each(testDrivers)("treatment plans on %s", (driver) => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let serviceId: string;
  let jasonId: string;
  let joeyId: string;
  let frontDesk: Staff;
  let owner: Staff;
  let jason: Staff;
  let joey: Staff;

  beforeAll(async () => {
    t = await createTestApp({ driver });
    ({ serviceId, jasonId, joeyId } = await demoClinic(t));
    ({ frontDesk, owner, jason, joey } = await demoStaff(t, { jasonId, joeyId }));
  }, 180_000);
  afterAll(() => t.close());

  const rule = (firstStart: Date, practitionerId: string, occurrenceCount = 4) => ({
    serviceId,
    practitionerId,
    firstStart,
    intervalCount: 1,
    intervalUnit: "week" as const,
    occurrenceCount,
  });
  const messages = (bookingIds: string[]) =>
    t.db
      .select()
      .from(schema.outboxMessages)
      .where(inArray(schema.outboxMessages.bookingId, bookingIds));
  const patientBookings = async (email: string) => {
    const [p] = await t.db.select().from(schema.patients).where(eq(schema.patients.email, email));
    if (!p) return [];
    return t.db.select().from(schema.bookings).where(eq(schema.bookings.patientId, p.id));
  };

  it("previews every appointment at the same local time across a daylight-saving change", async () => {
    const preview = await frontDesk.client.treatmentPlans.preview.query(
      rule(TUESDAYS[0]!, jasonId),
    );
    expect(preview.occurrences.map((o) => [o.index, o.date, o.time, o.status])).toEqual([
      [1, "2027-03-16", "09:00", "bookable"],
      [2, "2027-03-23", "09:00", "bookable"],
      [3, "2027-03-30", "09:00", "bookable"],
      [4, "2027-04-06", "09:00", "bookable"],
    ]);
    expect(preview.occurrences.map((o) => o.start.toISOString())).toEqual(
      TUESDAYS.map((d) => d.toISOString()),
    );
    expect(preview.occurrences[0]!.practitioner?.id).toBe(jasonId);
    // Nothing written.
    expect(await t.db.select().from(schema.treatmentPlans)).toHaveLength(0);
  });

  it("books the confirmed subset with an alternative, in one email with one .ics of every event", async () => {
    // Someone else has Jason at 09:00 on the second Tuesday.
    const other = await frontDesk.client.bookings.createForPatient.mutate({
      serviceId,
      practitionerId: jasonId,
      start: TUESDAYS[1]!,
      patient: patient(90),
    });
    const preview = await frontDesk.client.treatmentPlans.preview.query(
      rule(TUESDAYS[0]!, jasonId),
    );
    const second = preview.occurrences[1]!;
    expect(second.status).toBe("conflict");
    expect(second.reason).toBe("Already booked at that time");
    expect(second.alternatives.length).toBeGreaterThan(0);
    const alternative = second.alternatives[0]!;
    // The nearest free time is on the same morning, clear of the other booking.
    expect(Math.abs(alternative.start.getTime() - TUESDAYS[1]!.getTime())).toBeLessThanOrEqual(
      3 * 3_600_000,
    );

    const plan = await frontDesk.client.treatmentPlans.create.mutate({
      ...rule(TUESDAYS[0]!, jasonId),
      patient: patient(1),
      notes: "Lower back, weekly",
      appointments: [
        { index: 1, start: TUESDAYS[0]!, practitionerId: jasonId },
        { index: 2, start: alternative.start, practitionerId: alternative.practitioner.id },
        { index: 4, start: TUESDAYS[3]!, practitionerId: jasonId },
      ],
    });
    expect(plan.bookings.map((b) => [b.position, b.status])).toEqual([
      [1, "confirmed"],
      [2, "confirmed"],
      [3, "confirmed"],
    ]);
    expect(plan.practitioner?.id).toBe(jasonId);
    const ids = plan.bookings.map((b) => b.id);
    const rows = await t.db.select().from(schema.bookings).where(inArray(schema.bookings.id, ids));
    for (const row of rows) {
      expect(row.treatmentPlanId).toBe(plan.id);
      expect(row.manageTokenHash).not.toBeNull();
    }

    const sent = await messages([...ids, other.id]);
    const mine = sent.filter((m) => m.bookingId !== other.id);
    const kinds = mine.map((m) => m.kind).sort();
    expect(kinds).toEqual([
      "booking.reminder",
      "booking.reminder",
      "booking.reminder",
      "treatment_plan.clinic_notice",
      "treatment_plan.confirmation",
    ]);
    const confirmation = mine.find((m) => m.kind === "treatment_plan.confirmation")!;
    expect(confirmation.toAddress).toBe("plan1@example.com");
    expect(confirmation.textBody).toContain("Tuesday 16 March 2027, 9:00 am AEDT");
    expect(confirmation.textBody).toContain("Tuesday 6 April 2027, 9:00 am AEST");
    expect(confirmation.textBody.match(/\/manage\//g)).toHaveLength(3);
    // A new patient: the one email links to the clinic's intake form too (decision 029).
    expect(confirmation.textBody).toMatch(/new patient form\.[^\n]*\n\S+\/intake\/[\w-]{20,}/);
    expect(confirmation.htmlBody).toMatch(/href="[^"]+\/intake\/[\w-]{20,}"/);
    expect(confirmation.attachments).toHaveLength(1);
    const ics = confirmation.attachments[0]!.content;
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(3);
    for (const id of ids) expect(ics).toContain(`UID:${id}@`);
    expect(ics).toContain("DTSTART:20270405T230000Z");

    const [created] = await auditRows(t, "treatment_plan.create");
    expect(created?.entityId).toBe(plan.id);
  });

  it("refuses a plan whose appointment was taken since the preview, naming it, writing nothing", async () => {
    const first = at("2027-05-04T09:00:00+10:00");
    const preview = await frontDesk.client.treatmentPlans.preview.query(rule(first, jasonId, 3));
    expect(preview.bookable).toBe(3);
    await frontDesk.client.bookings.createForPatient.mutate({
      serviceId,
      practitionerId: jasonId,
      start: preview.occurrences[2]!.start,
      patient: patient(91),
    });
    const refused = await failure(
      frontDesk.client.treatmentPlans.create.mutate({
        ...rule(first, jasonId, 3),
        patient: patient(2),
        appointments: preview.occurrences.map((o) => ({
          index: o.index,
          start: o.start,
          practitionerId: o.practitioner!.id,
        })),
      }),
    );
    expect(refused.code).toBe("CONFLICT");
    expect(refused.message).toMatch(/^Appointment 3 \(Tuesday 18 May 2027, 9:00 am AEST\)/);
    expect(refused.fieldErrors?.["appointments.2.start"]).toBeDefined();
    expect(refused.details).toMatchObject({ index: 3 });
    expect(await patientBookings("plan2@example.com")).toHaveLength(0);
  });

  it("lets the database settle two plans racing for the same times: one wins, the other writes nothing", async () => {
    const first = at("2027-06-01T10:00:00+10:00");
    const appointments = [0, 1].map((week) => ({
      index: week + 1,
      start: new Date(first.getTime() + week * 7 * 86_400_000),
      practitionerId: joeyId,
    }));
    const attempt = (n: number) =>
      owner.client.treatmentPlans.create.mutate({
        ...rule(first, joeyId, 2),
        patient: patient(n),
        appointments,
      });
    const results = await Promise.allSettled([attempt(3), attempt(4)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const lost = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    const refused = await failure(Promise.reject(lost.reason));
    expect(refused.code).toBe("CONFLICT");
    expect(refused.message).toMatch(/^Appointment 1 /);
    const loser = results[0]!.status === "rejected" ? 3 : 4;
    expect(await patientBookings(`plan${loser}@example.com`)).toHaveLength(0);
    const plans = await t.db.select().from(schema.treatmentPlans);
    const [loserRow] = await t.db
      .select()
      .from(schema.patients)
      .where(eq(schema.patients.email, `plan${loser}@example.com`));
    expect(plans.filter((p) => p.patientId === loserRow?.id)).toHaveLength(0);
  });

  it("answers a repeated idempotency key with the plan it made", async () => {
    const first = at("2027-07-06T11:00:00+10:00");
    const input = {
      ...rule(first, jasonId, 2),
      patient: patient(5),
      idempotencyKey: "plan-key-0123456789abcdef",
      appointments: [
        { index: 1, start: first, practitionerId: jasonId },
        { index: 2, start: new Date(first.getTime() + 7 * 86_400_000), practitionerId: jasonId },
      ],
    };
    const once = await frontDesk.client.treatmentPlans.create.mutate(input);
    const twice = await frontDesk.client.treatmentPlans.create.mutate(input);
    expect(twice.id).toBe(once.id);
    expect(await patientBookings("plan5@example.com")).toHaveLength(2);
  });

  it("shows a booking's place in its plan and cancels it and the rest with one email", async () => {
    const [p] = await t.db
      .select()
      .from(schema.patients)
      .where(eq(schema.patients.email, "plan1@example.com"));
    const plans = await listTreatmentPlansForPatient(t.db, p!.id);
    expect(plans).toHaveLength(1);
    const plan = plans[0]!;
    expect(plan.bookings).toHaveLength(3);
    const second = plan.bookings[1]!;

    const place = await frontDesk.client.treatmentPlans.forBooking.query({ bookingId: second.id });
    expect(place).toMatchObject({ position: 2, total: 3, canCancelRest: true });
    // Joey may not cancel Jason's appointments.
    expect(
      (await joey.client.treatmentPlans.forBooking.query({ bookingId: second.id }))?.canCancelRest,
    ).toBe(false);
    expect(
      (
        await failure(
          joey.client.treatmentPlans.cancelRest.mutate({ bookingId: second.id, reason: "No" }),
        )
      ).code,
    ).toBe("FORBIDDEN");

    const result = await jason.client.treatmentPlans.cancelRest.mutate({
      bookingId: second.id,
      reason: "Moving interstate",
    });
    expect(result.cancelled).toBe(2);
    expect(result.plan.plan.bookings.map((b) => b.status)).toEqual([
      "confirmed",
      "cancelled",
      "cancelled",
    ]);
    const ids = plan.bookings.map((b) => b.id);
    const sent = await messages(ids);
    const cancelled = sent.filter((m) => m.kind === "treatment_plan.cancelled");
    expect(cancelled).toHaveLength(1);
    expect(cancelled[0]!.textBody).toContain("Tuesday 6 April 2027, 9:00 am AEST");
    expect(cancelled[0]!.textBody).not.toContain("16 March");
    expect(cancelled[0]!.attachments[0]!.content.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    expect(cancelled[0]!.attachments[0]!.content).toContain("METHOD:CANCEL");
    // The cancelled ones lost their reminders; the first keeps its own.
    const reminders = sent.filter((m) => m.kind === "booking.reminder");
    expect(reminders.map((m) => m.bookingId)).toEqual([ids[0]]);
    expect(sent.filter((m) => m.kind === "booking.cancelled")).toHaveLength(0);

    const patientPage = await frontDesk.client.treatmentPlans.forPatient.query({
      patientId: p!.id,
    });
    expect(patientPage.plans[0]!.bookings.map((b) => b.status)).toEqual([
      "confirmed",
      "cancelled",
      "cancelled",
    ]);
    // The patient's data export names the plan and its bookings (decision 018).
    const exported = await owner.client.patients.exportData.mutate({ id: p!.id });
    expect(exported.treatmentPlans).toEqual([
      expect.objectContaining({ id: plan.id, intervalUnit: "week", bookingIds: ids }),
    ]);
  });

  it("holds plans to the booking permissions: practitioners plan in their own diary", async () => {
    const first = at("2027-08-03T09:00:00+10:00");
    const forJason = await failure(joey.client.treatmentPlans.preview.query(rule(first, jasonId)));
    expect(forJason.code).toBe("FORBIDDEN");
    // Joey's "any" is Joey.
    const own = await joey.client.treatmentPlans.preview.query(rule(first, "any"));
    expect(own.practitionerId).toBe(joeyId);
    const anonymous = await failure(t.client().treatmentPlans.preview.query(rule(first, jasonId)));
    expect(anonymous.code).toBe("UNAUTHORIZED");
  });

  it("refuses bad appointments by field, writing nothing", async () => {
    const first = at("2027-08-10T09:00:00+10:00");
    const tooFar = await failure(
      frontDesk.client.treatmentPlans.create.mutate({
        ...rule(first, jasonId, 2),
        patient: patient(6),
        appointments: [{ index: 5, start: first, practitionerId: jasonId }],
      }),
    );
    expect(tooFar.code).toBe("BAD_REQUEST");
    expect(tooFar.fieldErrors?.["appointments.0.index"]).toBeDefined();
    const past = await failure(
      frontDesk.client.treatmentPlans.preview.query(rule(at("2027-01-05T09:00:00+11:00"), jasonId)),
    );
    expect(past.fieldErrors?.firstStart).toEqual(["That time is in the past"]);
    expect(await patientBookings("plan6@example.com")).toHaveLength(0);
  });

  it("counts plans and their bookings in the practice report", async () => {
    const report = await owner.client.reports.practice.query({
      period: "month",
      from: "2027-03-01",
    });
    // Patient 1's plan started on 16 March; its March bookings not cancelled: just the first.
    expect(report.treatmentPlans.started).toBe(1);
    expect(report.treatmentPlans.bookings).toBe(1);
    const planned = await t.db
      .select()
      .from(schema.bookings)
      .where(
        and(isNotNull(schema.bookings.treatmentPlanId), eq(schema.bookings.status, "confirmed")),
      );
    expect(planned.length).toBeGreaterThan(1);
  });
  it("tells webhook endpoints of each appointment booked, and of each one cancelled with the rest", async () => {
    await owner.client.webhooks.create.mutate({
      url: "https://hooks.example.com/clinic",
      description: "Practice management",
      events: ["booking.created", "booking.cancelled"],
      enabled: true,
    });
    const thursdays = ["2027-06-03", "2027-06-10", "2027-06-17"].map((d) =>
      at(`${d}T10:00:00+10:00`),
    );
    const plan = await frontDesk.client.treatmentPlans.create.mutate({
      ...rule(thursdays[0]!, joeyId, 3),
      patient: patient(7),
      notes: "",
      appointments: thursdays.map((start, i) => ({ index: i + 1, start, practitionerId: joeyId })),
    });
    const ids = plan.bookings.map((b) => b.id);
    await frontDesk.client.treatmentPlans.cancelRest.mutate({ bookingId: ids[1]!, reason: "Away" });
    const events = (await t.db.select().from(schema.webhookEvents))
      .map((e) => e.payload as { type: string; data: { booking: { id: string } } })
      .filter((e) => ids.includes(e.data.booking.id));
    const of = (type: string) =>
      events
        .filter((e) => e.type === type)
        .map((e) => e.data.booking.id)
        .sort();
    expect(of("booking.created")).toEqual([...ids].sort());
    expect(of("booking.cancelled")).toEqual([ids[1]!, ids[2]!].sort());
  });
});
