import { randomUUID } from "node:crypto";
import {
  type Executor,
  findIntakeRequestByTokenHash,
  getClinicSettings,
  getIntakeDraft,
  getIntakeVersion,
  hashIntakeToken,
  type IntakeRequestRecord,
  insertIntakeRequest,
  insertIntakeVersion,
  intakeStatusesForBookings,
  intakeTokenFor,
  intakeUrlFor,
  latestIntakeVersion,
  listIntakeRequestsForPatient,
  listIntakeVersions,
  moveUnstartedIntakeRequest,
  practitionerIdsForPatient,
  saveIntakeAnswers,
  saveIntakeDraft,
  schema,
} from "@clinic/db";
import {
  accessFor,
  checkIntakeAnswers,
  type IntakeFormDefinition,
  intakeLinkExpiry,
  publishProblem,
} from "@clinic/domain";
import { eq } from "drizzle-orm";
import { audit } from "../audit/audit.js";
import type { AppContext, StaffContext } from "../context.js";
import { AppError, ConflictError, FieldError, ForbiddenError, NotFoundError } from "../errors.js";

// The clinic's intake form (decision 029): the owner builds and publishes versions; a new
// patient's confirmation links to it; the patient saves answers as they go and submits; staff
// whose role allows it read the answers, and every read is audited. Answers never go into an
// email or a log line.

/** Answers that don't fit their version: one message per question, by `answers.<questionId>`. */
export class IntakeAnswersError extends AppError {
  readonly issues: { path: string[]; message: string }[];
  constructor(errors: Record<string, string>) {
    super("bad_request", "Some answers need another look");
    this.issues = Object.entries(errors).map(([id, message]) => ({
      path: ["answers", id],
      message,
    }));
  }
}

/** What the builder starts from before anything was saved or published. */
const EMPTY_FORM: IntakeFormDefinition = {
  title: "New patient questionnaire",
  introduction: "",
  questions: [],
};

// The owner's builder ---------------------------------------------------------------------

/** The draft (or the newest version, or an empty form), with every published version. */
export async function intakeFormEditor(ctx: StaffContext) {
  const [draft, latest, versions] = await Promise.all([
    getIntakeDraft(ctx.db),
    latestIntakeVersion(ctx.db),
    listIntakeVersions(ctx.db),
  ]);
  const definition = draft?.definition ?? latest?.definition ?? EMPTY_FORM;
  return {
    definition,
    draftSavedAt: draft?.updatedAt ?? null,
    // Whether the draft holds changes nobody has published yet.
    unpublishedChanges:
      latest === null || JSON.stringify(definition) !== JSON.stringify(latest.definition),
    latestVersion: latest ? { id: latest.id, version: latest.version } : null,
    versions,
  };
}

/** Saves the draft; patients keep getting the published version until it is published. */
export async function saveIntakeFormDraft(ctx: StaffContext, definition: IntakeFormDefinition) {
  await ctx.db.transaction(async (tx) => {
    await saveIntakeDraft(tx, definition, { by: ctx.user.id, now: ctx.now() });
    await audit(tx, ctx, {
      action: "intake_form.update_draft",
      entityId: null,
      changes: {
        title: { from: null, to: definition.title },
        questions: { from: null, to: definition.questions.length },
      },
    });
  });
  return intakeFormEditor(ctx);
}

/** Saves the draft and publishes it as the next version, which new patients are sent from now on. */
export async function publishIntakeForm(ctx: StaffContext, definition: IntakeFormDefinition) {
  const problem = publishProblem(definition);
  if (problem) throw new FieldError("definition.questions", problem);
  const version = await ctx.db.transaction(async (tx) => {
    await saveIntakeDraft(tx, definition, { by: ctx.user.id, now: ctx.now() });
    const published = await insertIntakeVersion(tx, {
      definition,
      by: { id: ctx.user.id, name: ctx.user.name },
      now: ctx.now(),
    });
    await audit(tx, ctx, {
      action: "intake_form.publish",
      entityId: published.id,
      changes: {
        version: { from: null, to: published.version },
        title: { from: null, to: definition.title },
        questions: { from: null, to: definition.questions.length },
      },
    });
    return published;
  });
  ctx.logger.info("intake form published", { version: version.version });
  return { version: version.version, id: version.id };
}

