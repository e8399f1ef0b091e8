import {
  enquiriesExportInputSchema,
  enquiryInputSchema,
  enquiryNoteBodySchema,
  enquiryReplySchema,
  enquiryStatusSchema,
  idInputSchema,
  idSchema,
} from "@clinic/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { formGuardSchema } from "../../abuse/public-forms.js";
import {
  addEnquiryNote,
  changeEnquiryStatus,
  enquiryDetail,
  enquiryInbox,
  replyToEnquiry,
  submitEnquiry,
} from "../../enquiries/enquiries.js";
import { exportEnquiriesCsv } from "../../exports/csv-exports.js";
import { exportProcedure, permissionProcedure, publicSubmitProcedure } from "../trpc.js";

export const enquiriesRouter = {
  /** The contact form: stored as a new enquiry, with a notice to the clinic in the same transaction. */
  submit: publicSubmitProcedure
    .input(enquiryInputSchema.extend(formGuardSchema.shape))
    .mutation(({ ctx, input }) => submitEnquiry(ctx, input)),

  /** Staff inbox: enquiries of one status (all when omitted), newest first, 20 a page, with counts per status. */
  list: permissionProcedure("enquiries.read")
    .input(
      z.object({
        status: enquiryStatusSchema.optional(),
        page: z.number().int().min(1).max(10_000).default(1),
      }),
    )
    .query(({ ctx, input }) => enquiryInbox(ctx, input)),

  /**
   * Every enquiry, or those of one status, as a CSV file, newest first (at most 10,000 rows).
   * A mutation: every export is audited.
   */
  exportCsv: exportProcedure
    .input(enquiriesExportInputSchema)
    .mutation(({ ctx, input }) => exportEnquiriesCsv(ctx, input)),

  /** One enquiry with its internal notes and the replies sent, each oldest first with its author. */
  detail: permissionProcedure("enquiries.read")
    .input(idInputSchema)
    .query(({ ctx, input }) => enquiryDetail(ctx, input.id)),

  /** Moves an enquiry between new, in progress and closed. */
  setStatus: permissionProcedure("enquiries.write")
    .input(z.object({ id: idSchema, status: enquiryStatusSchema }))
    .mutation(({ ctx, input }) => changeEnquiryStatus(ctx, input)),

  /** Adds an internal note (never sent to the enquirer). */
  addNote: permissionProcedure("enquiries.write")
    .input(z.object({ id: idSchema, body: enquiryNoteBodySchema }))
    .mutation(({ ctx, input }) => addEnquiryNote(ctx, input)),

  /**
   * Emails a reply to the enquirer from the clinic (through the outbox, in
   * the same transaction), keeps it on the enquiry, and moves a new enquiry
   * to in progress. Returns the enquiry's status after the reply.
   */
  reply: permissionProcedure("enquiries.write")
    .input(enquiryReplySchema.extend({ id: idSchema }))
    .mutation(({ ctx, input }) => replyToEnquiry(ctx, input)),
} satisfies TRPCRouterRecord;
