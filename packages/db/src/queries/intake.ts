import { createHash, createHmac } from "node:crypto";
import {
  type IntakeAnswers,
  type IntakeFormDefinition,
  type IntakeStatus,
  intakeFormDefinitionSchema,
} from "@clinic/domain";
import { and, asc, desc, eq, isNull, sql } from "drizzle-orm";
import type { Executor } from "../database.js";
import { bookings, patients } from "../schema.js";
import { intakeFormDrafts, intakeFormVersions, intakeRequests } from "../schema-intake.js";

// The clinic's intake form (decision 029): the draft the owner edits, the published versions,
// and each patient's answers, kept against the version they answered.

/**
 * The secret of a patient's intake link, derived from the request's random id with the
 * server's secret (like a booking's manage link, decision 006), so the patient's own pages
 * can show the link again; only its SHA-256 is stored.
 */
export function intakeTokenFor(requestId: string, appSecret: string): string {
  return createHmac("sha256", appSecret).update(`intake:${requestId}`).digest("base64url");
}

/** The stored form of an intake token (hex SHA-256, as sessions and manage links). */
export function hashIntakeToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** The public page that shows the form for a token. */
export function intakeUrlFor(webUrl: string, token: string): string {
  return `${webUrl.replace(/\/$/, "")}/intake/${token}`;
}

/** Where a request stands, from its times. */
export function intakeStatusOf(row: {
  startedAt: Date | null;
  submittedAt: Date | null;
}): IntakeStatus {
  if (row.submittedAt) return "submitted";
  return row.startedAt ? "in_progress" : "not_started";
}

// A definition read back from jsonb is checked again: a row written by hand can't break a page.
function definitionOf(value: unknown): IntakeFormDefinition {
  return intakeFormDefinitionSchema.parse(value);
}

// Draft and versions --------------------------------------------------------------------

export async function getIntakeDraft(db: Executor) {
  const [row] = await db.select().from(intakeFormDrafts).where(eq(intakeFormDrafts.id, "clinic"));
  return row ? { definition: definitionOf(row.definition), updatedAt: row.updatedAt } : null;
}

export async function saveIntakeDraft(
  db: Executor,
  definition: IntakeFormDefinition,
  options: { by: string | null; now: Date },
): Promise<void> {
  await db
    .insert(intakeFormDrafts)
    .values({ id: "clinic", definition, updatedBy: options.by, updatedAt: options.now })
    .onConflictDoUpdate({
      target: intakeFormDrafts.id,
      set: { definition, updatedBy: options.by, updatedAt: options.now },
    });
}

export interface IntakeVersionSummary {
  id: string;
  version: number;
  title: string;
  questionCount: number;
  publishedAt: Date;
  publishedByName: string;
}

/** Every published version, newest first. */
export async function listIntakeVersions(db: Executor): Promise<IntakeVersionSummary[]> {
  const rows = await db.select().from(intakeFormVersions).orderBy(desc(intakeFormVersions.version));
  return rows.map((row) => ({
    id: row.id,
    version: row.version,
    title: row.definition.title,
    questionCount: row.definition.questions.length,
    publishedAt: row.publishedAt,
    publishedByName: row.publishedByName,
  }));
}

export interface IntakeVersion {
  id: string;
  version: number;
  definition: IntakeFormDefinition;
  publishedAt: Date;
  publishedByName: string;
}

function versionOf(row: typeof intakeFormVersions.$inferSelect): IntakeVersion {
  return {
    id: row.id,
    version: row.version,
    definition: definitionOf(row.definition),
    publishedAt: row.publishedAt,
    publishedByName: row.publishedByName,
  };
}

export async function getIntakeVersion(db: Executor, id: string): Promise<IntakeVersion | null> {
  const [row] = await db.select().from(intakeFormVersions).where(eq(intakeFormVersions.id, id));
  return row ? versionOf(row) : null;
}

/** The version new patients are sent, or null before the first is published. */
export async function latestIntakeVersion(db: Executor): Promise<IntakeVersion | null> {
  const [row] = await db
    .select()
    .from(intakeFormVersions)
    .orderBy(desc(intakeFormVersions.version))
    .limit(1);
  return row ? versionOf(row) : null;
}

/**
 * Publishes a definition as the next version. Two owners publishing at once: the unique
 * version number refuses the second (a conflict), which publishes again after a reload.
 */
