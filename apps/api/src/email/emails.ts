import {
  findMessage,
  type OutboxChannel,
  type OutboxMessage,
  type OutboxStatus,
  outboxKinds,
  pageMessages,
  requeueFailedMessage,
} from "@clinic/db";
import { can } from "@clinic/domain";
import sanitizeHtml from "sanitize-html";
import { audit } from "../audit/audit.js";
import type { StaffContext } from "../context.js";
import { ConflictError, NotFoundError } from "../errors.js";

// The outbox read as the clinic's sent-mail folder (decision 005): owner and front desk see what
// went, or waits, to whom. Messages hold patients' manage links: they are shown, never logged.

function summary(message: OutboxMessage, now: Date) {
  return {
    id: message.id,
    kind: message.kind,
    /** "email", or "sms": `to` is then a phone number and there is no HTML (decision 030). */
    channel: message.channel as OutboxChannel,
    to: message.toAddress,
    subject: message.subject,
    status: message.status,
    /** A pending message not yet due (a reminder, a retry's backoff): when it will go out. */
    scheduledFor:
      message.status === "pending" && message.sendAfter.getTime() > now.getTime()
        ? message.sendAfter
        : null,
    attempts: message.attempts,
    lastError: message.lastError,
    bookingId: message.bookingId,
    createdAt: message.createdAt,
    sentAt: message.sentAt,
  };
}

/** A page of emails, newest first, with the kinds there are to filter by. */
export async function listEmails(
  ctx: StaffContext,
  input: {
    status?: OutboxStatus | undefined;
    kind?: string | undefined;
    channel?: OutboxChannel | undefined;
    page: number;
    pageSize: number;
  },
) {
  const [{ messages, total }, kinds] = await Promise.all([
    pageMessages(ctx.db, {
      status: input.status,
      kind: input.kind,
      channel: input.channel,
      offset: (input.page - 1) * input.pageSize,
      limit: input.pageSize,
    }),
    outboxKinds(ctx.db),
  ]);
  const now = ctx.now();
  return {
    messages: messages.map((message) => summary(message, now)),
    total,
    page: input.page,
    pageSize: input.pageSize,
    kinds,
    /** No SMTP server: "sent" means kept here, and this page is the mailbox. */
    devMailbox: ctx.devMailbox,
  };
}

// Our templates escape everything they insert; this is a second fence, for a message written
// by an older template or by hand: no scripts, forms or remote frames, only http(s)/mailto links.
function sanitiseEmailHtml(html: string): string {
  return sanitizeHtml(html, {
    allowedTags: [...sanitizeHtml.defaults.allowedTags, "html", "head", "body", "title", "meta"],
    allowedAttributes: {
      "*": ["style", "align", "valign", "role", "lang"],
      a: ["href", "title"],
      meta: ["charset"],
    },
    allowedSchemes: ["http", "https", "mailto"],
    allowVulnerableTags: false,
  });
}

/** One email: its text, its HTML made safe to show, and its attachments' names. */
export async function emailMessage(ctx: StaffContext, id: string) {
  const message = await findMessage(ctx.db, id);
  if (!message) throw new NotFoundError("No such email");
  const purged = message.bodyPurgedAt !== null;
  // An intake form link opens the patient's answers in progress: only for those who may read
  // them (decision 029); the front desk sees where it was, not the link.
  const shown = can(ctx.user.role, "intake.read") ? (body: string) => body : hideIntakeLinks;
  return {
    ...summary(message, ctx.now()),
    text: shown(message.textBody),
    html: purged || message.htmlBody === "" ? null : shown(sanitiseEmailHtml(message.htmlBody)),
    // Housekeeping empties sent bodies after the retention period; the metadata stays.
    purged,
    attachments: message.attachments.map((attachment) => ({
      filename: attachment.filename,
      contentType: attachment.contentType,
    })),
    devMailbox: ctx.devMailbox,
  };
}

const INTAKE_LINK = /\/intake\/[A-Za-z0-9_-]{16,}/g;

function hideIntakeLinks(body: string): string {
  return body.replace(INTAKE_LINK, "/intake/[hidden]");
}

/** Queues a failed email again, due now, with a fresh count of attempts. */
export async function resendEmail(ctx: StaffContext, id: string) {
  const message = await findMessage(ctx.db, id);
  if (!message) throw new NotFoundError("No such email");
  const requeued = await ctx.db.transaction(async (tx) => {
    if (!(await requeueFailedMessage(tx, id, ctx.now()))) return false;
    await audit(tx, ctx, {
      action: "email.resend",
      entityId: id,
      // The kind, not the address or subject: the audit log is not a copy of the mail.
      changes: {
        status: { from: "failed", to: "pending" },
        kind: { from: null, to: message.kind },
      },
    });
    return true;
  });
  if (!requeued) throw new ConflictError("Only an email that failed can be sent again");
  return summary((await findMessage(ctx.db, id))!, ctx.now());
}
