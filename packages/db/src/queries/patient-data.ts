import { ERASED_PATIENT_NAME, erasedPatientEmail } from "@clinic/domain";
import { and, asc, eq, gt, inArray, isNull, lt, or, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../database.js";
import {
  auditLog,
  bookingEvents,
  bookings,
  enquiries,
  enquiryNotes,
  outboxMessages,
  patients,
  practitioners,
  type ReviewFlagRecord,
  reviews,
  services,
  waitlistEntries,
} from "../schema.js";
import { intakeRequests } from "../schema-intake.js";
import { webhookEvents } from "../schema-webhooks.js";
import { intakeRequestsForExport } from "./intake.js";
import { deletePatientAccess } from "./patient-access.js";
import { listTreatmentPlansForPatient } from "./treatment-plans.js";
import { listWaitlistEntriesForPatient } from "./waitlist.js";
import { deleteWebhookEventsAbout } from "./webhooks.js";

// A patient's data rights (decision 018): everything held about them as one document, and
// erasure. Enquiries and reviews are theirs when they were sent from the patient's email
// address (compared case-insensitively): the one identifier the person controls and gave us;
// names are shared and phone numbers are typed in many ways.

/** What replaces personal text inside JSON (audit changes, booking history details). */
export const ERASED_TEXT = "[erased]";

/** The secret part of a manage link in an email's text (see the API's manage-token.ts). */
const MANAGE_LINK_TOKEN = /\/manage\/[A-Za-z0-9_-]{16,}/g;
/** The secret part of a waitlist offer's claim link (decision 028). */
const WAITLIST_CLAIM_TOKEN = /\/waitlist\/[A-Za-z0-9_-]{32,}/g;
/** The secret part of an intake form link (decision 029). */
const INTAKE_LINK_TOKEN = /\/intake\/[A-Za-z0-9_-]{16,}/g;

/** The staff member (or job) an erasure is recorded under. */
export interface ErasureActor {
  /** A staff user's id; null for housekeeping. */
  id: string | null;
  name: string;
}

/** The rows of other tables that belong to one patient. */
interface PatientFootprint {
  patient: typeof patients.$inferSelect;
  bookingIds: string[];
  enquiryIds: string[];
  reviewIds: string[];
}

async function footprint(
  db: Executor,
  patientId: string,
  options: { lock?: boolean } = {},
): Promise<PatientFootprint | null> {
  const query = db.select().from(patients).where(eq(patients.id, patientId));
  const [patient] = options.lock ? await query.for("update") : await query;
  if (!patient) return null;
  // A patient booked by phone alone has no email to find their enquiries and reviews by.
  const email = patient.email?.toLowerCase() ?? null;
  const [bookingRows, enquiryRows, reviewRows] = await Promise.all([
    db.select({ id: bookings.id }).from(bookings).where(eq(bookings.patientId, patientId)),
    email === null
      ? []
      : db
          .select({ id: enquiries.id })
          .from(enquiries)
          .where(sql`lower(${enquiries.email}) = ${email}`),
    email === null
      ? []
      : db.select({ id: reviews.id }).from(reviews).where(sql`lower(${reviews.email}) = ${email}`),
  ]);
  return {
    patient,
    bookingIds: bookingRows.map((r) => r.id),
    enquiryIds: enquiryRows.map((r) => r.id),
    reviewIds: reviewRows.map((r) => r.id),
  };
}

/** Audit entries about the patient or any of their bookings, enquiries and reviews. */
function auditAbout(f: PatientFootprint): SQL {
  const about = (entity: string, ids: string[]) =>
    ids.length > 0 ? and(eq(auditLog.entity, entity), inArray(auditLog.entityId, ids)) : undefined;
  return or(
    about("patient", [f.patient.id]),
    about("booking", f.bookingIds),
    about("enquiry", f.enquiryIds),
    about("review", f.reviewIds),
  )!;
}

/** Emails about the patient: for their bookings, sent to their address, or quoting it (enquiry notices). */
function messagesAbout(bookingIds: string[], emails: string[]): SQL | undefined {
  const conditions: (SQL | undefined)[] = [
    bookingIds.length > 0 ? inArray(outboxMessages.bookingId, bookingIds) : undefined,
  ];
  for (const email of emails) {
    conditions.push(
      sql`lower(${outboxMessages.toAddress}) = ${email}`,
      sql`strpos(lower(${outboxMessages.textBody}), ${email}) > 0`,
    );
  }
  const defined = conditions.filter((c): c is SQL => c !== undefined);
  return defined.length > 0 ? or(...defined) : undefined;
}

/**
 * Everything held about one patient, for a subject access request: their details, every
 * booking with its history and the emails written about it, the enquiries and reviews sent
 * from their address, other emails to them, and the audit entries about any of these. Secrets
 * (manage-link hashes, idempotency fingerprints) are left out. Null for an unknown patient.
 */
export async function collectPatientData(db: Executor, patientId: string) {
  const f = await footprint(db, patientId);
  if (!f) return null;
  const { patient, bookingIds, enquiryIds, reviewIds } = f;
  const [bookingRows, events, messages, enquiryRows, notes, reviewRows, auditRows, intakeForms] =
    await Promise.all([
      db
        .select({
          id: bookings.id,
          status: bookings.status,
          startsAt: bookings.startsAt,
          endsAt: bookings.endsAt,
          service: services.name,
          practitioner: practitioners.name,
          notes: bookings.notes,
          contactConsent: bookings.contactConsent,
          cancellationReason: bookings.cancellationReason,
          cancelledAt: bookings.cancelledAt,
          createdAt: bookings.createdAt,
          updatedAt: bookings.updatedAt,
        })
        .from(bookings)
        .innerJoin(services, eq(services.id, bookings.serviceId))
        .innerJoin(practitioners, eq(practitioners.id, bookings.practitionerId))
        .where(eq(bookings.patientId, patientId))
        .orderBy(asc(bookings.startsAt), asc(bookings.id)),
      bookingIds.length === 0
        ? []
        : db
            .select()
            .from(bookingEvents)
            .where(inArray(bookingEvents.bookingId, bookingIds))
            .orderBy(asc(bookingEvents.createdAt), asc(bookingEvents.id)),
      (() => {
        const where = messagesAbout(bookingIds, patient.email ? [patient.email.toLowerCase()] : []);
        return where
          ? db
              .select()
              .from(outboxMessages)
              .where(where)
              .orderBy(asc(outboxMessages.createdAt), asc(outboxMessages.id))
          : [];
      })(),
      enquiryIds.length === 0
        ? []
        : db
            .select()
            .from(enquiries)
            .where(inArray(enquiries.id, enquiryIds))
            .orderBy(asc(enquiries.createdAt), asc(enquiries.id)),
      enquiryIds.length === 0
        ? []
        : db
            .select()
            .from(enquiryNotes)
            .where(inArray(enquiryNotes.enquiryId, enquiryIds))
            .orderBy(asc(enquiryNotes.createdAt), asc(enquiryNotes.id)),
      reviewIds.length === 0
        ? []
        : db
            .select({
              id: reviews.id,
              authorName: reviews.authorName,
              email: reviews.email,
              rating: reviews.rating,
              body: reviews.body,
              practitioner: practitioners.name,
              status: reviews.status,
              featured: reviews.featured,
              createdAt: reviews.createdAt,
              moderatedAt: reviews.moderatedAt,
            })
            .from(reviews)
            .leftJoin(practitioners, eq(practitioners.id, reviews.practitionerId))
            .where(inArray(reviews.id, reviewIds))
            .orderBy(asc(reviews.createdAt), asc(reviews.id)),
      db
        .select()
        .from(auditLog)
        .where(auditAbout(f))
        .orderBy(asc(auditLog.createdAt), asc(auditLog.id)),
      // Their intake forms with the questions of the version each answered (decision 029).
      intakeRequestsForExport(db, patientId),
    ]);

  const message = (m: (typeof messages)[number]) => ({
    id: m.id,
    kind: m.kind,
    to: m.toAddress,
    subject: m.subject,
    status: m.status,
    createdAt: m.createdAt,
    sentAt: m.sentAt,
    // Emptied by housekeeping or an erasure: only the metadata is left to give. A working
    // manage link stays out of a file that is emailed and downloaded.
    text: m.bodyPurgedAt
      ? null
      : m.textBody
          .replace(MANAGE_LINK_TOKEN, "/manage/[link removed]")
          .replace(WAITLIST_CLAIM_TOKEN, "/waitlist/[link removed]")
          .replace(INTAKE_LINK_TOKEN, "/intake/[link removed]"),
    bodyPurgedAt: m.bodyPurgedAt,
  });
  const plans = await listTreatmentPlansForPatient(db, patientId);
  return {
    patient: {
      id: patient.id,
      name: patient.name,
      email: patient.email,
      phone: patient.phone,
      createdAt: patient.createdAt,
      updatedAt: patient.updatedAt,
      erasedAt: patient.erasedAt,
      smsReminders: {
        phone: patient.smsPhone,
        consentedAt: patient.smsConsentAt,
        optedOutAt: patient.smsOptedOutAt,
      },
    },
    bookings: bookingRows.map((b) => ({
      ...b,
      history: events
        .filter((e) => e.bookingId === b.id)
        .map((e) => ({
          kind: e.kind,
          by: e.actor === "patient" ? "patient" : "clinic staff",
          details: e.details,
          at: e.createdAt,
        })),
      emails: messages.filter((m) => m.bookingId === b.id).map(message),
    })),
    // Treatment plans (decision 027): the rule staff booked, and which of the bookings it holds.
    treatmentPlans: plans.map((p) => ({
      id: p.id,
      service: p.service.name,
      practitioner: p.practitioner?.name ?? null,
      intervalUnit: p.intervalUnit,
      intervalCount: p.intervalCount,
      occurrenceCount: p.occurrenceCount,
      untilDate: p.untilDate,
      firstStartsAt: p.firstStartsAt,
      createdAt: p.createdAt,
      bookingIds: p.bookings.map((b) => b.id),
    })),
    otherEmails: messages.filter((m) => m.bookingId === null).map(message),
    enquiries: enquiryRows.map((e) => ({
      id: e.id,
      name: e.name,
      email: e.email,
      phone: e.phone,
      message: e.message,
      status: e.status,
      createdAt: e.createdAt,
      updatedAt: e.updatedAt,
      notes: notes
        .filter((n) => n.enquiryId === e.id)
        .map((n) => ({ kind: n.kind, body: n.body, at: n.createdAt })),
    })),
    reviews: reviewRows,
    // Made with their address (decision 028).
    waitlistEntries: patient.email
      ? (await listWaitlistEntriesForPatient(db, { email: patient.email })).map((w) => ({
          id: w.id,
          service: w.service.name,
          practitioner: w.practitioner?.name ?? null,
          fromDate: w.fromDate,
          toDate: w.toDate,
          timesOfDay: w.timesOfDay,
          name: w.name,
          email: w.email,
          phone: w.phone,
          status: w.status,
          createdAt: w.createdAt,
        }))
      : [],
    intakeForms,
    auditEntries: auditRows.map((a) => ({
      at: a.createdAt,
      by: a.actorName,
      action: a.action,
      entity: a.entity,
      entityId: a.entityId,
      changes: a.changes,
    })),
  };
}

export type PatientData = NonNullable<Awaited<ReturnType<typeof collectPatientData>>>;

/** Lowercased pieces of text that identify the person; phone numbers also by their digits. */
function needlesFor(person: {
  name: string;
  email: string | null;
  phone: string | null;
}): string[] {
  const needles = [person.name, person.email ?? "", person.phone ?? ""]
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s.length >= 3);
  const digits = (person.phone ?? "").replace(/\D/g, "");
  if (digits.length >= 6) needles.push(digits);
  return [...new Set(needles)];
}

