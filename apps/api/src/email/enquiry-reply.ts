import { type Executor, enqueueMessage } from "@clinic/db";
import type { ClinicSettings } from "@clinic/domain";
import { escapeHtml, formatAppointmentTime, type RenderedEmail } from "./templates.js";

export const ENQUIRY_REPLY_KIND = "enquiry.reply";

export interface EnquiryReplyData {
  enquiry: { name: string; email: string; message: string; createdAt: Date };
  /** One line; defaults to "Re: your enquiry to <clinic>". */
  subject?: string | undefined;
  body: string;
  staffName: string;
}

const paragraphHtml = (text: string) =>
  `<p style="margin:0 0 16px;white-space:pre-wrap">${escapeHtml(text)}</p>`;

/**
 * A staff reply to someone who used the contact form: the reply, signed by
 * the staff member and the clinic, then their original message quoted.
 * Sent from the clinic's address, so their answer comes back to the clinic.
 */
export function enquiryReplyEmail(data: EnquiryReplyData, clinic: ClinicSettings): RenderedEmail {
  const subject = (data.subject?.trim() || `Re: your enquiry to ${clinic.name}`)
    .replace(/[\r\n]+/g, " ")
    .trim();
  const signature = `${data.staffName}\n${clinic.name}\n${clinic.phone}`;
  const received = formatAppointmentTime(data.enquiry.createdAt, clinic.timeZone);
  const quotedIntro = `On ${received} you wrote:`;
  const text = [
    `Hi ${data.enquiry.name},`,
    data.body,
    signature,
    `${quotedIntro}\n${data.enquiry.message
      .split("\n")
      .map((line) => `> ${line}`)
      .join("\n")}`,
  ].join("\n\n");
  const html = [
    "<!doctype html>",
    `<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    '<body style="font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#1a1a1a">',
    '<div style="max-width:560px;margin:0 auto;padding:24px">',
    paragraphHtml(`Hi ${data.enquiry.name},`),
    paragraphHtml(data.body),
    paragraphHtml(signature),
    `<p style="margin:24px 0 8px;color:#555">${escapeHtml(quotedIntro)}</p>`,
    `<blockquote style="margin:0;padding-left:12px;border-left:3px solid #ccc;color:#555;white-space:pre-wrap">${escapeHtml(data.enquiry.message)}</blockquote>`,
    "</div></body></html>",
  ].join("\n");
  return { subject, text: `${text}\n`, html };
}

/** Queues a reply to the enquirer; call it in the transaction that records the reply. */
export async function enqueueEnquiryReply(
  db: Executor,
  data: EnquiryReplyData,
  clinic: ClinicSettings,
  now: Date,
): Promise<{ id: string; subject: string }> {
  const rendered = enquiryReplyEmail(data, clinic);
  const message = await enqueueMessage(db, {
    kind: ENQUIRY_REPLY_KIND,
    toAddress: data.enquiry.email,
    subject: rendered.subject,
    textBody: rendered.text,
    htmlBody: rendered.html,
    sendAfter: now,
  });
  return { id: message.id, subject: rendered.subject };
}
