import { randomBytes } from "node:crypto";
import { findBookingById, getClinicSettings } from "@clinic/db";
import { testDrivers } from "@clinic/db/testing";
import { addLocalDays, localDateOf } from "@clinic/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppContext } from "../context.js";
import { FieldError } from "../errors.js";
import { silentLogger } from "../logger.js";
import {
  createTestApp,
  demoClinic,
  failure,
  signedInStaff,
  type TestApp,
} from "../testing/index.js";
import { diskImageStore } from "../uploads/image-store.js";
import { moveToSlot } from "./booking-changes.js";
import { placeBooking } from "./place-booking.js";

// Issue 10: instants JavaScript accepts but no clinic means reached the slot engine before the
// past/horizon checks (`RangeError: Invalid time value`) or PostgreSQL ("date/time field value
// out of range"), and answered 500.
const FAR_INSTANTS = [
  "0001-01-01T00:00:00Z",
  "+275760-09-13T00:00:00Z",
  "-271821-04-20T00:00:00Z",
] as const;
const FAR_DATES = ["0001-01-01", "9999-12-31"] as const;
const YEARS = /between the years 2000 and 2999/;

describe.each(testDrivers)("instants and dates out of range (%s)", (driver) => {
  let t: TestApp;
  let serviceId: string;
  let jasonId: string;
  let owner: Awaited<ReturnType<typeof signedInStaff>>;
  let booking: { id: string; manageToken: string; startsAt: Date };

  beforeAll(async () => {
    t = await createTestApp({ driver });
    ({ serviceId, jasonId } = await demoClinic(t));
    owner = await signedInStaff(t, "owner");
    const from = localDateOf(t.now(), "Australia/Sydney");
    const { days } = await t.client().availability.slots.query({
      serviceId,
      practitionerId: jasonId,
      from: addLocalDays(from, 3),
      to: addLocalDays(from, 10),
    });
    const slot = days.flatMap((d) => d.slots)[0]!;
    const made = await t.client().bookings.create.mutate({
      serviceId,
      practitionerId: jasonId,
      start: slot.start,
      patient: { name: "Pat Range", email: "pat.range@example.com", phone: "0400 000 222" },
      idempotencyKey: randomBytes(12).toString("base64url"),
    });
    booking = { id: made.booking.id, manageToken: made.manageToken, startsAt: slot.start };
  });
  afterAll(() => t.close());

  const patient = { name: "Pat Far", email: "pat.far@example.com", phone: "0400 000 333" };

  it.each(FAR_INSTANTS)("bookings.create and createForPatient refuse %s on start", async (iso) => {
    const request = {
      serviceId,
      practitionerId: jasonId,
      start: new Date(iso),
      patient,
      idempotencyKey: randomBytes(12).toString("base64url"),
    };
    const errors = await Promise.all([
      failure(t.client().bookings.create.mutate(request)),
      failure(owner.client.bookings.createForPatient.mutate(request)),
    ]);
    for (const error of errors) {
      expect(error.code).toBe("BAD_REQUEST");
      expect(error.fieldErrors?.start?.[0]).toMatch(YEARS);
    }
  });

  it.each(FAR_INSTANTS)(
    "rescheduleByToken and staff reschedule refuse %s on start",
    async (iso) => {
      const errors = await Promise.all([
        failure(
          t.client().bookings.rescheduleByToken.mutate({
            token: booking.manageToken,
            start: new Date(iso),
          }),
        ),
        failure(owner.client.bookings.reschedule.mutate({ id: booking.id, start: new Date(iso) })),
      ]);
      for (const error of errors) {
        expect(error.code).toBe("BAD_REQUEST");
        expect(error.fieldErrors?.start?.[0]).toMatch(YEARS);
      }
      const unchanged = await t.client().bookings.byToken.query({ token: booking.manageToken });
      expect(unchanged.startsAt).toEqual(booking.startsAt);
    },
  );

  it.each(FAR_INSTANTS)("posts.schedule and audit.list refuse %s", async (iso) => {
    const schedule = await failure(
      owner.client.posts.schedule.mutate({ id: booking.id, publishedAt: new Date(iso) }),
    );
    expect(schedule.fieldErrors?.publishedAt?.[0]).toMatch(YEARS);
    const audit = await failure(owner.client.audit.list.query({ from: new Date(iso) }));
    expect(audit.fieldErrors?.from?.[0]).toMatch(YEARS);
  });

  it.each(FAR_DATES)("availability ranges, time off and closures refuse %s", async (date) => {
    const range = { serviceId, practitionerId: jasonId, from: date, to: date };
    // Each call's refusal is caught as it is made: awaited one by one, a later one would reject
    // unhandled while the first is checked.
    const errors = await Promise.all([
      failure(t.client().availability.slots.query(range)),
      failure(owner.client.bookings.availability.query(range)),
      failure(owner.client.bookings.list.query({ from: date, to: date })),
    ]);
    for (const error of errors) {
      expect(error.code).toBe("BAD_REQUEST");
      expect(error.fieldErrors?.from?.[0]).toMatch(YEARS);
    }
    const timeOff = await failure(
      owner.client.schedules.addTimeOff.mutate({
        practitionerId: jasonId,
        startDate: date,
        endDate: date,
        startTime: null,
        endTime: null,
        reason: "",
      }),
    );
    expect(timeOff.fieldErrors?.startDate?.[0]).toMatch(YEARS);
    const closures = await Promise.all([
      failure(
        owner.client.schedules.addClosure.mutate({ startDate: date, endDate: date, reason: "Far" }),
      ),
      failure(owner.client.schedules.previewClosure.query({ startDate: date, endDate: date })),
    ]);
    for (const error of closures) expect(error.fieldErrors?.startDate?.[0]).toMatch(YEARS);
  });

  // The services don't lean on the schemas: past and horizon are checked before any slot is
  // computed or local day derived, so a far instant that got past a schema is still a 400.
  it.each(FAR_INSTANTS)(
    "placing or moving a booking checks %s before computing slots",
    async (iso) => {
      const ctx: AppContext = {
        db: t.db,
        logger: silentLogger,
        now: t.now,
        webUrl: "http://localhost:3000",
        appSecret: "a-test-secret-of-at-least-32-characters",
        clientIp: "203.0.113.99",
        images: diskImageStore("/tmp"),
        devMailbox: false,
      };
      const settings = await getClinicSettings(t.db);
      const start = new Date(iso);
      const placed = await placeBooking(
        ctx,
        {
          serviceId,
          practitionerId: jasonId,
          start,
          patient,
          notes: "",
          contactConsent: false,
          idempotencyKey: null,
        },
        { rules: "online", by: { kind: "patient" }, settings },
      ).catch((e) => e);
      expect(placed).toBeInstanceOf(FieldError);
      expect(placed.issues[0].path).toEqual(["start"]);
      expect(placed.message).toMatch(/in the past|days ahead/);

      const details = (await findBookingById(t.db, booking.id))!;
      const moved = await moveToSlot(ctx, details, start, {
        rules: "staff",
        by: { kind: "patient" },
        settings,
        now: t.now(),
      }).catch((e) => e);
      expect(moved).toBeInstanceOf(FieldError);
      expect(moved.issues[0].path).toEqual(["start"]);
    },
  );
});