/** Keys whose values are free text people typed (about themselves or to them). */
const FREE_TEXT_KEYS = new Set([
  "name",
  "email",
  "phone",
  "notes",
  "reason",
  "cancellationReason",
  "message",
  "body",
  "authorName",
  "subject",
  "patientName",
  "toAddress",
]);

const PHONE_LIKE = /^[\d\s()+-]+$/;

/** Whether `text` contains one of the needles (a phone number also by its digits alone). */
function mentions(text: string, needles: string[]): boolean {
  const lower = text.toLowerCase();
  const digits = PHONE_LIKE.test(text) ? text.replace(/\D/g, "") : "";
  return needles.some((n) => lower.includes(n) || (digits !== "" && digits.includes(n)));
}

/**
 * `value` with every string that names the person replaced by `ERASED_TEXT` and, with
 * `freeText` (entries about the person's own records), every free-text field too; ids, times,
 * statuses and counts stay, so the entry still says what happened.
 */
export function scrubPersonalData(
  value: unknown,
  needles: string[],
  options: { freeText: boolean },
  key?: string,
): unknown {
  if (typeof value === "string") {
    const freeText = options.freeText && key !== undefined && FREE_TEXT_KEYS.has(key);
    return (freeText && value !== "") || mentions(value, needles) ? ERASED_TEXT : value;
  }
  if (Array.isArray(value)) return value.map((v) => scrubPersonalData(v, needles, options, key));
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [
        k,
        // `{ from, to }` pairs take their field's name, so a changed note is scrubbed too.
        scrubPersonalData(v, needles, options, k === "from" || k === "to" ? key : k),
      ]),
    );
  }
  return value;
}

