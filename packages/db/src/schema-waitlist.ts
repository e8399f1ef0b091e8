import { sql } from "drizzle-orm";
import {
  check,
  date,
  index,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { bookings, practitioners, services, staffUsers } from "./schema.js";

// Its own helpers: schema.ts re-exports this module, so its own can't be read here yet.
const instant = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/**
 * A patient waiting for a time (decision 028): a service, a practitioner or anyone (NULL),
 * local dates and parts of the day, and how to reach them. Entries aren't tied to a patient
 * row: the person may never have booked; `email` (lowercased by the domain) finds theirs.
 */
export const waitlistEntries = pgTable(
  "waitlist_entries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    serviceId: uuid("service_id")
      .notNull()
      .references(() => services.id, { onDelete: "cascade" }),
    practitionerId: uuid("practitioner_id").references(() => practitioners.id, {
      onDelete: "cascade",
    }),
    fromDate: date("from_date").notNull(),
    toDate: date("to_date").notNull(),
    timesOfDay: text("times_of_day").array().notNull(),
    name: text("name").notNull(),
    email: text("email").notNull(),
    phone: text("phone").notNull(),
    status: text("status").notNull().default("waiting"),
    /** The booking an offer made for this entry, once claimed. */
    bookingId: uuid("booking_id").references(() => bookings.id, { onDelete: "set null" }),
    createdAt: instant("created_at").notNull().defaultNow(),
    updatedAt: instant("updated_at")
      .notNull()
      .defaultNow()
      .$onUpdate(() => new Date()),
  },
  (t) => [
    check("waitlist_entries_dates_ordered", sql`${t.toDate} >= ${t.fromDate}`),
    check("waitlist_entries_status", sql`${t.status} IN ('waiting', 'booked', 'removed')`),
    check("waitlist_entries_times_of_day", sql`cardinality(${t.timesOfDay}) >= 1`),
    index("waitlist_entries_status_idx").on(t.status, t.toDate),
    index("waitlist_entries_email_idx").on(t.email),
  ],
);

/**
 * A free time offered to one entry by email, with a claim link whose SHA-256 is the only
 * copy kept. The database holds the rules: an entry is never offered the same start twice,
 * and has at most one open offer at a time, so instances matching at once send one email.
 */
export const waitlistOffers = pgTable(
  "waitlist_offers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    entryId: uuid("entry_id")
      .notNull()
      .references(() => waitlistEntries.id, { onDelete: "cascade" }),
    startsAt: instant("starts_at").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    status: text("status").notNull().default("open"),
    expiresAt: instant("expires_at").notNull(),
    /** The staff member who offered it by hand; NULL when the matcher found it. */
    offeredById: uuid("offered_by_id").references(() => staffUsers.id, { onDelete: "set null" }),
    bookingId: uuid("booking_id").references(() => bookings.id, { onDelete: "set null" }),
    createdAt: instant("created_at").notNull().defaultNow(),
    resolvedAt: instant("resolved_at"),
  },
  (t) => [
    check(
      "waitlist_offers_status",
      sql`${t.status} IN ('open', 'claimed', 'expired', 'taken', 'withdrawn')`,
    ),
    uniqueIndex("waitlist_offers_entry_start_unique").on(t.entryId, t.startsAt),
    uniqueIndex("waitlist_offers_one_open_per_entry")
      .on(t.entryId)
      .where(sql`${t.status} = 'open'`),
    index("waitlist_offers_open_idx").on(t.status, t.expiresAt),
  ],
);
