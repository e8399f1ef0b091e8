import { TZDate } from "@date-fns/tz";
import { addDays, getISODay } from "date-fns";
import type { Transaction } from "../database.js";
import { bookings as bookingsTable, patients } from "../schema.js";
import * as content from "./content.js";

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

function minutes(time: string): number {
  const [h = 0, m = 0] = time.split(":").map(Number);
  return h * 60 + m;
}

/** The local date (`yyyy-MM-dd`) of a day in the clinic's zone (a TZDate). */
function calendarDate(day: Date): string {
  return `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, "0")}-${String(day.getDate()).padStart(2, "0")}`;
}

/** `minute` minutes past midnight on the clinic's local `day`. */
function atMinute(day: Date, minute: number): TZDate {
  return new TZDate(
    day.getFullYear(),
    day.getMonth(),
    day.getDate(),
    Math.floor(minute / 60),
    minute % 60,
    content.clinic.timeZone,
  );
}

/** The demo patient by email, created once (bookings share patients). */
async function seedPatient(
  tx: Transaction,
  patient: { name: string; email: string; phone: string },
): Promise<string> {
  const [row] = await tx
    .insert(patients)
    .values(patient)
    .onConflictDoUpdate({ target: patients.email, set: { name: patient.name } })
    .returning({ id: patients.id });
  return row!.id;
}

/**
 * The demo diary, relative to the clinic's `today`: the upcoming bookings,
 * then yesterday's visits still waiting to be marked.
 */
export async function insertDemoBookings(
  tx: Transaction,
  practitionerIds: Map<string, string>,
  serviceIds: Map<string, string>,
  today: TZDate,
  closedDates: ReadonlySet<string> = new Set(),
): Promise<void> {
  await insertBookings(tx, practitionerIds, serviceIds, today, closedDates);
  await insertRecentPastBookings(tx, practitionerIds, serviceIds, today);
}

/**
 * Places the demo bookings on days the practitioner works (and is not off),
 * inside their hours and clear of each other, so the exclusion constraint holds.
 */
async function insertBookings(
  tx: Transaction,
  practitionerIds: Map<string, string>,
  serviceIds: Map<string, string>,
  today: TZDate,
  closedDates: ReadonlySet<string>,
): Promise<void> {
  const placed: { practitionerId: string; start: number; end: number }[] = [];
  for (const booking of content.bookings) {
    const service = content.services.find((s) => s.slug === booking.serviceSlug)!;
    const practitionerId = practitionerIds.get(booking.practitionerSlug)!;
    const ranges = content.weeklyHours[booking.practitionerSlug] ?? [];
    const daysOff = new Set(
      content.timeOff
        .filter((t) => t.practitionerSlug === booking.practitionerSlug)
        .map((t) => t.daysFromNow),
    );
    const startMinute = minutes(booking.time);
    const endMinute = startMinute + service.durationMinutes + service.bufferAfterMinutes;
    for (
      let offset = Math.max(1, booking.daysFromNow);
      offset < booking.daysFromNow + 28;
      offset++
    ) {
      const day = addDays(today, offset);
      const fits = ranges.some(
        (r) =>
          r.weekday === getISODay(day) &&
          minutes(r.start) <= startMinute - service.bufferBeforeMinutes &&
          minutes(r.end) >= endMinute,
      );
      if (!fits || daysOff.has(offset) || closedDates.has(calendarDate(day))) continue;
      const startsAt = atMinute(day, startMinute);
      const endsAt = new Date(startsAt.getTime() + service.durationMinutes * 60_000);
      const blockStart = startsAt.getTime() - service.bufferBeforeMinutes * 60_000;
      const blockEnd = endsAt.getTime() + service.bufferAfterMinutes * 60_000;
      const clash = placed.some(
        (p) => p.practitionerId === practitionerId && p.start < blockEnd && blockStart < p.end,
      );
      if (clash) continue;
      placed.push({ practitionerId, start: blockStart, end: blockEnd });
      const patientId = await seedPatient(tx, booking.patient);
      await tx.insert(bookingsTable).values({
        serviceId: serviceIds.get(booking.serviceSlug)!,
        practitionerId,
        patientId,
        startsAt: new Date(startsAt.getTime()),
        endsAt,
        during: { start: new Date(blockStart), end: new Date(blockEnd) },
        notes: booking.notes,
      });
      break;
    }
  }
}

/**
 * One appointment per practitioner on their most recent working day before
 * today, still "confirmed": the diary a clinic opens with has yesterday's
 * visits waiting to be marked completed or no-show.
 */
async function insertRecentPastBookings(
  tx: Transaction,
  practitionerIds: Map<string, string>,
  serviceIds: Map<string, string>,
  today: TZDate,
): Promise<void> {
  const service =
    content.services.find((s) => s.slug === "follow-up-adjustment") ?? content.services[0]!;
  const pastPatients = [
    { name: "Morgan Ellis", email: "morgan.ellis@example.com", phone: "0412 555 101" },
    { name: "Priya Raman", email: "priya.raman@example.com", phone: "0412 555 102" },
  ];
  let index = 0;
  for (const [slug, ranges] of Object.entries(content.weeklyHours)) {
    const practitionerId = practitionerIds.get(slug)!;
    if (!service.practitionerSlugs.includes(slug)) continue;
    for (let back = 1; back <= 7; back++) {
      const day = addDays(today, -back);
      const range = ranges.find((r) => r.weekday === getISODay(day));
      if (!range) continue;
      const startMinute = minutes(range.start);
      const startsAt = atMinute(day, startMinute);
      const endsAt = new Date(startsAt.getTime() + service.durationMinutes * 60_000);
      const patientId = await seedPatient(tx, pastPatients[index++ % pastPatients.length]!);
      await tx.insert(bookingsTable).values({
        serviceId: serviceIds.get(service.slug)!,
        practitionerId,
        patientId,
        startsAt: new Date(startsAt.getTime()),
        endsAt,
        during: {
          start: new Date(startsAt.getTime() - service.bufferBeforeMinutes * 60_000),
          end: new Date(endsAt.getTime() + service.bufferAfterMinutes * 60_000),
        },
        notes: "Regular maintenance visit.",
        createdAt: new Date(startsAt.getTime() - WEEK_MS),
      });
      break;
    }
  }
}