/** What an erasure changed, in counts (the audit entry holds these and nothing personal). */
export interface ErasureCounts {
  bookingsKept: number;
  upcomingCancelled: number;
  enquiriesDeleted: number;
  reviewsDeleted: number;
  emailsPurged: number;
  auditEntriesScrubbed: number;
}

export type ErasureResult =
  | {
      outcome: "erased";
      counts: ErasureCounts;
      /** The upcoming bookings the erasure cancelled (for the API to tell webhook endpoints). */
      cancelledBookingIds: string[];
    }
  | { outcome: "not_found" }
  | { outcome: "already_erased" }
  | { outcome: "not_confirmed" };

/**
 * Empties emails about a person: bodies, attachments and the recipient go; a subject naming
 * them goes; an unsent one is marked failed so the worker never sends it. Returns how many.
 */
async function purgeMessages(
  tx: Executor,
  where: SQL | undefined,
  needles: string[],
  now: Date,
): Promise<number> {
  if (!where) return 0;
  const names = sql.join(
    needles.map((n) => sql`strpos(lower(${outboxMessages.subject}), ${n}) > 0`),
    sql` or `,
  );
  const purged = await tx
    .update(outboxMessages)
    .set({
      textBody: "",
      htmlBody: "",
      attachments: [],
      toAddress: ERASED_TEXT,
      subject:
        needles.length > 0
          ? sql`case when ${names} then ${ERASED_TEXT} else ${outboxMessages.subject} end`
          : outboxMessages.subject,
      lastError: sql`case when ${outboxMessages.status} = 'pending' then 'Not sent: the recipient was erased' else null end`,
      status: sql`case when ${outboxMessages.status} = 'pending' then 'failed'::outbox_status else ${outboxMessages.status} end`,
      bodyPurgedAt: now,
    })
    .where(where)
    .returning({ id: outboxMessages.id });
  return purged.length;
}