export async function insertIntakeVersion(
  tx: Executor,
  input: {
    definition: IntakeFormDefinition;
    by: { id: string | null; name: string };
    now: Date;
  },
): Promise<IntakeVersion> {
  const [row] = await tx
    .insert(intakeFormVersions)
    .values({
      version: sql`(select coalesce(max(${intakeFormVersions.version}), 0) + 1 from ${intakeFormVersions})`,
      definition: input.definition,
      publishedBy: input.by.id,
      publishedByName: input.by.name,
      publishedAt: input.now,
    })
    .returning();
  return versionOf(row!);
}

// Requests ------------------------------------------------------------------------------

export async function insertIntakeRequest(
  tx: Executor,
  input: {
    id: string;
    patientId: string;
    bookingId: string | null;
    formVersionId: string;
    tokenHash: string;
    expiresAt: Date;
    now: Date;
  },
): Promise<void> {
  await tx.insert(intakeRequests).values({
    ...input,
    createdAt: input.now,
    updatedAt: input.now,
  });
}

/** Whether the patient was ever sent a form (a returning patient isn't sent another). */
export async function patientHasIntakeRequest(db: Executor, patientId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: intakeRequests.id })
    .from(intakeRequests)
    .where(eq(intakeRequests.patientId, patientId))
    .limit(1);
  return row !== undefined;
}

export interface IntakeRequestRecord {
  id: string;
  patientId: string;
  bookingId: string | null;
  status: IntakeStatus;
  answers: IntakeAnswers;
  expiresAt: Date;
  startedAt: Date | null;
  submittedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  version: IntakeVersion;
}

const requestColumns = {
  request: intakeRequests,
  version: intakeFormVersions,
};

function requestOf(row: {
  request: typeof intakeRequests.$inferSelect;
  version: typeof intakeFormVersions.$inferSelect;
}): IntakeRequestRecord {
  const r = row.request;
  return {
    id: r.id,
    patientId: r.patientId,
    bookingId: r.bookingId,
    status: intakeStatusOf(r),
    answers: r.answers,
    expiresAt: r.expiresAt,
    startedAt: r.startedAt,
    submittedAt: r.submittedAt,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    version: versionOf(row.version),
  };
}

/** The request a link's token opens (erased patients' requests are gone; expiry is the caller's). */
export async function findIntakeRequestByTokenHash(
  db: Executor,
  tokenHash: string,
  options: { lock?: boolean } = {},
): Promise<IntakeRequestRecord | null> {
  const query = db
    .select(requestColumns)
    .from(intakeRequests)
    .innerJoin(intakeFormVersions, eq(intakeFormVersions.id, intakeRequests.formVersionId))
    .where(eq(intakeRequests.tokenHash, tokenHash));
  const [row] = options.lock ? await query.for("update", { of: intakeRequests }) : await query;
  return row ? requestOf(row) : null;
}

/** A patient's requests, newest first, each with the version it answers. */
export async function listIntakeRequestsForPatient(
  db: Executor,
  patientId: string,
): Promise<IntakeRequestRecord[]> {
  const rows = await db
    .select(requestColumns)
    .from(intakeRequests)
    .innerJoin(intakeFormVersions, eq(intakeFormVersions.id, intakeRequests.formVersionId))
    .where(eq(intakeRequests.patientId, patientId))
    .orderBy(desc(intakeRequests.createdAt), desc(intakeRequests.id));
  return rows.map(requestOf);
}

/** A patient's requests, oldest first, for their data export. */
export async function intakeRequestsForExport(db: Executor, patientId: string) {
  const rows = await listIntakeRequestsForPatient(db, patientId);
  return rows.reverse().map((r) => ({
    id: r.id,
    bookingId: r.bookingId,
    status: r.status,
    formVersion: r.version.version,
    formTitle: r.version.definition.title,
    // The questions as the patient saw them, so the answers read on their own.
    questions: r.version.definition.questions,
    answers: r.answers,
    startedAt: r.startedAt,
    submittedAt: r.submittedAt,
    expiresAt: r.expiresAt,
    createdAt: r.createdAt,
  }));
}

