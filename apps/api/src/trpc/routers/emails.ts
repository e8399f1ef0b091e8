import { idInputSchema } from "@clinic/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { emailMessage, listEmails, resendEmail } from "../../email/emails.js";
import { permissionProcedure } from "../trpc.js";

const listInput = z
  .object({
    status: z.enum(["pending", "sent", "failed"]).optional(),
    kind: z.string().trim().min(1).max(100).optional(),
    /** Emails or texts (decision 030); both when unset. */
    channel: z.enum(["email", "sms"]).optional(),
    page: z.number().int().min(1).max(100_000).default(1),
    pageSize: z.number().int().min(1).max(200).default(50),
  })
  .default({ page: 1, pageSize: 50 });

/**
 * The outbox as the clinic's sent mail (decision 005), for owner and front desk: every email
 * sent, queued or failed; in development, where nothing is sent, the mailbox.
 */
export const emailsRouter = {
  /** A page of emails, newest first, filtered by status and kind. */
  list: permissionProcedure("emails.read")
    .input(listInput)
    .query(({ ctx, input }) => listEmails(ctx, input)),

  /** One email with its text, its HTML made safe to show, and its attachments. */
  get: permissionProcedure("emails.read")
    .input(idInputSchema)
    .query(({ ctx, input }) => emailMessage(ctx, input.id)),

  /** Queues a failed email again (CONFLICT unless it failed); audited. */
  resend: permissionProcedure("emails.resend")
    .meta({ access: "staff", permission: "emails.resend", publicContent: "unchanged" })
    .input(idInputSchema)
    .mutation(({ ctx, input }) => resendEmail(ctx, input.id)),
} satisfies TRPCRouterRecord;