/** Rewrites the changes of the audit entries `where` selects with `scrubPersonalData`; returns how many changed. */
async function scrubAuditEntries(
  tx: Executor,
  where: SQL,
  needles: string[],
  options: { freeText: boolean },
): Promise<number> {
  const rows = await tx
    .select({ id: auditLog.id, changes: auditLog.changes })
    .from(auditLog)
    .where(where);
  let changed = 0;
  for (const row of rows) {
    const scrubbed = scrubPersonalData(row.changes, needles, options) as Record<string, unknown>;
    if (JSON.stringify(scrubbed) === JSON.stringify(row.changes)) continue;
    await tx.update(auditLog).set({ changes: scrubbed }).where(eq(auditLog.id, row.id));
    changed++;
  }
  return changed;
}

/** Whether the JSON column's text mentions any needle (a cheap pre-filter before scrubbing in code). */
function jsonMentions(column: SQL, needles: string[]): SQL | undefined {
  if (needles.length === 0) return undefined;
  return or(...needles.map((n) => sql`strpos(lower(${column}::text), ${n}) > 0`));
}

/**
 * Erases a patient in the caller's transaction (decision 018): their row keeps its id but its
 * name, email and phone are replaced and `erased_at` set; their bookings stay for the
 * clinic's figures with notes, reasons, idempotency keys and manage links removed (so old links
 * stop working), upcoming ones cancelled without an email; emails about them are emptied (and
 * unsent ones dropped); enquiries and reviews from their address are deleted (with the review
 * flags that quote them); audit entries and booking history lose every personal value. The
 * erasure's own audit entry holds counts only.
 */
