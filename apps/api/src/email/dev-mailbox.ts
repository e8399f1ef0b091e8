import { findMessage, listMessages, type OutboxMessage } from "@clinic/db";
import type { StaffContext } from "../context.js";
import { NotFoundError } from "../errors.js";

const CLOSED =
  "The development mailbox is only open while the API sends no email (no SMTP_URL is set).";

/** With an SMTP server the outbox is a queue, not a mailbox: nobody reads patients' emails there. */
function requireOpen(ctx: StaffContext) {
  if (!ctx.devMailbox) throw new NotFoundError(CLOSED);
}

function summary(message: OutboxMessage) {
  return {
    id: message.id,
    kind: message.kind,
    to: message.toAddress,
    subject: message.subject,
    status: message.status,
    createdAt: message.createdAt,
    sentAt: message.sentAt,
  };
}

/** Whether the mailbox is open, for the admin app's menu. */
export function devMailboxStatus(ctx: StaffContext) {
  return { open: ctx.devMailbox };
}

/** The latest messages, newest first: what a developer would find in their inbox. */
export async function listDevMailbox(ctx: StaffContext, input: { limit: number }) {
  requireOpen(ctx);
  return (await listMessages(ctx.db, { limit: input.limit })).map(summary);
}

/** One message with its text (links and all) and its attachments' names. */
export async function devMailboxMessage(ctx: StaffContext, id: string) {
  requireOpen(ctx);
  const message = await findMessage(ctx.db, id);
  if (!message) throw new NotFoundError("No such message");
  return {
    ...summary(message),
    text: message.textBody,
    // Housekeeping empties sent bodies after the retention period; the metadata stays.
    purged: message.bodyPurgedAt !== null,
    attachments: message.attachments.map((attachment) => attachment.filename),
  };
}