/** Moves a request nobody has started to another version (the newest, when one was published since). */
export async function moveUnstartedIntakeRequest(
  db: Executor,
  id: string,
  formVersionId: string,
  now: Date,
): Promise<void> {
  await db
    .update(intakeRequests)
    .set({ formVersionId, updatedAt: now })
    .where(and(eq(intakeRequests.id, id), isNull(intakeRequests.startedAt)));
}

/** Stores answers (checked by the caller against the request's version); `submit` completes it. */
export async function saveIntakeAnswers(
  db: Executor,
  id: string,
  answers: IntakeAnswers,
  options: { now: Date; submit: boolean },
): Promise<void> {
  await db
    .update(intakeRequests)
    .set({
      answers,
      startedAt: sql`coalesce(${intakeRequests.startedAt}, ${options.now.toISOString()}::timestamptz)`,
      updatedAt: options.now,
      ...(options.submit ? { submittedAt: options.now } : {}),
    })
    .where(eq(intakeRequests.id, id));
}

/** Where each of these bookings' forms stand (no answers), by booking id. */
export async function intakeStatusesForBookings(
  db: Executor,
  bookingIds: string[],
): Promise<Map<string, IntakeStatus>> {
  const map = new Map<string, IntakeStatus>();
  if (bookingIds.length === 0) return map;
  const rows = await db
    .select({
      bookingId: intakeRequests.bookingId,
      startedAt: intakeRequests.startedAt,
      submittedAt: intakeRequests.submittedAt,
    })
    .from(intakeRequests)
    .where(sql`${intakeRequests.bookingId} in ${bookingIds}`);
  for (const row of rows) if (row.bookingId) map.set(row.bookingId, intakeStatusOf(row));
  return map;
}

export interface PatientIntakeStatus {
  requestId: string;
  bookingId: string | null;
  status: IntakeStatus;
  formTitle: string;
  expiresAt: Date;
  /** Whether the link still opens the form (not past `expiresAt`). */
  expired: boolean;
  submittedAt: Date | null;
  /**
   * The address of the form, when `link` was given and the request's stored hash matches the
   * derived token (a rotated APP_SECRET leaves older links unrecoverable: null then).
   */
  url: string | null;
}

/**
 * A patient's newest intake form and where it stands, with its link for the patient's own
 * pages (self-service): null when they were never sent one. No answers.
 */
export async function getIntakeStatusForPatient(
  db: Executor,
  patientId: string,
  link?: { appSecret: string; webUrl: string; now?: Date },
): Promise<PatientIntakeStatus | null> {
  const [row] = await db
    .select({
      id: intakeRequests.id,
      bookingId: intakeRequests.bookingId,
      tokenHash: intakeRequests.tokenHash,
      expiresAt: intakeRequests.expiresAt,
      startedAt: intakeRequests.startedAt,
      submittedAt: intakeRequests.submittedAt,
      definition: intakeFormVersions.definition,
    })
    .from(intakeRequests)
    .innerJoin(intakeFormVersions, eq(intakeFormVersions.id, intakeRequests.formVersionId))
    .innerJoin(patients, eq(patients.id, intakeRequests.patientId))
    .where(and(eq(intakeRequests.patientId, patientId), isNull(patients.erasedAt)))
    .orderBy(desc(intakeRequests.createdAt), desc(intakeRequests.id))
    .limit(1);
  if (!row) return null;
  const now = link?.now ?? new Date();
  let url: string | null = null;
  if (link && row.tokenHash) {
    const token = intakeTokenFor(row.id, link.appSecret);
    if (hashIntakeToken(token) === row.tokenHash) url = intakeUrlFor(link.webUrl, token);
  }
  return {
    requestId: row.id,
    bookingId: row.bookingId,
    status: intakeStatusOf(row),
    formTitle: row.definition.title,
    expiresAt: row.expiresAt,
    expired: row.expiresAt.getTime() <= now.getTime(),
    submittedAt: row.submittedAt,
    url,
  };
}

/** The practitioners a patient has bookings with (whose practitioners may read their answers). */
export async function practitionerIdsForPatient(db: Executor, patientId: string) {
  const rows = await db
    .selectDistinct({ practitionerId: bookings.practitionerId })
    .from(bookings)
    .where(eq(bookings.patientId, patientId))
    .orderBy(asc(bookings.practitionerId));
  return rows.map((r) => r.practitionerId);
}