export async function erasePatient(
  tx: Executor,
  patientId: string,
  options: {
    now: Date;
    actor: ErasureActor;
    reason: "request" | "retention";
    /** Checked against the patient's name once their row is locked (what staff typed). */
    confirm?: (name: string) => boolean;
  },
): Promise<ErasureResult> {
  const { now, actor } = options;
  const f = await footprint(tx, patientId, { lock: true });
  if (!f) return { outcome: "not_found" };
  if (f.patient.erasedAt) return { outcome: "already_erased" };
  if (options.confirm && !options.confirm(f.patient.name)) return { outcome: "not_confirmed" };
  const { patient, bookingIds, enquiryIds, reviewIds } = f;
  // Their self-service sessions and sign-in links end now (decision 031).
  await deletePatientAccess(tx, patientId);
  const emails = patient.email ? [patient.email.toLowerCase()] : [];
  const needles = needlesFor(patient);
  // Enquiries may give other names and numbers for the same person: those go too.
  const enquiryPeople =
    enquiryIds.length === 0
      ? []
      : await tx
          .select({ name: enquiries.name, email: enquiries.email, phone: enquiries.phone })
          .from(enquiries)
          .where(inArray(enquiries.id, enquiryIds));
  const reviewPeople =
    reviewIds.length === 0
      ? []
      : await tx
          .select({ name: reviews.authorName, email: sql<string>`coalesce(${reviews.email}, '')` })
          .from(reviews)
          .where(inArray(reviews.id, reviewIds));
  for (const person of [...enquiryPeople, ...reviewPeople.map((r) => ({ ...r, phone: null }))]) {
    for (const n of needlesFor(person)) if (!needles.includes(n)) needles.push(n);
  }

  // Entries about their records lose every free-text value; any other entry, what names them.
  const auditEntriesScrubbed =
    (await scrubAuditEntries(tx, auditAbout(f), needles, { freeText: true })) +
    (await scrubAuditEntries(
      tx,
      and(sql`not (${auditAbout(f)})`, jsonMentions(sql`${auditLog.changes}`, needles))!,
      needles,
      { freeText: false },
    ));

  const upcoming =
    bookingIds.length === 0
      ? []
      : await tx
          .update(bookings)
          .set({
            status: "cancelled",
            cancelledAt: now,
            sequence: sql`${bookings.sequence} + 1`,
          })
          .where(
            and(
              eq(bookings.patientId, patientId),
              eq(bookings.status, "confirmed"),
              gt(bookings.startsAt, now),
            ),
          )
          .returning({ id: bookings.id });
  if (upcoming.length > 0) {
    await tx.insert(bookingEvents).values(
      upcoming.map((b) => ({
        bookingId: b.id,
        kind: "cancelled",
        actor: actor.id ?? "housekeeping",
        details: { erased: true },
        createdAt: now,
      })),
    );
  }
  if (bookingIds.length > 0) {
    await tx
      .update(bookings)
      .set({
        notes: "",
        cancellationReason: null,
        idempotencyKey: null,
        idempotencyFingerprint: null,
        manageTokenHash: null,
        contactConsent: false,
      })
      .where(eq(bookings.patientId, patientId));
    const events = await tx
      .select({ id: bookingEvents.id, details: bookingEvents.details })
      .from(bookingEvents)
      .where(inArray(bookingEvents.bookingId, bookingIds));
    for (const event of events) {
      const scrubbed = scrubPersonalData(event.details, needles, { freeText: true }) as Record<
        string,
        unknown
      >;
      if (JSON.stringify(scrubbed) !== JSON.stringify(event.details)) {
        await tx
          .update(bookingEvents)
          .set({ details: scrubbed })
          .where(eq(bookingEvents.id, event.id));
      }
    }
  }

  const emailsPurged = await purgeMessages(tx, messagesAbout(bookingIds, emails), needles, now);
  // Webhook events carrying their details (decision 032) go with their deliveries, sent or not.
  await deleteWebhookEventsAbout(tx, {
    bookingIds,
    mentions: jsonMentions(sql`${webhookEvents.payload}`, needles),
  });

  if (enquiryIds.length > 0) await tx.delete(enquiries).where(inArray(enquiries.id, enquiryIds));
  // Waitlist entries made with their address, with their offers (decision 028).
  if (emails.length > 0) {
    await tx.delete(waitlistEntries).where(inArray(waitlistEntries.email, emails));
  }
  // Their intake answers are health information: nothing of them is kept (decision 029).
  await tx.delete(intakeRequests).where(eq(intakeRequests.patientId, patientId));
  if (reviewIds.length > 0) {
    await tx.delete(reviews).where(inArray(reviews.id, reviewIds));
    await dropFlagsMatching(tx, reviewIds);
  }

  await tx
    .update(patients)
    .set({
      name: ERASED_PATIENT_NAME,
      email: erasedPatientEmail(patientId),
      phone: "",
      smsPhone: null,
      smsConsentAt: null,
      smsOptedOutAt: null,
      erasedAt: now,
      updatedAt: now,
    })
    .where(eq(patients.id, patientId));

  const counts: ErasureCounts = {
    bookingsKept: bookingIds.length,
    upcomingCancelled: upcoming.length,
    enquiriesDeleted: enquiryIds.length,
    reviewsDeleted: reviewIds.length,
    emailsPurged,
    auditEntriesScrubbed,
  };
  await tx.insert(auditLog).values({
    createdAt: now,
    actorId: actor.id,
    actorName: actor.name,
    action: "patient.erase",
    entity: "patient",
    entityId: patientId,
    changes: {
      erasedAt: { from: null, to: now.toISOString() },
      reason: { from: null, to: options.reason },
      ...Object.fromEntries(Object.entries(counts).map(([k, n]) => [k, { from: null, to: n }])),
    },
  });
  return { outcome: "erased", counts, cancelledBookingIds: upcoming.map((b) => b.id) };
}

