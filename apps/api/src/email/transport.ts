import type { OutboxAttachment } from "@clinic/db";
import { createTransport } from "nodemailer";
import type { Logger } from "../logger.js";

export interface OutgoingMail {
  /** The outbox row this came from; sent as a header so a delivery can be traced back. */
  id: string;
  /** What the message is (`booking.confirmation`…), for logs. */
  kind: string;
  from: { name: string; address: string };
  to: string;
  replyTo?: string;
  subject: string;
  text: string;
  html: string;
  attachments: OutboxAttachment[];
}

/** Where outbox messages go. `send` resolves once the message is accepted, and throws otherwise. */
export interface MailTransport {
  send(message: OutgoingMail): Promise<void>;
  close?(): Promise<void>;
}

// Sends must end well within the outbox lease (10 minutes), or a slow server
// could see one message claimed, and sent, twice.
const SMTP_TIMEOUTS = {
  connectionTimeout: 30_000,
  greetingTimeout: 30_000,
  socketTimeout: 60_000,
};

/** Sends through an SMTP server, e.g. `smtp://user:pass@smtp.example.com:587` or `smtps://…`. */
export function smtpTransport(url: string): MailTransport {
  const transporter = createTransport({ url, ...SMTP_TIMEOUTS });
  return {
    async send(message) {
      await transporter.sendMail({
        from: { name: message.from.name, address: message.from.address },
        to: message.to,
        ...(message.replyTo ? { replyTo: message.replyTo } : {}),
        subject: message.subject,
        text: message.text,
        html: message.html,
        headers: { "X-Outbox-Id": message.id },
        attachments: message.attachments.map((attachment) => ({
          filename: attachment.filename,
          contentType: attachment.contentType,
          content: attachment.content,
        })),
      });
    },
    async close() {
      transporter.close();
    },
  };
}

/**
 * Development "delivery", when no SMTP server is configured: the message stays in the outbox
 * table, which the admin app's development mailbox shows (owners only), links and all. The log
 * says only that it arrived: an email's recipient, subject and links (a working manage link)
 * must never reach a log (decision 011).
 */
export function devMailbox(logger: Logger): MailTransport {
  return {
    async send(message) {
      logger.info("email delivered to the development mailbox", {
        id: message.id,
        kind: message.kind,
      });
    },
  };
}
