import {
  countEnquiriesByStatus,
  findEnquiry,
  getClinicSettings,
  insertEnquiry,
  insertEnquiryNote,
  listEnquiries,
  listEnquiryNotes,
  recordAudit,
  setEnquiryStatus,
} from "@clinic/db";
import {
  enquiryInputSchema,
  enquiryNoteBodySchema,
  enquiryReplySchema,
  enquiryStatusSchema,
  idInputSchema,
  idSchema,
} from "@clinic/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { enforceRateLimit, formGuardSchema, rejectAutomated } from "../../abuse/public-forms.js";
import type { StaffContext } from "../../context.js";
import { enqueueEnquiryNotice } from "../../email/enquiry-emails.js";
import { enqueueEnquiryReply } from "../../email/enquiry-reply.js";
import { NotFoundError } from "../../errors.js";
import { permissionProcedure, publicProcedure } from "../trpc.js";

const NOT_FOUND = "We couldn't find that enquiry";
const PAGE_SIZE = 20;

async function detail(ctx: StaffContext, id: string) {
  const enquiry = await findEnquiry(ctx.db, id);
  if (!enquiry) throw new NotFoundError(NOT_FOUND);
  const entries = await listEnquiryNotes(ctx.db, id);
  return {
    ...enquiry,
    notes: entries.filter((e) => e.kind === "note"),
    replies: entries.filter((e) => e.kind === "reply"),
  };
}

export const enquiriesRouter = {
  /** The contact form: stored as a new enquiry, with a notice to the clinic in the same transaction. */
  submit: publicProcedure
    .input(enquiryInputSchema.extend(formGuardSchema.shape))
    .mutation(async ({ ctx, input }) => {
      const { honeypot, renderedAt, ...enquiry } = input;
      rejectAutomated(ctx, { honeypot, renderedAt });
      await enforceRateLimit(ctx, "enquiry");
      const settings = await getClinicSettings(ctx.db);
      const now = ctx.now();
      const saved = await ctx.db.transaction(async (tx) => {
        const row = await insertEnquiry(tx, { ...enquiry, createdAt: now });
        await enqueueEnquiryNotice(tx, { ...enquiry, id: row.id, receivedAt: now }, settings, now);
        return row;
      });
      ctx.logger.info("enquiry received", { enquiryId: saved.id });
      return { id: saved.id, receivedAt: saved.createdAt };
    }),

  /** Staff inbox: enquiries of one status (all when omitted), newest first, 20 a page, with counts per status. */
  list: permissionProcedure("enquiries.read")
    .input(
      z.object({
        status: enquiryStatusSchema.optional(),
        page: z.number().int().min(1).max(10_000).default(1),
      }),
    )
    .query(async ({ ctx, input }) => {
      const [result, counts] = await Promise.all([
        listEnquiries(ctx.db, {
          status: input.status,
          limit: PAGE_SIZE,
          offset: (input.page - 1) * PAGE_SIZE,
        }),
        countEnquiriesByStatus(ctx.db),
      ]);
      return { ...result, counts, page: input.page, pageSize: PAGE_SIZE };
    }),

  /** One enquiry with its internal notes and the replies sent, each oldest first with its author. */
  detail: permissionProcedure("enquiries.read")
    .input(idInputSchema)
    .query(({ ctx, input }) => detail(ctx, input.id)),

  /** Moves an enquiry between new, in progress and closed. */
  setStatus: permissionProcedure("enquiries.write")
    .input(z.object({ id: idSchema, status: enquiryStatusSchema }))
    .mutation(async ({ ctx, input }) => {
      await ctx.db.transaction(async (tx) => {
        const enquiry = await findEnquiry(tx, input.id, { lock: true });
        if (!enquiry) throw new NotFoundError(NOT_FOUND);
        await setEnquiryStatus(tx, input.id, input.status, ctx.now());
        await recordAudit(tx, {
          at: ctx.now(),
          actor: { id: ctx.user.id, name: ctx.user.name },
          action: "enquiry.status",
          entity: "enquiry",
          entityId: input.id,
          changes: { status: { from: enquiry.status, to: input.status } },
        });
      });
      return { id: input.id, status: input.status };
    }),

  /** Adds an internal note (never sent to the enquirer). */
  addNote: permissionProcedure("enquiries.write")
    .input(z.object({ id: idSchema, body: enquiryNoteBodySchema }))
    .mutation(async ({ ctx, input }) => {
      const note = await ctx.db.transaction(async (tx) => {
        const enquiry = await findEnquiry(tx, input.id, { lock: true });
        if (!enquiry) throw new NotFoundError(NOT_FOUND);
        const row = await insertEnquiryNote(tx, {
          enquiryId: input.id,
          authorId: ctx.user.id,
          kind: "note",
          body: input.body,
          createdAt: ctx.now(),
        });
        await recordAudit(tx, {
          at: ctx.now(),
          actor: { id: ctx.user.id, name: ctx.user.name },
          action: "enquiry.note",
          entity: "enquiry",
          entityId: input.id,
          changes: { noteId: row.id },
        });
        return row;
      });
      return { id: note.id, createdAt: note.createdAt };
    }),

  /**
   * Emails a reply to the enquirer from the clinic (through the outbox, in
   * the same transaction), keeps it on the enquiry, and moves a new enquiry
   * to in progress. Returns the enquiry's status after the reply.
   */
  reply: permissionProcedure("enquiries.write")
    .input(enquiryReplySchema.extend({ id: idSchema }))
    .mutation(async ({ ctx, input }) => {
      const clinic = await getClinicSettings(ctx.db);
      const now = ctx.now();
      return ctx.db.transaction(async (tx) => {
        const enquiry = await findEnquiry(tx, input.id, { lock: true });
        if (!enquiry) throw new NotFoundError(NOT_FOUND);
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
        await recordAudit(tx, {
          at: ctx.now(),
          actor: { id: ctx.user.id, name: ctx.user.name },
          action: "enquiry.reply",
          entity: "enquiry",
          entityId: input.id,
          changes: {
            noteId: note.id,
            outboxMessageId: message.id,
            subject: message.subject,
            ...(status !== enquiry.status ? { status: { from: enquiry.status, to: status } } : {}),
          },
        });
        return { id: input.id, status, replyId: note.id, subject: message.subject };
      });
    }),
} satisfies TRPCRouterRecord;