/** Other reviews' moderation flags that point at (and quote the name of) deleted reviews. */
async function dropFlagsMatching(tx: Executor, deletedReviewIds: string[]): Promise<void> {
  const mentions = or(
    ...deletedReviewIds.map((id) => sql`strpos(${reviews.flags}::text, ${id}) > 0`),
  );
  const rows = await tx
    .select({ id: reviews.id, flags: reviews.flags })
    .from(reviews)
    .where(mentions);
  for (const row of rows) {
    const flags: ReviewFlagRecord[] = row.flags.filter(
      (flag) => !flag.matchReviewId || !deletedReviewIds.includes(flag.matchReviewId),
    );
    await tx.update(reviews).set({ flags }).where(eq(reviews.id, row.id));
  }
}

/**
 * Patients not yet erased with no activity since `before`: their row unchanged and none of
 * their bookings made, changed or taking place since then (an appointment still to come keeps
 * them). At most `limit`, oldest activity first.
 */
export async function findInactivePatients(
  db: Executor,
  before: Date,
  limit: number,
): Promise<string[]> {
  const lastActivity = sql`greatest(${patients.createdAt}, ${patients.updatedAt},
    (select max(greatest(${bookings.startsAt}, ${bookings.endsAt}, ${bookings.createdAt}, ${bookings.updatedAt}))
       from ${bookings} where ${bookings.patientId} = ${patients.id}))`;
  const rows = await db
    .select({ id: patients.id })
    .from(patients)
    .where(
      and(isNull(patients.erasedAt), sql`${lastActivity} < ${before.toISOString()}::timestamptz`),
    )
    .orderBy(asc(lastActivity), asc(patients.id))
    .limit(limit);
  return rows.map((r) => r.id);
}

