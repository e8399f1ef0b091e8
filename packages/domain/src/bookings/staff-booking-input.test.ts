import { describe, expect, it } from "vitest";
import {
  bookingCalendarInputSchema,
  patientSearchInputSchema,
  setBookingStatusInputSchema,
  staffCancelBookingInputSchema,
  staffCreateBookingInputSchema,
  staffPatientInputSchema,
} from "./staff-booking-input.js";

const ID = "3f1c2a9e-8b7d-4c6e-9a5f-1b2c3d4e5f60";
const paths = (result: { error?: { issues: { path: PropertyKey[] }[] } }) =>
  (result.error?.issues ?? []).map((i) => i.path.join("."));

describe("staff booking inputs", () => {
  it("limits the calendar to a forward range of at most 42 days", () => {
    expect(bookingCalendarInputSchema.parse({ from: "2026-03-02", to: "2026-03-08" })).toEqual({
      from: "2026-03-02",
      to: "2026-03-08",
      includeCancelled: false,
    });
    expect(
      paths(bookingCalendarInputSchema.safeParse({ from: "2026-03-08", to: "2026-03-02" })),
    ).toEqual(["to"]);
    expect(
      paths(bookingCalendarInputSchema.safeParse({ from: "2026-03-01", to: "2026-04-12" })),
    ).toEqual(["to"]);
    expect(
      bookingCalendarInputSchema.safeParse({ from: "2026-03-01", to: "2026-04-11" }).success,
    ).toBe(true);
  });

  it("only lets staff record attendance as completed or no-show", () => {
    expect(setBookingStatusInputSchema.safeParse({ id: ID, status: "no_show" }).success).toBe(true);
    expect(paths(setBookingStatusInputSchema.safeParse({ id: ID, status: "cancelled" }))).toEqual([
      "status",
    ]);
  });

  it("takes a patient with a phone, an email or both, but not neither", () => {
    expect(
      staffPatientInputSchema.parse({ name: "Nan", email: "", phone: "0400 111 222" }),
    ).toEqual({ name: "Nan", phone: "0400 111 222" });
    expect(staffPatientInputSchema.parse({ name: "Nan", email: "NAN@Example.com" })).toEqual({
      name: "Nan",
      email: "nan@example.com",
    });
    expect(
      paths(staffPatientInputSchema.safeParse({ name: "Nan", email: " ", phone: "" })),
    ).toEqual(["phone"]);
    expect(paths(staffPatientInputSchema.safeParse({ name: "Nan", phone: "12" }))).toEqual([
      "phone",
    ]);
  });

  it("needs a reason to cancel", () => {
    expect(paths(staffCancelBookingInputSchema.safeParse({ id: ID, reason: "  " }))).toEqual([
      "reason",
    ]);
  });

  it("validates a phone booking's patient like an online one, with an optional key", () => {
    const result = staffCreateBookingInputSchema.safeParse({
      serviceId: ID,
      practitionerId: "any",
      start: new Date("2027-02-09T09:15:00+11:00"),
      patient: { name: "Sam", email: "SAM@example.com", phone: "0412 345 678" },
    });
    expect(result.data?.patient.email).toBe("sam@example.com");
    expect(result.data?.notes).toBe("");
    expect(
      paths(
        staffCreateBookingInputSchema.safeParse({
          serviceId: ID,
          practitionerId: "any",
          start: new Date("2027-02-09T09:15:00+11:00"),
          patient: { name: "Sam", email: "nope", phone: "call me" },
        }),
      ),
    ).toEqual(["patient.email", "patient.phone"]);
  });

  it("pages patient searches from 1", () => {
    expect(patientSearchInputSchema.parse({})).toEqual({ page: 1 });
    expect(patientSearchInputSchema.parse({ query: "  lee " })).toEqual({ query: "lee", page: 1 });
    expect(patientSearchInputSchema.safeParse({ page: 0 }).success).toBe(false);
  });
});
