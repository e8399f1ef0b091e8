import { inactiveBefore, PATIENT_SESSION_MAX_MS } from "@clinic/domain";
import { and, inArray, isNull, lt, lte, sql } from "drizzle-orm";
import type { Database, Transaction } from "../database.js";
import {
  clinicSettings,
  outboxMessages,
  rateLimitHits,
  signInFailures,
  staffSessions,
} from "../schema.js";
import { deleteExpiredPatientAccess } from "./patient-access.js";
import { deleteInactiveEnquiries, erasePatient, findInactivePatients } from "./patient-data.js";
import { deleteFinishedWebhookEvents } from "./webhooks.js";

/** One instance does each housekeeping run; the others find this lock taken and skip theirs. */
export const HOUSEKEEPING_LOCK_KEY = 724_310_503;
const DAY_MS = 24 * 60 * 60 * 1000;
/**
 * Patients erased and enquiries deleted per run at most, so one run's transaction stays short
 * when a retention period is first set; the rest go in the next runs.
 */
export const RETENTION_BATCH = 100;

export interface HousekeepingRules {
  now: Date;
  /** Counted requests older than this are dropped; longer than every rate-limit window. */
  keepRateLimitHitsMs: number;
  /** Failed sign-ins older than this are dropped; longer than every sign-in throttle window. */
  keepSignInFailuresMs: number;
}

export interface HousekeepingResult {
  expiredSessions: number;
  /** Patients' sign-in links expired or used, and their lapsed sessions. */
  expiredPatientAccess: number;
  rateLimitHits: number;
  signInFailures: number;
  /** Sent (or given-up) emails whose bodies were emptied. */
  purgedEmails: number;
  /** Patients erased for having been inactive longer than the retention setting. */
  erasedPatients: number;
  /** Enquiries deleted for the same reason. */
  deletedEnquiries: number;
}

/**
 * One housekeeping run: deletes expired staff sessions and counters past
 * their windows, empties the bodies of emails sent longer ago than the
 * clinic's `sent_email_retention_days` (see `purgeOldEmailBodies`) and, when
 * `inactive_retention_years` is set, erases patients and deletes enquiries
 * inactive for longer (a batch a run; see `erasePatient`). Returns
 * what it did, or null when another instance is running it right now: the
 * run holds a transaction-level advisory lock, tried without waiting.
 */
export async function runHousekeeping(
  db: Database,
  rules: HousekeepingRules,
): Promise<HousekeepingResult | null> {
  const { now } = rules;
  return db.transaction(async (tx) => {
    const { rows } = (await tx.execute(
      sql`select pg_try_advisory_xact_lock(${HOUSEKEEPING_LOCK_KEY}) as locked`,
    )) as unknown as { rows: { locked: boolean }[] };
    if (!rows[0]?.locked) return null;

    const expiredSessions = await tx
      .delete(staffSessions)
      .where(lte(staffSessions.expiresAt, now))
      .returning({ id: staffSessions.id });
    // Patients' self-service (decision 031): lapsed sessions, and links expired or used.
    const patientAccess = await deleteExpiredPatientAccess(
      tx,
      now,
      new Date(now.getTime() - PATIENT_SESSION_MAX_MS),
    );
    const hits = await tx
      .delete(rateLimitHits)
      .where(lt(rateLimitHits.createdAt, new Date(now.getTime() - rules.keepRateLimitHitsMs)))
      .returning({ id: rateLimitHits.id });
    const failures = await tx
      .delete(signInFailures)
      .where(lt(signInFailures.createdAt, new Date(now.getTime() - rules.keepSignInFailuresMs)))
      .returning({ id: signInFailures.id });

    let purgedEmails = 0;
    let erasedPatients = 0;
    let deletedEnquiries = 0;
    const [settings] = await tx
      .select({
        days: clinicSettings.sentEmailRetentionDays,
        years: clinicSettings.inactiveRetentionYears,
      })
      .from(clinicSettings)
      .limit(1);
    // An unseeded database has no retention yet, and no emails either.
    if (settings) {
      const before = new Date(now.getTime() - settings.days * DAY_MS);
      purgedEmails = await purgeOldEmailBodies(tx, before, now);
      // Finished webhook events (patients' details in their bodies) go after as long (decision 032).
      await deleteFinishedWebhookEvents(tx, before);
      const inactive = inactiveBefore(now, settings.years);
      if (inactive) {
        const actor = { id: null, name: "Housekeeping" };
        for (const id of await findInactivePatients(tx, inactive, RETENTION_BATCH)) {
          const result = await erasePatient(tx, id, { now, actor, reason: "retention" });
          if (result.outcome === "erased") erasedPatients++;
        }
        deletedEnquiries = await deleteInactiveEnquiries(tx, inactive, RETENTION_BATCH, {
          now,
          actor,
        });
      }
    }
    return {
      expiredSessions: expiredSessions.length,
      expiredPatientAccess: patientAccess,
      rateLimitHits: hits.length,
      signInFailures: failures.length,
      purgedEmails,
      erasedPatients,
      deletedEnquiries,
    };
  });
}

/**
 * Empties what a finished email said: its bodies and attachments (manage
 * links, the `.ics`, the patient's details) and the recipient's mailbox name,
 * keeping only the domain (`***@example.com`). What stays is the metadata the
 * booking's history shows: kind, subject, status, attempts and when it was
 * written and sent. Finished means sent before `before`, or failed for good
 * and written before it; pending messages are never touched.
 */
async function purgeOldEmailBodies(tx: Transaction, before: Date, now: Date): Promise<number> {
  const purged = await tx
    .update(outboxMessages)
    .set({
      textBody: "",
      htmlBody: "",
      attachments: [],
      // A text's number goes whole (decision 030); an email keeps its domain.
      toAddress: sql`case when ${outboxMessages.channel} = 'sms' then '***' else '***@' || split_part(${outboxMessages.toAddress}, '@', 2) end`,
      bodyPurgedAt: now,
    })
    .where(
      and(
        inArray(outboxMessages.status, ["sent", "failed"]),
        isNull(outboxMessages.bodyPurgedAt),
        sql`coalesce(${outboxMessages.sentAt}, ${outboxMessages.createdAt}) < ${before.toISOString()}::timestamptz`,
      ),
    )
    .returning({ id: outboxMessages.id });
  return purged.length;
}