/**
 * Deletes up to `limit` enquiries with no activity since `before` (received, changed, noted or
 * replied to), with the emails about them emptied and their audit entries scrubbed; returns
 * how many it deleted.
 */
export async function deleteInactiveEnquiries(
  tx: Executor,
  before: Date,
  limit: number,
  options: { now: Date; actor: ErasureActor },
): Promise<number> {
  const lastActivity = sql`greatest(${enquiries.createdAt}, ${enquiries.updatedAt},
    (select max(${enquiryNotes.createdAt}) from ${enquiryNotes} where ${enquiryNotes.enquiryId} = ${enquiries.id}))`;
  const stale = await tx
    .select({
      id: enquiries.id,
      name: enquiries.name,
      email: enquiries.email,
      phone: enquiries.phone,
    })
    .from(enquiries)
    .where(sql`${lastActivity} < ${before.toISOString()}::timestamptz`)
    .orderBy(asc(lastActivity), asc(enquiries.id))
    .limit(limit);
  if (stale.length === 0) return 0;
  for (const enquiry of stale) {
    const needles = needlesFor(enquiry);
    const email = enquiry.email.toLowerCase();
    // Only emails that no remaining patient or enquiry still needs: replies to and notices of this sender.
    await purgeMessages(
      tx,
      and(
        isNull(outboxMessages.bookingId),
        or(
          sql`lower(${outboxMessages.toAddress}) = ${email}`,
          sql`strpos(lower(${outboxMessages.textBody}), ${email}) > 0`,
        ),
        lt(outboxMessages.createdAt, before),
      ),
      needles,
      options.now,
    );
    await scrubAuditEntries(
      tx,
      and(eq(auditLog.entity, "enquiry"), eq(auditLog.entityId, enquiry.id))!,
      needles,
      { freeText: true },
    );
  }
  await tx.insert(auditLog).values(
    stale.map((enquiry) => ({
      createdAt: options.now,
      actorId: options.actor.id,
      actorName: options.actor.name,
      action: "enquiry.delete",
      entity: "enquiry",
      entityId: enquiry.id,
      changes: { reason: { from: null, to: "retention" } },
    })),
  );
  await tx.delete(enquiries).where(
    inArray(
      enquiries.id,
      stale.map((e) => e.id),
    ),
  );
  return stale.length;
}
