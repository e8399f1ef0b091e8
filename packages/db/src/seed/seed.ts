import { TZDate } from "@date-fns/tz";
import { addDays, getISODay } from "date-fns";
import { count } from "drizzle-orm";
import type { Database, Transaction } from "../database.js";
import { hashPassword } from "../passwords.js";
import { saveClinicSettings } from "../queries/settings.js";
import {
  bookings as bookingsTable,
  clinicSettings,
  enquiries as enquiriesTable,
  patients,
  posts as postsTable,
  postTags,
  practitioners as practitionersTable,
  reviews as reviewsTable,
  servicePractitioners,
  services as servicesTable,
  staffUsers,
  timeOff as timeOffTable,
  workingHours,
} from "../schema.js";
import * as content from "./content.js";

/** The demo owner's password in development; a deployment sets `SEED_OWNER_PASSWORD`. */
export const DEMO_OWNER_PASSWORD = "westside-demo-owner";
export const demoOwnerEmail = content.owner.email;

export interface SeedOptions {
  now?: Date;
  ownerPassword?: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

function minutes(time: string): number {
  const [h = 0, m = 0] = time.split(":").map(Number);
  return h * 60 + m;
}

/** Whether the database has no clinic yet. */
export async function isEmpty(db: Database): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(clinicSettings);
  return (row?.n ?? 0) === 0;
}

/** Seeds the demo clinic when the database is empty; returns whether it did. */
export async function seedIfEmpty(db: Database, options: SeedOptions = {}): Promise<boolean> {
  if (!(await isEmpty(db))) return false;
  await seedDemoClinic(db, options);
  return true;
}

/**
 * Writes the whole demo clinic in one transaction, with dates relative to
 * `now` in the clinic's time zone. Runs only on an empty database.
 */
export async function seedDemoClinic(db: Database, options: SeedOptions = {}): Promise<void> {
  const now = options.now ?? new Date();
  const ownerPasswordHash = await hashPassword(options.ownerPassword ?? DEMO_OWNER_PASSWORD);
  await db.transaction(async (tx) => {
    // Re-checked inside the transaction so two instances starting together seed once.
    const [existing] = await tx.select({ n: count() }).from(clinicSettings);
    if ((existing?.n ?? 0) > 0) return;
    await saveClinicSettings(tx, { ...content.clinic });
    const practitionerIds = await insertPractitioners(tx);
    const serviceIds = await insertServices(tx, practitionerIds);
    await insertSchedules(tx, practitionerIds, now);
    await insertPosts(tx, practitionerIds, now);
    await insertReviews(tx, practitionerIds, now);
    await insertEnquiries(tx, now);
    await insertBookings(tx, practitionerIds, serviceIds, now);
    await insertRecentPastBookings(tx, practitionerIds, serviceIds, now);
    await tx.insert(staffUsers).values({
      email: content.owner.email,
      name: content.owner.name,
      role: "owner",
      passwordHash: ownerPasswordHash,
    });
  });
}

async function insertPractitioners(tx: Transaction): Promise<Map<string, string>> {
  const rows = await tx
    .insert(practitionersTable)
    .values(content.practitioners.map((p) => ({ ...p, photoUrl: null })))
    .returning({ id: practitionersTable.id, slug: practitionersTable.slug });
  return new Map(rows.map((r) => [r.slug, r.id]));
}

async function insertServices(
  tx: Transaction,
  practitionerIds: Map<string, string>,
): Promise<Map<string, string>> {
  const rows = await tx
    .insert(servicesTable)
    .values(content.services.map(({ practitionerSlugs: _, ...service }) => service))
    .returning({ id: servicesTable.id, slug: servicesTable.slug });
  const serviceIds = new Map(rows.map((r) => [r.slug, r.id]));
  const links = content.services.flatMap((service) =>
    service.practitionerSlugs.map((slug) => ({
      serviceId: serviceIds.get(service.slug)!,
      practitionerId: practitionerIds.get(slug)!,
    })),
  );
  if (links.length > 0) await tx.insert(servicePractitioners).values(links);
  return serviceIds;
}

function localToday(now: Date): TZDate {
  const local = new TZDate(now, content.clinic.timeZone);
  return new TZDate(
    local.getFullYear(),
    local.getMonth(),
    local.getDate(),
    0,
    0,
    content.clinic.timeZone,
  );
}

function localDate(day: Date): string {
  return `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, "0")}-${String(day.getDate()).padStart(2, "0")}`;
}

async function insertSchedules(
  tx: Transaction,
  practitionerIds: Map<string, string>,
  now: Date,
): Promise<void> {
  const hours = Object.entries(content.weeklyHours).flatMap(([slug, ranges]) =>
    ranges.map((r) => ({
      practitionerId: practitionerIds.get(slug)!,
      weekday: r.weekday,
      startTime: r.start,
      endTime: r.end,
    })),
  );
  await tx.insert(workingHours).values(hours);
  const today = localToday(now);
  if (content.timeOff.length > 0) {
    await tx.insert(timeOffTable).values(
      content.timeOff.map((t) => {
        const day = localDate(addDays(today, t.daysFromNow));
        return {
          practitionerId: practitionerIds.get(t.practitionerSlug)!,
          startDate: day,
          endDate: day,
          reason: t.reason,
        };
      }),
    );
  }
}

