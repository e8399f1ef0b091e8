import { schema } from "@clinic/db";
import { testDrivers } from "@clinic/db/testing";
import { addLocalDays, boundaryInstantOf, localDateOf, localDay } from "@clinic/domain";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, demoClinic, demoStaff, type signedInStaff } from "../testing/index.js";

const zone = "Australia/Sydney";

/** The `n`th Monday at least three weeks after `now` (clear of the demo bookings), and instants on it. */
function mondayAhead(now: Date, n: number): { date: string; at: (hhmm: string) => Date } {
  let date = addLocalDays(localDateOf(now, zone), 21 + 7 * n);
  while (localDay(zone, date).weekday !== 1) date = addLocalDays(date, 1);
  const day = localDay(zone, date);
  return {
    date,
    at: (hhmm) => {
      const [h, m] = hhmm.split(":").map(Number);
      return new Date(boundaryInstantOf(zone, day, h! * 60 + m!));
    },
  };
}

describe.each(testDrivers)(
  "phone-only patients, bookings outside hours and moves on %s",
  (driver) => {
    let t: Awaited<ReturnType<typeof createTestApp>>;
    let serviceId: string;
    let jasonId: string;
    let joeyId: string;
    let owner: Awaited<ReturnType<typeof signedInStaff>>;
    let frontDesk: Awaited<ReturnType<typeof signedInStaff>>;
    let jason: Awaited<ReturnType<typeof signedInStaff>>;

    beforeAll(async () => {
      t = await createTestApp({ driver });
      ({ serviceId, jasonId, joeyId } = await demoClinic(t));
      ({ owner, frontDesk, jason } = await demoStaff(t, { jasonId, joeyId }));
    }, 180_000);
    afterAll(() => t.close());

    const auditRows = (entityId: string) =>
      t.db.select().from(schema.auditLog).where(eq(schema.auditLog.entityId, entityId));
    const outbox = (bookingId: string) =>
      t.db
        .select()
        .from(schema.outboxMessages)
        .where(eq(schema.outboxMessages.bookingId, bookingId));
    const bookingCount = async () => (await t.db.select().from(schema.bookings)).length;

    it("books a patient with only a phone: no patient emails, a manage link staff can read (audited)", async () => {
      const monday = mondayAhead(t.now(), 0);
      const booked = await frontDesk.client.bookings.createForPatient.mutate({
        serviceId,
        practitionerId: jasonId,
        start: monday.at("09:00"),
        patient: { name: "Nan Phoneonly", email: "", phone: "0400 111 222" },
      });
      expect(booked.patient).toMatchObject({ name: "Nan Phoneonly", email: null });
      expect(booked.hasManageLink).toBe(true);

      // Only the clinic's notice is queued: no confirmation, no reminder, and no failed rows.
      const queued = await outbox(booked.id);
      expect(queued.map((m) => m.kind)).toEqual(["booking.clinic_notice"]);
      // It says the booking came from the desk, not from the website.
      expect(queued[0]!.textBody).toContain("booked by the clinic's staff");

      const { manageUrl } = await frontDesk.client.bookings.manageLink.mutate({ id: booked.id });
      const token = manageUrl.split("/manage/")[1]!;
      const seen = await t.client().bookings.byToken.query({ token });
      expect(seen.id).toBe(booked.id);
      expect((await auditRows(booked.id)).map((a) => [a.action, a.actorId])).toEqual([
        ["booking.create", frontDesk.user.id],
        ["booking.read_manage_link", frontDesk.user.id],
      ]);

      // The same number, written differently, is the same patient; moving them emails no one.
      const again = await frontDesk.client.bookings.createForPatient.mutate({
        serviceId,
        practitionerId: jasonId,
        start: monday.at("10:00"),
        patient: { name: "Nan Phoneonly", phone: "0400111222" },
      });
      expect(again.patient.id).toBe(booked.patient.id);
      // Someone else on the same phone is another patient, and nobody is renamed.
      const family = await frontDesk.client.bookings.createForPatient.mutate({
        serviceId,
        practitionerId: jasonId,
        start: monday.at("14:00"),
        patient: { name: "Tom Phoneonly", phone: "0400 111 222" },
      });
      expect(family.patient.id).not.toBe(booked.patient.id);
      expect((await frontDesk.client.bookings.detail.query({ id: booked.id })).patient.name).toBe(
        "Nan Phoneonly",
      );
      const moved = await frontDesk.client.bookings.reschedule.mutate({
        id: again.id,
        start: monday.at("11:00"),
      });
      expect(moved.startsAt).toEqual(monday.at("11:00"));
      expect((await outbox(again.id)).map((m) => m.kind)).toEqual(["booking.clinic_notice"]);

      // Their data can be exported and erased like anyone's (decision 018).
      const file = await owner.client.patients.exportData.mutate({ id: booked.patient.id });
      expect(JSON.stringify(file)).toContain("0400 111 222");
      await owner.client.patients.erase.mutate({
        id: booked.patient.id,
        confirmName: "Nan Phoneonly",
      });
      const [row] = await t.db
        .select()
        .from(schema.patients)
        .where(eq(schema.patients.id, booked.patient.id));
      expect(row).toMatchObject({ phone: "", erasedAt: expect.any(Date) });
    });

    it("refuses a patient with neither phone nor email, next to the field", async () => {
      const before = await bookingCount();
      const error = await frontDesk.client.bookings.createForPatient
        .mutate({
          serviceId,
          practitionerId: jasonId,
          start: mondayAhead(t.now(), 0).at("11:00"),
          patient: { name: "No Contact", email: " ", phone: "" },
        })
        .catch((e) => e);
      expect(error.data?.code).toBe("BAD_REQUEST");
      expect(error.data?.fieldErrors?.["patient.phone"]).toEqual([
        "Enter a phone number or an email address",
      ]);
      expect(await bookingCount()).toBe(before);
    });

    it("books outside the usual hours only when asked, audits what was set aside, and never over another booking", async () => {
      const monday = mondayAhead(t.now(), 1);
      const request = (start: Date, outsideHours: boolean, phone: string) =>
        frontDesk.client.bookings.createForPatient.mutate({
          serviceId,
          practitionerId: jasonId,
          start,
          patient: { name: "Early Bird", phone },
          outsideHours,
        });

      // 7:00 is before Jason's hours: refused without the option, booked with it.
      const refused = await request(monday.at("07:00"), false, "0400 222 001").catch((e) => e);
      expect(refused.data?.code).toBe("BAD_REQUEST");
      expect(refused.data?.fieldErrors?.start).toBeDefined();
      const early = await request(monday.at("07:00"), true, "0400 222 001");
      expect(early.startsAt).toEqual(monday.at("07:00"));
      const [created] = await auditRows(early.id);
      expect(created!.changes).toMatchObject({
        outsideHours: { from: null, to: ["outside_hours"] },
      });

      // Over his lunch break (12:30–13:30) it says so.
      const lunch = await request(monday.at("12:45"), true, "0400 222 002");
      expect((await auditRows(lunch.id))[0]!.changes).toMatchObject({
        outsideHours: { from: null, to: ["break"] },
      });

      // The form's check says so first; staff who book anyway get a conflict on the time.
      expect(
        await frontDesk.client.bookings.checkOutsideHours.query({
          serviceId,
          practitionerId: jasonId,
          start: monday.at("07:15"),
        }),
      ).toEqual({ setAside: ["outside_hours"], overlapsBooking: true });
      // Over another booking the database refuses it: a conflict on the time, nothing written.
      const before = await bookingCount();
      const overlap = await request(monday.at("07:15"), true, "0400 222 003").catch((e) => e);
      expect(overlap.data?.code).toBe("CONFLICT");
      expect(overlap.data?.fieldErrors?.start?.[0]).toMatch(/overlaps another booking/);
      expect(await bookingCount()).toBe(before);

      // Never in the past, and never for "first available".
      const past = await request(
        new Date(t.now().getTime() - 3_600_000),
        true,
        "0400 222 004",
      ).catch((e) => e);
      expect(past.data?.fieldErrors?.start).toEqual(["That time is in the past"]);
      const anyone = await frontDesk.client.bookings.createForPatient
        .mutate({
          serviceId,
          practitionerId: "any",
          start: monday.at("06:00"),
          patient: { name: "Early Bird", phone: "0400 222 005" },
          outsideHours: true,
        })
        .catch((e) => e);
      expect(anyone.data?.fieldErrors?.practitionerId).toBeDefined();
    });

    it("moves a booking to another practitioner who offers the service, outside hours too", async () => {
      const monday = mondayAhead(t.now(), 2);
      const booked = await frontDesk.client.bookings.createForPatient.mutate({
        serviceId,
        practitionerId: jasonId,
        start: monday.at("09:00"),
        patient: { name: "Moving Patient", email: "moving@example.com", phone: "0400 333 001" },
      });

      // Joey starts at 9:00 on Mondays: 8:00 is outside his hours unless asked.
      const refused = await frontDesk.client.bookings.reschedule
        .mutate({ id: booked.id, start: monday.at("08:00"), practitionerId: joeyId })
        .catch((e) => e);
      expect(refused.data?.code).toBe("BAD_REQUEST");

      const withJoey = await frontDesk.client.bookings.reschedule.mutate({
        id: booked.id,
        start: monday.at("10:00"),
        practitionerId: joeyId,
      });
      expect(withJoey).toMatchObject({
        practitioner: { id: joeyId },
        startsAt: monday.at("10:00"),
      });
      const moved = (await auditRows(booked.id)).find((a) => a.action === "booking.reschedule");
      expect(moved!.changes).toMatchObject({ practitionerId: { from: jasonId, to: joeyId } });
      expect((await outbox(booked.id)).map((m) => m.kind)).toContain("booking.rescheduled");

      const early = await frontDesk.client.bookings.reschedule.mutate({
        id: booked.id,
        start: monday.at("08:00"),
        practitionerId: joeyId,
        outsideHours: true,
      });
      expect(early.startsAt).toEqual(monday.at("08:00"));
      const audits = (await auditRows(booked.id)).filter((a) => a.action === "booking.reschedule");
      expect(audits.at(-1)!.changes).toMatchObject({
        outsideHours: { from: null, to: ["outside_hours"] },
      });

      // A practitioner moves bookings within their own diary only.
      const own = await jason.client.bookings.createForPatient.mutate({
        serviceId,
        practitionerId: jasonId,
        start: monday.at("15:00"),
        patient: { name: "Jason's Patient", phone: "0400 333 002" },
      });
      const toJoey = await jason.client.bookings.reschedule
        .mutate({ id: own.id, start: monday.at("15:00"), practitionerId: joeyId })
        .catch((e) => e);
      expect(toJoey.data?.fieldErrors?.practitionerId).toBeDefined();
    });
  },
);
