import {
  countEnquiriesByStatus,
  type Executor,
  findEnquiry,
  getClinicSettings,
  insertEnquiry,
  insertEnquiryNote,
  listEnquiries,
  listEnquiryNotes,
  setEnquiryStatus,
} from "@clinic/db";
import type { EnquiryInput, EnquiryReply, EnquiryStatus } from "@clinic/domain";
import type { z } from "zod";
import { enforceRateLimit, type formGuardSchema, rejectAutomated } from "../abuse/public-forms.js";
import { audit } from "../audit/audit.js";
import type { AppContext, StaffContext } from "../context.js";
import { enqueueEnquiryNotice } from "../email/enquiry-emails.js";
import { enqueueEnquiryReply } from "../email/enquiry-reply.js";
import { NotFoundError } from "../errors.js";
import { queueEnquiryWebhook } from "../webhooks/webhook-events.js";

const NOT_FOUND = "We couldn't find that enquiry";
const PAGE_SIZE = 20;

/** The contact form: stored as a new enquiry, with a notice to the clinic in the same transaction. */
export async function submitEnquiry(
  ctx: AppContext,
  input: EnquiryInput & z.infer<typeof formGuardSchema>,
) {
  const { honeypot, formToken, ...enquiry } = input;
  rejectAutomated(ctx, { honeypot, formToken }, "enquiry");
  await enforceRateLimit(ctx, "enquiry");
  const settings = await getClinicSettings(ctx.db);
  const now = ctx.now();
  const saved = await ctx.db.transaction(async (tx) => {
    const row = await insertEnquiry(tx, { ...enquiry, createdAt: now });
    await enqueueEnquiryNotice(tx, { ...enquiry, id: row.id, receivedAt: now }, settings, now);
    await queueEnquiryWebhook(tx, { ...enquiry, id: row.id }, now);
    return row;
  });
  ctx.logger.info("enquiry received", { enquiryId: saved.id });
  return { id: saved.id, receivedAt: saved.createdAt };
}

/** The inbox: enquiries of one status (all when omitted), newest first, 20 a page, with counts per status. */
export async function enquiryInbox(
  ctx: StaffContext,
  input: { status?: EnquiryStatus | undefined; page: number },
) {
  const [result, counts] = await Promise.all([
    listEnquiries(ctx.db, {
      status: input.status,
      limit: PAGE_SIZE,
      offset: (input.page - 1) * PAGE_SIZE,
    }),
    countEnquiriesByStatus(ctx.db),
  ]);
  return { ...result, counts, page: input.page, pageSize: PAGE_SIZE };
}

/** One enquiry with its internal notes and the replies sent, each oldest first with its author. */
export async function enquiryDetail(ctx: StaffContext, id: string) {
  const enquiry = await findEnquiry(ctx.db, id);
  if (!enquiry) throw new NotFoundError(NOT_FOUND);
  const entries = await listEnquiryNotes(ctx.db, id);
  return {
    ...enquiry,
    notes: entries.filter((e) => e.kind === "note"),
    replies: entries.filter((e) => e.kind === "reply"),
  };
}

async function lockEnquiry(tx: Executor, id: string) {
  const enquiry = await findEnquiry(tx, id, { lock: true });
  if (!enquiry) throw new NotFoundError(NOT_FOUND);
  return enquiry;
}

/** Moves an enquiry between new, in progress and closed. */
export async function changeEnquiryStatus(
  ctx: StaffContext,
  input: { id: string; status: EnquiryStatus },
) {
  await ctx.db.transaction(async (tx) => {
    const enquiry = await lockEnquiry(tx, input.id);
    await setEnquiryStatus(tx, input.id, input.status, ctx.now());
    await audit(tx, ctx, {
      action: "enquiry.set_status",
      entityId: input.id,
      changes: { status: { from: enquiry.status, to: input.status } },
    });
  });
  return { id: input.id, status: input.status };
}

/** Adds an internal note (never sent to the enquirer). */
export async function addEnquiryNote(ctx: StaffContext, input: { id: string; body: string }) {
  const note = await ctx.db.transaction(async (tx) => {
    await lockEnquiry(tx, input.id);
    const row = await insertEnquiryNote(tx, {
      enquiryId: input.id,
      authorId: ctx.user.id,
      kind: "note",
      body: input.body,
      createdAt: ctx.now(),
    });
    await audit(tx, ctx, {
      action: "enquiry.add_note",
      entityId: input.id,
      changes: { noteId: { from: null, to: row.id } },
    });
    return row;
  });
  return { id: note.id, createdAt: note.createdAt };
}

/**
 * Emails a reply to the enquirer from the clinic (through the outbox, in
 * the same transaction), keeps it on the enquiry, and moves a new enquiry
 * to in progress. Returns the enquiry's status after the reply.
 */
export async function replyToEnquiry(ctx: StaffContext, input: EnquiryReply & { id: string }) {
  const clinic = await getClinicSettings(ctx.db);
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const enquiry = await lockEnquiry(tx, input.id);
    const message = await enqueueEnquiryReply(
      tx,
      { enquiry, subject: input.subject, body: input.body, staffName: ctx.user.name },
      clinic,
      now,
    );
    const note = await insertEnquiryNote(tx, {
      enquiryId: input.id,
      authorId: ctx.user.id,
      kind: "reply",
      body: input.body,
      createdAt: now,
    });
    const status = enquiry.status === "new" ? "in_progress" : enquiry.status;
    if (status !== enquiry.status) await setEnquiryStatus(tx, input.id, status, now);
    await audit(tx, ctx, {
      action: "enquiry.reply",
      entityId: input.id,
      changes: {
        noteId: { from: null, to: note.id },
        outboxMessageId: { from: null, to: message.id },
        subject: { from: null, to: message.subject },
        ...(status !== enquiry.status ? { status: { from: enquiry.status, to: status } } : {}),
      },
    });
    return { id: input.id, status, replyId: note.id, subject: message.subject };
  });
}
