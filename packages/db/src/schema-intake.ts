import type { IntakeAnswers, IntakeFormDefinition } from "@clinic/domain";
import { sql } from "drizzle-orm";
import {
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
// The intake form's tables (decision 029), beside the main schema and re-exported by it; the
// references are thunks, so the two modules may import each other.
import { bookings, patients, staffUsers } from "./schema.js";

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/** The form the owner is editing: one row ("clinic"), published as a new version when ready. */
export const intakeFormDrafts = pgTable(
  "intake_form_drafts",
  {
    id: text("id").primaryKey().default("clinic"),
    definition: jsonb("definition").$type<IntakeFormDefinition>().notNull(),
    updatedBy: uuid("updated_by").references(() => staffUsers.id, { onDelete: "set null" }),
    updatedAt: instant("updated_at").notNull().defaultNow(),
  },
  (t) => [check("intake_form_drafts_one_row", sql`${t.id} = 'clinic'`)],
);

/** Each published version of the form, numbered 1, 2, …; never changed once written. */
export const intakeFormVersions = pgTable(
  "intake_form_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    version: integer("version").notNull(),
    /** The definition as published, checked by `intakeFormDefinitionSchema` before it is stored. */
    definition: jsonb("definition").$type<IntakeFormDefinition>().notNull(),
    publishedBy: uuid("published_by").references(() => staffUsers.id, { onDelete: "set null" }),
    publishedByName: text("published_by_name").notNull(),
    publishedAt: instant("published_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("intake_form_versions_version_unique").on(t.version),
    check("intake_form_versions_positive", sql`${t.version} > 0`),
  ],
);

/**
 * One patient's form: sent with a new patient's booking, answered through a link whose token
 * is kept only as its SHA-256, against the version it was sent with (or the newest, until the
 * patient saves anything). Deleted with the patient's erasure.
 */
export const intakeRequests = pgTable(
  "intake_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    patientId: uuid("patient_id")
      .notNull()
      .references(() => patients.id, { onDelete: "cascade" }),
    bookingId: uuid("booking_id").references(() => bookings.id, { onDelete: "set null" }),
    formVersionId: uuid("form_version_id")
      .notNull()
      .references(() => intakeFormVersions.id, { onDelete: "restrict" }),
    tokenHash: text("token_hash").unique(),
    expiresAt: instant("expires_at").notNull(),
    answers: jsonb("answers").$type<IntakeAnswers>().notNull().default({}),
    startedAt: instant("started_at"),
    submittedAt: instant("submitted_at"),
    createdAt: instant("created_at").notNull().defaultNow(),
    updatedAt: instant("updated_at").notNull().defaultNow(),
  },
  (t) => [
    index("intake_requests_patient_idx").on(t.patientId, t.createdAt),
    index("intake_requests_booking_idx").on(t.bookingId),
  ],
);
