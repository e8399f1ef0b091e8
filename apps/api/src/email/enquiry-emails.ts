import { type Executor, enqueueMessage } from "@clinic/db";
import type { ClinicSettings, EnquiryInput } from "@clinic/domain";
import { escapeHtml, formatAppointmentTime, type RenderedEmail } from "./templates.js";

export const ENQUIRY_NOTICE_KIND = "enquiry.clinic_notice";

export interface EnquiryNoticeData extends EnquiryInput {
  id: string;
  receivedAt: Date;
}

/** To the clinic, when someone sends the contact form; replying answers the sender. */
export function enquiryNoticeEmail(
  enquiry: EnquiryNoticeData,
  clinic: ClinicSettings,
): RenderedEmail {
  const when = formatAppointmentTime(enquiry.receivedAt, clinic.timeZone);
  const subject = `New enquiry from ${enquiry.name}`.replace(/[\r\n]+/g, " ");
  const rows: [string, string][] = [
    ["From", enquiry.name],
    ["Email", enquiry.email],
    ["Phone", enquiry.phone ?? "not given"],
    ["Received", when],
  ];
  const text = [
    `A new enquiry arrived through the website.`,
    rows.map(([label, value]) => `${`${label}:`.padEnd(10)}${value}`).join("\n"),
    enquiry.message,
    "It is waiting in the admin app's enquiries inbox.",
  ].join("\n\n");
  const html = [
    "<!doctype html>",
    `<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    '<body style="font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#1a1a1a">',
    '<div style="max-width:560px;margin:0 auto;padding:24px">',
    "<p>A new enquiry arrived through the website.</p>",
    `<table role="presentation">${rows
      .map(
        ([label, value]) =>
          `<tr><th align="left" style="padding-right:16px">${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`,
      )
      .join("")}</table>`,
    `<p style="white-space:pre-wrap">${escapeHtml(enquiry.message)}</p>`,
    "<p>It is waiting in the admin app's enquiries inbox.</p>",
    "</div></body></html>",
  ].join("\n");
  return { subject, text: `${text}\n`, html };
}

/** Queues the clinic's notice of a new enquiry; call it in the transaction that stores the enquiry. */
export async function enqueueEnquiryNotice(
  db: Executor,
  enquiry: EnquiryNoticeData,
  clinic: ClinicSettings,
  now: Date,
): Promise<void> {
  const rendered = enquiryNoticeEmail(enquiry, clinic);
  await enqueueMessage(db, {
    kind: ENQUIRY_NOTICE_KIND,
    toAddress: clinic.email,
    subject: rendered.subject,
    textBody: rendered.text,
    htmlBody: rendered.html,
    sendAfter: now,
  });
}
