import { randomUUID } from "node:crypto";
import { type Database, schema } from "@clinic/db";
import { eq } from "drizzle-orm";
import type { BookingEmailData } from "../email/templates.js";

/** Booking email input for tests: the demo clinic, a 45-minute appointment on Tuesday 8 December 2026, 9:30 am Sydney time. */
export function bookingEmailData(overrides: Partial<BookingEmailData> = {}): BookingEmailData {
  return {
    bookingId: "2f0c9a4e-1111-4222-8333-444455556666",
    manageUrl: "http://localhost:3000/manage/tok_abcdefghijklmnopqrstuvwxyz",
    calendarUrl: "http://localhost:4000/bookings/tok_abcdefghijklmnopqrstuvwxyz/calendar.ics",
    patient: { name: "Pat Runner", email: "pat@example.com", phone: "0400 111 222" },
    service: { name: "Initial assessment", durationMinutes: 45 },
    practitioner: { name: "Jason Lee" },
    // Tuesday 8 December 2026, 9:30 am in Sydney (daylight time, UTC+11).
    startsAt: new Date("2026-12-07T22:30:00Z"),
    endsAt: new Date("2026-12-07T23:15:00Z"),
    notes: "Left knee pain after long runs",
    sequence: 0,
    clinic: {
      name: "Westside Sports Chiro",
      email: "hello@westsidesportschiro.example",
      phone: "02 9000 1234",
      timeZone: "Australia/Sydney",
      emailSenderName: "Westside Sports Chiro",
      emailSenderAddress: "bookings@westsidesportschiro.example",
      address: {
        street: "Suite 3, 112 Norton Street",
        suburb: "Leichhardt",
        state: "NSW",
        postcode: "2040",
        country: "Australia",
      },
    },
    ...overrides,
  };
}

/**
 * Inserts a confirmed booking for the seeded demo clinic's first practitioner,
 * service and a new patient; returns what emails and calendars need of it.
 */
export async function insertTestBooking(
  db: Database,
  options: {
    startsAt: Date;
    endsAt?: Date;
    manageTokenHash?: string;
    practitionerId?: string;
    status?: "confirmed" | "cancelled" | "completed" | "no_show";
    notes?: string;
    patientName?: string;
  },
) {
  const [practitioner] = options.practitionerId
    ? await db
        .select()
        .from(schema.practitioners)
        .where(eq(schema.practitioners.id, options.practitionerId))
    : await db.select().from(schema.practitioners).orderBy(schema.practitioners.sortOrder).limit(1);
  const [service] = await db
    .select()
    .from(schema.services)
    .orderBy(schema.services.sortOrder)
    .limit(1);
  if (!practitioner || !service) throw new Error("seed the demo clinic first");
  const unique = randomUUID().slice(0, 8);
  const [patient] = await db
    .insert(schema.patients)
    .values({
      name: options.patientName ?? `Pat ${unique}`,
      email: `pat-${unique}@example.com`,
      phone: "0400 111 222",
    })
    .returning();
  const endsAt =
    options.endsAt ?? new Date(options.startsAt.getTime() + service.durationMinutes * 60_000);
  const [booking] = await db
    .insert(schema.bookings)
    .values({
      serviceId: service.id,
      practitionerId: practitioner.id,
      patientId: patient!.id,
      startsAt: options.startsAt,
      endsAt,
      during: { start: options.startsAt, end: endsAt },
      status: options.status ?? "confirmed",
      notes: options.notes ?? "",
      manageTokenHash: options.manageTokenHash ?? null,
    })
    .returning();
  return { booking: booking!, patient: patient!, practitioner, service };
}