async function insertPosts(
  tx: Transaction,
  practitionerIds: Map<string, string>,
  now: Date,
): Promise<void> {
  for (const post of content.posts) {
    const [row] = await tx
      .insert(postsTable)
      .values({
        slug: post.slug,
        title: post.title,
        excerpt: post.excerpt,
        body: post.body,
        authorId: practitionerIds.get(post.authorSlug) ?? null,
        status: post.status,
        publishedAt: post.daysAgo === null ? null : new Date(now.getTime() - post.daysAgo * DAY_MS),
      })
      .returning({ id: postsTable.id });
    if (post.tags.length > 0) {
      await tx.insert(postTags).values(post.tags.map((tag) => ({ postId: row!.id, tag })));
    }
  }
}

async function insertReviews(
  tx: Transaction,
  practitionerIds: Map<string, string>,
  now: Date,
): Promise<void> {
  await tx.insert(reviewsTable).values(
    content.testimonials.map((t) => {
      const createdAt = new Date(now.getTime() - t.daysAgo * DAY_MS);
      return {
        authorName: t.authorName,
        rating: t.rating,
        body: t.body,
        email: t.email,
        practitionerId: t.practitionerSlug
          ? (practitionerIds.get(t.practitionerSlug) ?? null)
          : null,
        status: t.status,
        featured: t.featured,
        createdAt,
        moderatedAt: t.status === "pending" ? null : createdAt,
      };
    }),
  );
}

async function insertEnquiries(tx: Transaction, now: Date): Promise<void> {
  await tx.insert(enquiriesTable).values(
    content.enquiries.map((e) => {
      const createdAt = new Date(now.getTime() - e.daysAgo * DAY_MS);
      return { ...e, createdAt, updatedAt: createdAt };
    }),
  );
}

/**
 * Places the demo bookings on days the practitioner works (and is not off),
 * inside their hours and clear of each other, so the exclusion constraint holds.
 */
async function insertBookings(
  tx: Transaction,
  practitionerIds: Map<string, string>,
  serviceIds: Map<string, string>,
  now: Date,
): Promise<void> {
  const zone = content.clinic.timeZone;
  const today = localToday(now);
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
      if (!fits || daysOff.has(offset)) continue;
      const startsAt = new TZDate(
        day.getFullYear(),
        day.getMonth(),
        day.getDate(),
        Math.floor(startMinute / 60),
        startMinute % 60,
        zone,
      );
      const endsAt = new Date(startsAt.getTime() + service.durationMinutes * 60_000);
      const blockStart = startsAt.getTime() - service.bufferBeforeMinutes * 60_000;
      const blockEnd = endsAt.getTime() + service.bufferAfterMinutes * 60_000;
      const clash = placed.some(
        (p) => p.practitionerId === practitionerId && p.start < blockEnd && blockStart < p.end,
      );
      if (clash) continue;
      placed.push({ practitionerId, start: blockStart, end: blockEnd });
      const [patient] = await tx
        .insert(patients)
        .values(booking.patient)
        .onConflictDoUpdate({ target: patients.email, set: { name: booking.patient.name } })
        .returning({ id: patients.id });
      await tx.insert(bookingsTable).values({
        serviceId: serviceIds.get(booking.serviceSlug)!,
        practitionerId,
        patientId: patient!.id,
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
  now: Date,
): Promise<void> {
  const zone = content.clinic.timeZone;
  const today = localToday(now);
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
      const startsAt = new TZDate(
        day.getFullYear(),
        day.getMonth(),
        day.getDate(),
        Math.floor(startMinute / 60),
        startMinute % 60,
        zone,
      );
      const endsAt = new Date(startsAt.getTime() + service.durationMinutes * 60_000);
      const patient = pastPatients[index++ % pastPatients.length]!;
      const [row] = await tx
        .insert(patients)
        .values(patient)
        .onConflictDoUpdate({ target: patients.email, set: { name: patient.name } })
        .returning({ id: patients.id });
      await tx.insert(bookingsTable).values({
        serviceId: serviceIds.get(service.slug)!,
        practitionerId,
        patientId: row!.id,
        startsAt: new Date(startsAt.getTime()),
        endsAt,
        during: {
          start: new Date(startsAt.getTime() - service.bufferBeforeMinutes * 60_000),
          end: new Date(endsAt.getTime() + service.bufferAfterMinutes * 60_000),
        },
        notes: "Regular maintenance visit.",
        createdAt: new Date(startsAt.getTime() - 7 * DAY_MS),
      });
      break;
    }
  }
}