/** One published version as it was published (the builder's history). */
export async function intakeFormVersion(ctx: StaffContext, id: string) {
  const version = await getIntakeVersion(ctx.db, id);
  if (!version) throw new NotFoundError("No such version of the form");
  return version;
}

// Sending the link --------------------------------------------------------------------------

/**
 * For a new patient's booking, in its transaction: a request against the newest published
 * version and the link for the confirmation email. Null when no form is published yet.
 */
export async function issueIntakeRequest(
  tx: Executor,
  ctx: Pick<AppContext, "appSecret" | "webUrl">,
  input: { patientId: string; bookingId: string; startsAt: Date; now: Date },
): Promise<string | null> {
  const version = await latestIntakeVersion(tx);
  if (!version) return null;
  const id = randomUUID();
  const token = intakeTokenFor(id, ctx.appSecret);
  await insertIntakeRequest(tx, {
    id,
    patientId: input.patientId,
    bookingId: input.bookingId,
    formVersionId: version.id,
    tokenHash: hashIntakeToken(token),
    expiresAt: intakeLinkExpiry(input.now, input.startsAt),
    now: input.now,
  });
  return intakeUrlFor(ctx.webUrl, token);
}

// The patient's page ------------------------------------------------------------------------

const LINK_NOT_FOUND = "That form link isn't valid. Check the link in your confirmation email.";

async function requestByToken(db: Executor, token: string, options: { lock?: boolean } = {}) {
  const request = await findIntakeRequestByTokenHash(db, hashIntakeToken(token), options);
  if (!request) throw new NotFoundError(LINK_NOT_FOUND);
  return request;
}

/** The clinic's name and phone (for "call us") and zone (dates on the page are its dates). */
async function clinicFor(db: Executor) {
  const settings = await getClinicSettings(db);
  return { name: settings.name, phone: settings.phone, timeZone: settings.timeZone };
}

function expired(request: IntakeRequestRecord, now: Date): boolean {
  return request.expiresAt.getTime() <= now.getTime();
}

/**
 * The form a link opens: its questions and the answers saved so far. A submitted form shows
 * only that it was received (the answers stay with the clinic); an expired link says so.
 */
export async function intakeFormByToken(ctx: AppContext, token: string) {
  let request = await requestByToken(ctx.db, token);
  const now = ctx.now();
  const clinic = await clinicFor(ctx.db);
  if (request.status === "submitted") {
    return { state: "submitted" as const, clinic, submittedAt: request.submittedAt };
  }
  if (expired(request, now)) {
    return { state: "expired" as const, clinic, expiresAt: request.expiresAt };
  }
  // Not started yet: the patient gets the newest version, even if it was published after the link.
  if (request.status === "not_started") {
    const latest = await latestIntakeVersion(ctx.db);
    if (latest && latest.id !== request.version.id) {
      await moveUnstartedIntakeRequest(ctx.db, request.id, latest.id, now);
      request = await requestByToken(ctx.db, token);
    }
  }
  return {
    state: "open" as const,
    clinic,
    status: request.status,
    definition: request.version.definition,
    answers: request.answers,
    expiresAt: request.expiresAt,
    savedAt: request.startedAt ? request.updatedAt : null,
  };
}

/**
 * Saves answers through the link: well-formed answers only (with every error next to its
 * question, and nothing written when there is one); `submit` also needs every required answer
 * and completes the form, after which it can't be changed.
 */
export async function saveIntakeByToken(
  ctx: AppContext,
  input: { token: string; answers: Record<string, unknown>; submit: boolean },
) {
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const request = await requestByToken(tx, input.token, { lock: true });
    if (request.status === "submitted") {
      throw new ConflictError(
        "This form was already submitted. Call the clinic to change an answer.",
      );
    }
    if (expired(request, now)) throw new NotFoundError("This form link has expired");
    const check = checkIntakeAnswers(request.version.definition, input.answers, {
      complete: input.submit,
    });
    if (!check.ok) throw new IntakeAnswersError(check.errors);
    await saveIntakeAnswers(tx, request.id, check.answers, { now, submit: input.submit });
    // Which request, never what it holds.
    ctx.logger.info(input.submit ? "intake form submitted" : "intake form saved", {
      intakeRequestId: request.id,
    });
    return {
      status: input.submit ? ("submitted" as const) : ("in_progress" as const),
      savedAt: now,
    };
  });
}

