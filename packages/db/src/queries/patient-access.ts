import { and, desc, eq, gt, isNotNull, isNull, lt, or, sql } from "drizzle-orm";
import type { Executor } from "../database.js";
import {
  bookings,
  patientSessions,
  patientSignInLinks,
  patients,
  practitioners,
  services,
} from "../schema.js";

// Patients' self-service (decision 031): emailed one-time sign-in links and the sessions they
// start. Only tokens' SHA-256 hashes are stored; the API makes and hashes the tokens.

/** Sessions touch their row at most this often, as staff sessions do. */
const PATIENT_SESSION_TOUCH_MS = 60_000;

/** The patient who may sign in with this (lowercased) email: one with the email, not erased. */
export async function findSignInPatient(
  db: Executor,
  email: string,
): Promise<{ id: string; name: string } | null> {
  const [row] = await db
    .select({ id: patients.id, name: patients.name })
    .from(patients)
    .where(and(eq(patients.email, email), isNull(patients.erasedAt)))
    .limit(1);
  return row ?? null;
}

export async function createPatientSignInLink(
  db: Executor,
  link: { patientId: string; tokenHash: string; expiresAt: Date; at: Date },
): Promise<void> {
  await db.insert(patientSignInLinks).values({
    patientId: link.patientId,
    tokenHash: link.tokenHash,
    expiresAt: link.expiresAt,
    createdAt: link.at,
  });
}

/**
 * Uses a sign-in link: one conditional update marks it used and returns its patient, so of two
 * requests racing with one link exactly one gets a row (the other waits on the row's lock and
 * then finds `used_at` set). Null when unknown, used, expired, or its patient was erased.
 */
export async function consumePatientSignInLink(
  db: Executor,
  tokenHash: string,
  now: Date,
): Promise<{ patientId: string } | null> {
  const [row] = await db
    .update(patientSignInLinks)
    .set({ usedAt: now })
    .where(
      and(
        eq(patientSignInLinks.tokenHash, tokenHash),
        isNull(patientSignInLinks.usedAt),
        gt(patientSignInLinks.expiresAt, now),
        sql`${patientSignInLinks.patientId} in (select ${patients.id} from ${patients}
          where ${patients.erasedAt} is null and ${patients.email} is not null)`,
      ),
    )
    .returning({ patientId: patientSignInLinks.patientId });
  return row ?? null;
}

export async function createPatientSession(
  db: Executor,
  session: { patientId: string; tokenHash: string; expiresAt: Date; at: Date },
): Promise<void> {
  await db.insert(patientSessions).values({
    patientId: session.patientId,
    tokenHash: session.tokenHash,
    expiresAt: session.expiresAt,
    createdAt: session.at,
    lastSeenAt: session.at,
  });
}

export interface PatientSessionPatient {
  id: string;
  name: string;
  email: string;
}

/**
 * The patient of an unexpired session (created after `notBefore`, so no session outlives its
 * longest span), sliding its idle expiry to `now + idleMs` at most once a minute.
 */
export async function findPatientSession(
  db: Executor,
  tokenHash: string,
  now: Date,
  limits: { idleMs: number; notBefore: Date },
): Promise<PatientSessionPatient | null> {
  const [row] = await db
    .select({
      sessionId: patientSessions.id,
      lastSeenAt: patientSessions.lastSeenAt,
      patient: { id: patients.id, name: patients.name, email: patients.email },
    })
    .from(patientSessions)
    .innerJoin(patients, eq(patients.id, patientSessions.patientId))
    .where(
      and(
        eq(patientSessions.tokenHash, tokenHash),
        gt(patientSessions.expiresAt, now),
        gt(patientSessions.createdAt, limits.notBefore),
        isNull(patients.erasedAt),
        isNotNull(patients.email),
      ),
    )
    .limit(1);
  if (!row || row.patient.email === null) return null;
  if (now.getTime() - row.lastSeenAt.getTime() >= PATIENT_SESSION_TOUCH_MS) {
    await db
      .update(patientSessions)
      .set({ lastSeenAt: now, expiresAt: new Date(now.getTime() + limits.idleMs) })
      .where(eq(patientSessions.id, row.sessionId));
  }
  return { id: row.patient.id, name: row.patient.name, email: row.patient.email };
}

export async function deletePatientSession(db: Executor, tokenHash: string): Promise<void> {
  await db.delete(patientSessions).where(eq(patientSessions.tokenHash, tokenHash));
}

/** Ends a patient's sessions and unused links (their details are being erased). */
export async function deletePatientAccess(db: Executor, patientId: string): Promise<void> {
  await db.delete(patientSessions).where(eq(patientSessions.patientId, patientId));
  await db.delete(patientSignInLinks).where(eq(patientSignInLinks.patientId, patientId));
}

/** Housekeeping: sessions past their expiry or longest span, and links expired or used. */
export async function deleteExpiredPatientAccess(
  db: Executor,
  now: Date,
  sessionsCreatedBefore: Date,
): Promise<number> {
  const sessions = await db
    .delete(patientSessions)
    .where(
      or(lt(patientSessions.expiresAt, now), lt(patientSessions.createdAt, sessionsCreatedBefore)),
    )
    .returning({ id: patientSessions.id });
  const links = await db
    .delete(patientSignInLinks)
    .where(or(lt(patientSignInLinks.expiresAt, now), isNotNull(patientSignInLinks.usedAt)))
    .returning({ id: patientSignInLinks.id });
  return sessions.length + links.length;
}

/** One of a patient's bookings, as their bookings page lists it. */
export interface PatientBookingRow {
  id: string;
  status: (typeof bookings.$inferSelect)["status"];
  startsAt: Date;
  endsAt: Date;
  manageTokenHash: string | null;
  service: { id: string; slug: string; name: string; durationMinutes: number };
  practitioner: { id: string; slug: string; name: string };
}

function selectPatientBookings(db: Executor) {
  return db
    .select({
      id: bookings.id,
      status: bookings.status,
      startsAt: bookings.startsAt,
      endsAt: bookings.endsAt,
      manageTokenHash: bookings.manageTokenHash,
      service: {
        id: services.id,
        slug: services.slug,
        name: services.name,
        durationMinutes: services.durationMinutes,
      },
      practitioner: { id: practitioners.id, slug: practitioners.slug, name: practitioners.name },
    })
    .from(bookings)
    .innerJoin(services, eq(services.id, bookings.serviceId))
    .innerJoin(practitioners, eq(practitioners.id, bookings.practitionerId));
}

/** Every booking of one patient, newest start first (at most `limit`). */
export function listPatientBookings(
  db: Executor,
  patientId: string,
  limit: number,
): Promise<PatientBookingRow[]> {
  return selectPatientBookings(db)
    .where(eq(bookings.patientId, patientId))
    .orderBy(desc(bookings.startsAt))
    .limit(limit);
}

/** One booking, only if it is this patient's. */
export async function findPatientBooking(
  db: Executor,
  patientId: string,
  bookingId: string,
): Promise<PatientBookingRow | null> {
  const [row] = await selectPatientBookings(db)
    .where(and(eq(bookings.id, bookingId), eq(bookings.patientId, patientId)))
    .limit(1);
  return row ?? null;
}
