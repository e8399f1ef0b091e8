import { datesBetween } from "@clinic/domain";
import { upcomingPublicHolidays } from "@clinic/domain/holidays";
import { TZDate } from "@date-fns/tz";
import { addDays } from "date-fns";
import { count, sql } from "drizzle-orm";
import { type Database, SCHEMA_LOCK_KEY, type Transaction } from "../database.js";
import { hashPassword } from "../passwords.js";
import { saveClinicSettings } from "../queries/settings.js";
import {
  clinicClosures,
  clinicSettings,
  enquiries as enquiriesTable,
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
import { insertDemoBookings } from "./demo-bookings.js";
import { insertDemoIntakeForm } from "./intake-form.js";

/** The demo owner's password in development; a deployment sets `SEED_OWNER_PASSWORD`. */
export const DEMO_OWNER_PASSWORD = "westside-demo-owner";
export const demoOwnerEmail = content.owner.email;

export interface SeedOptions {
  now?: Date;
  ownerPassword?: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whether the database has no clinic yet. */
export async function isEmpty(db: Database): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(clinicSettings);
  return (row?.n ?? 0) === 0;
}

/** Seeds the demo clinic when the database is empty; returns whether it did. */
export async function seedIfEmpty(db: Database, options: SeedOptions = {}): Promise<boolean> {
  if (!(await isEmpty(db))) return false;
  return seedDemoClinic(db, options);
}

/**
 * Writes the whole demo clinic in one transaction, with dates relative to
 * `now` in the clinic's time zone. Runs only on an empty database; returns
 * whether it wrote anything (false when another process seeded first).
 */
export async function seedDemoClinic(db: Database, options: SeedOptions = {}): Promise<boolean> {
  const now = options.now ?? new Date();
  const ownerPasswordHash = await hashPassword(options.ownerPassword ?? DEMO_OWNER_PASSWORD);
  return db.transaction(async (tx) => {
    // Two instances starting on an empty database both find it empty. The lock migrations take
    // makes the second wait here until the first commits; its emptiness check, a new statement
    // under read committed, then sees the first one's clinic and it leaves it alone.
    await tx.execute(sql`select pg_advisory_xact_lock(${SCHEMA_LOCK_KEY})`);
    const [existing] = await tx.select({ n: count() }).from(clinicSettings);
    if ((existing?.n ?? 0) > 0) return false;
    await saveClinicSettings(tx, { ...content.clinic });
    const practitionerIds = await insertPractitioners(tx);
    const serviceIds = await insertServices(tx, practitionerIds);
    await insertSchedules(tx, practitionerIds, now);
    const closedDates = await insertHolidayClosures(tx, now);
    await insertPosts(tx, practitionerIds, now);
    await insertReviews(tx, practitionerIds, now);
    await insertEnquiries(tx, now);
    await insertDemoIntakeForm(tx, now, content.owner.name);
    await insertDemoBookings(tx, practitionerIds, serviceIds, localToday(now), closedDates);
    await tx.insert(staffUsers).values({
      email: content.owner.email,
      name: content.owner.name,
      role: "owner",
      passwordHash: ownerPasswordHash,
    });
    return true;
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

/**
 * The demo clinic has accepted the coming year's public holidays (from the
 * seed's clock), as a clinic would on day one; returns the closed dates.
 */
async function insertHolidayClosures(tx: Transaction, now: Date): Promise<Set<string>> {
  const region = content.clinic.holidayRegion;
  if (!region) return new Set();
  const holidays = upcomingPublicHolidays(region, now, content.clinic.timeZone);
  if (holidays.length === 0) return new Set();
  await tx
    .insert(clinicClosures)
    .values(holidays.map((h) => ({ startDate: h.startDate, endDate: h.endDate, reason: h.name })));
  return new Set(holidays.flatMap((h) => datesBetween(h.startDate, h.endDate)));
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
