import { type Executor, enqueueMessage } from "@clinic/db";
import type { ClinicSettings } from "@clinic/domain";
import { escapeHtml, formatAppointmentTime, type RenderedEmail } from "../email/templates.js";

/** The outbox `kind` of a waitlist offer. */
export const WAITLIST_OFFER_KIND = "waitlist.offer";

export interface WaitlistOfferEmailData {
  name: string;
  email: string;
  service: { name: string; durationMinutes: number };
  /** Who the time is with: a practitioner's name, or null for whoever is free. */
  practitionerName: string | null;
  startsAt: Date;
  expiresAt: Date;
  claimUrl: string;
}

// Only our own web links ever become an href.
const safeHref = (url: string) => (/^https?:\/\//i.test(url) ? escapeHtml(url) : "#");
const paragraph = (text: string) =>
  `<p style="margin:0 0 16px">${escapeHtml(text).replace(/\n/g, "<br>")}</p>`;

/**
 * To a patient on the waitlist: a time that suits them is free, and the first to claim it
 * gets it, until the offer expires.
 */
export function waitlistOfferEmail(
  data: WaitlistOfferEmailData,
  clinic: ClinicSettings,
): RenderedEmail {
  const when = formatAppointmentTime(data.startsAt, clinic.timeZone);
  const until = formatAppointmentTime(data.expiresAt, clinic.timeZone);
  const subject = `A time is free at ${clinic.name}: ${when}`.replace(/[\r\n]+/g, " ").trim();
  const rows: [string, string][] = [
    ["Service", `${data.service.name} (${data.service.durationMinutes} minutes)`],
    ["With", data.practitionerName ?? "The first available practitioner"],
    ["When", when],
    ["Offer ends", until],
  ];
  const intro = `A time that suits your waitlist request is free. It's offered to everyone waiting for it: the first to claim it gets it.`;
  const after =
    "If it doesn't suit you, do nothing: we'll offer you another time when one comes up. The link also lets you leave the waitlist.";
  const sign = `Questions? Call us on ${clinic.phone}.\n${clinic.name}`;
  const width = Math.max(...rows.map(([label]) => label.length));
  const text = [
    `Hi ${data.name},`,
    intro,
    rows.map(([label, value]) => `${`${label}:`.padEnd(width + 2)}${value}`).join("\n"),
    `Claim this time: ${data.claimUrl}`,
    after,
    sign,
  ].join("\n\n");
  const table = rows
    .map(
      ([label, value]) =>
        `<tr><th align="left" valign="top" style="padding:4px 16px 4px 0;font-weight:600">${escapeHtml(label)}</th><td style="padding:4px 0">${escapeHtml(value)}</td></tr>`,
    )
    .join("");
  const html = [
    "<!doctype html>",
    `<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    '<body style="font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#1a1a1a">',
    '<div style="max-width:560px;margin:0 auto;padding:24px">',
    paragraph(`Hi ${data.name},`),
    paragraph(intro),
    `<table role="presentation" style="border-collapse:collapse;margin:0 0 16px">${table}</table>`,
    `<p style="margin:0 0 16px"><a href="${safeHref(data.claimUrl)}" style="color:#0b5cad">Claim this time</a></p>`,
    paragraph(after),
    paragraph(sign),
    "</div></body></html>",
  ].join("\n");
  return { subject, text: `${text}\n`, html };
}

/** Queues an offer's email; call it in the transaction that records the offer. */
export async function enqueueWaitlistOffer(
  db: Executor,
  data: WaitlistOfferEmailData,
  clinic: ClinicSettings,
  now: Date,
): Promise<{ id: string }> {
  const rendered = waitlistOfferEmail(data, clinic);
  const message = await enqueueMessage(db, {
    kind: WAITLIST_OFFER_KIND,
    toAddress: data.email,
    subject: rendered.subject,
    textBody: rendered.text,
    htmlBody: rendered.html,
    sendAfter: now,
  });
  return { id: message.id };
}