// Staff ------------------------------------------------------------------------------------

async function requirePatient(ctx: StaffContext, patientId: string) {
  const [patient] = await ctx.db
    .select({ id: schema.patients.id, erasedAt: schema.patients.erasedAt })
    .from(schema.patients)
    .where(eq(schema.patients.id, patientId));
  if (!patient) throw new NotFoundError("We couldn't find that patient");
  return patient;
}

/** Where each of a patient's forms stands, without answers (anyone who may see the patient). */
export async function intakeStatusForPatient(ctx: StaffContext, patientId: string) {
  await requirePatient(ctx, patientId);
  const requests = await listIntakeRequestsForPatient(ctx.db, patientId);
  return {
    patientId,
    canReadAnswers: await mayReadAnswers(ctx, patientId),
    forms: requests.map((r) => ({
      id: r.id,
      bookingId: r.bookingId,
      status: r.status,
      formTitle: r.version.definition.title,
      formVersion: r.version.version,
      expiresAt: r.expiresAt,
      startedAt: r.startedAt,
      submittedAt: r.submittedAt,
    })),
  };
}

/** Where a booking's form stands (the one sent with it), without answers. */
export async function intakeStatusForBooking(ctx: StaffContext, bookingId: string) {
  const [booking] = await ctx.db
    .select({ id: schema.bookings.id, patientId: schema.bookings.patientId })
    .from(schema.bookings)
    .where(eq(schema.bookings.id, bookingId));
  if (!booking) throw new NotFoundError("We couldn't find that booking");
  const statuses = await intakeStatusesForBookings(ctx.db, [bookingId]);
  const { forms, canReadAnswers } = await intakeStatusForPatient(ctx, booking.patientId);
  return {
    patientId: booking.patientId,
    canReadAnswers,
    bookingStatus: statuses.get(bookingId) ?? null,
    // The patient's newest form, whichever booking it came with (a returning patient's form
    // came with their first booking).
    latest: forms[0] ?? null,
  };
}

/** The owner reads everyone's answers; a practitioner those of patients booked with them. */
async function mayReadAnswers(ctx: StaffContext, patientId: string): Promise<boolean> {
  const access = accessFor(ctx.user.role, "intake.read");
  if (access === "all") return true;
  if (access === "none" || ctx.user.practitionerId === null) return false;
  return (await practitionerIdsForPatient(ctx.db, patientId)).includes(ctx.user.practitionerId);
}

/**
 * A patient's forms with their answers, each with the questions of the version it answered.
 * A mutation in the router: every read is recorded in the audit log (who read whose answers).
 */
export async function intakeAnswersForPatient(
  ctx: StaffContext,
  input: { patientId: string; bookingId?: string | undefined },
) {
  const patient = await requirePatient(ctx, input.patientId);
  if (!(await mayReadAnswers(ctx, input.patientId))) {
    throw new ForbiddenError("Only the patient's practitioners and the owner read intake answers");
  }
  const requests = await listIntakeRequestsForPatient(ctx.db, input.patientId);
  await ctx.db.transaction((tx) =>
    audit(tx, ctx, {
      action: "patient.read_intake",
      entityId: input.patientId,
      changes: {
        forms: { from: null, to: requests.map((r) => r.id) },
        // Read from a booking's page, or the patient's.
        ...(input.bookingId ? { bookingId: { from: null, to: input.bookingId } } : {}),
      },
    }),
  );
  return {
    patientId: input.patientId,
    erased: patient.erasedAt !== null,
    forms: requests.map((r) => ({
      id: r.id,
      bookingId: r.bookingId,
      status: r.status,
      formVersion: r.version.version,
      definition: r.version.definition,
      answers: r.answers,
      startedAt: r.startedAt,
      submittedAt: r.submittedAt,
      updatedAt: r.updatedAt,
    })),
  };
}
