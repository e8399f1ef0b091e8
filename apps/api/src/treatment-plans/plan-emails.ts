import { type Executor, enqueueMessage, type OutboxAttachment } from "@clinic/db";
import type { ClinicSettings } from "@clinic/domain";
import { patientBookingEvent, renderCalendar } from "../calendar/ics.js";
import type { BookingEmailData } from "../email/booking-emails.js";
import { escapeHtml, formatAppointmentTime } from "../email/templates.js";

/** The outbox `kind` of each treatment plan email (one per plan, not one per booking). */
export const planEmailKinds = {
  confirmation: "treatment_plan.confirmation",
  clinicNotice: "treatment_plan.clinic_notice",
  cancelled: "treatment_plan.cancelled",
} as const;

interface RenderedPlanEmail {
  subject: string;
  text: string;
  html: string;
}

/** One appointment line: its number in the plan, when, with whom, and its own link. */
interface PlanLine {
  position: number;
  data: BookingEmailData;
}

function safeHref(url: string): string {
  return /^https?:\/\//i.test(url) ? escapeHtml(url) : "#";
}

function render(
  subject: string,
  intro: string[],
  lines: PlanLine[],
  options: { withLinks: boolean; footer: string[]; intakeUrl?: string | null },
  timeZone: string,
): RenderedPlanEmail {
  const when = (d: BookingEmailData) => formatAppointmentTime(d.startsAt, timeZone);
  const text = [
    ...intro,
    lines
      .map(
        ({ position, data }) =>
          `${position}. ${when(data)}, ${data.service.name} with ${data.practitioner.name}` +
          (options.withLinks ? `\n   Reschedule or cancel: ${data.manageUrl}` : ""),
      )
      .join("\n"),
    ...(options.intakeUrl ? [`${INTAKE_INVITATION}\n${options.intakeUrl}`] : []),
    ...options.footer,
  ].join("\n\n");
  const items = lines
    .map(
      ({ position, data }) =>
        `<li value="${position}" style="margin:0 0 8px">${escapeHtml(when(data))}, ` +
        `${escapeHtml(data.service.name)} with ${escapeHtml(data.practitioner.name)}` +
        (options.withLinks
          ? `<br><a href="${safeHref(data.manageUrl)}" style="color:#0b5cad">Reschedule or cancel this appointment</a>`
          : "") +
        "</li>",
    )
    .join("");
  const paragraphs = (parts: string[]) =>
    parts
      .map((p) => `<p style="margin:0 0 16px">${escapeHtml(p).replace(/\n/g, "<br>")}</p>`)
      .join("\n");
  const cleanSubject = subject.replace(/[\r\n]+/g, " ").trim();
  const html = [
    "<!doctype html>",
    `<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(cleanSubject)}</title></head>`,
    '<body style="font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#1a1a1a">',
    '<div style="max-width:560px;margin:0 auto;padding:24px">',
    paragraphs(intro),
    `<ol style="margin:0 0 16px;padding-left:24px">${items}</ol>`,
    options.intakeUrl
      ? `<p style="margin:0 0 16px">${escapeHtml(INTAKE_INVITATION)}<br><a href="${safeHref(options.intakeUrl)}" style="color:#0b5cad">Fill in your new patient form</a></p>`
      : "",
    paragraphs(options.footer),
    "</div></body></html>",
  ].join("\n");
  return { subject: cleanSubject, text: `${text}\n`, html };
}

/** A new patient's invitation to the intake form (decision 029), as the single booking's email has it. */
const INTAKE_INVITATION =
  "Before your first visit, please fill in our new patient form. It takes about five minutes; you can save it and finish later.";

function clinicFooter(settings: ClinicSettings): string {
  return `Questions? Call us on ${settings.phone} or reply to this email.\n${settings.name}`;
}

/** One calendar file with every appointment of the plan as its own event (its own UID). */
function planCalendar(lines: PlanLine[], now: Date, cancelled: boolean): OutboxAttachment {
  const method = cancelled ? "CANCEL" : "PUBLISH";
  const events = lines.map(({ data }) =>
    patientBookingEvent({
      bookingId: data.bookingId,
      startsAt: data.startsAt,
      endsAt: data.endsAt,
      cancelled,
      sequence: data.sequence,
      serviceName: data.service.name,
      practitionerName: data.practitioner.name,
      patient: { name: data.patient.name, email: data.patient.email },
      clinic: data.clinic,
      manageUrl: data.manageUrl,
    }),
  );
  return {
    filename: cancelled ? "cancelled-appointments.ics" : "appointments.ics",
    contentType: `text/calendar; charset=utf-8; method=${method}`,
    content: renderCalendar(events, { now, method }),
  };
}

/**
 * Queues a new plan's emails in its transaction: ONE confirmation to the
 * patient listing every appointment (each with its own manage link) with ONE
 * .ics holding every event, and one notice to the clinic. A patient without
 * an email gets nothing (staff read the links out).
 */
export async function enqueuePlanCreatedEmails(
  db: Executor,
  lines: PlanLine[],
  settings: ClinicSettings,
  now: Date,
  intakeUrl: string | null = null,
): Promise<void> {
  const first = lines[0];
  if (!first) return;
  const { timeZone } = settings;
  const patient = first.data.patient;
  const firstWhen = formatAppointmentTime(first.data.startsAt, timeZone);
  if (patient.email) {
    const rendered = render(
      `Your ${lines.length} appointments at ${settings.name} are confirmed, from ${firstWhen}`,
      [
        `Hi ${patient.name},`,
        `Your treatment plan is booked: ${lines.length} appointments at ${settings.name}. Each has its own link to reschedule or cancel it, and the attached calendar file adds them all.`,
      ],
      lines,
      { withLinks: true, footer: [clinicFooter(settings)], intakeUrl },
      timeZone,
    );
    await enqueueMessage(db, {
      kind: planEmailKinds.confirmation,
      toAddress: patient.email,
      ...bodies(rendered),
      attachments: [planCalendar(lines, now, false)],
      bookingId: first.data.bookingId,
      sendAfter: now,
    });
  }
  const notice = render(
    `New treatment plan: ${patient.name}, ${lines.length} × ${first.data.service.name}, from ${firstWhen}`,
    [
      "A treatment plan was booked by the clinic's staff.",
      `Patient: ${patient.name}\nEmail: ${patient.email ?? "(none)"}\nPhone: ${patient.phone ?? "(none)"}\nNotes: ${first.data.notes.trim() || "(none)"}`,
    ],
    lines,
    { withLinks: false, footer: [] },
    timeZone,
  );
  await enqueueMessage(db, {
    kind: planEmailKinds.clinicNotice,
    toAddress: settings.email,
    ...bodies(notice),
    bookingId: first.data.bookingId,
    sendAfter: now,
  });
}

/**
 * Queues ONE email to the patient for the appointments of a plan cancelled
 * together ("this and the rest"), with one METHOD:CANCEL .ics for them all.
 */
export async function enqueuePlanCancelledEmail(
  db: Executor,
  lines: PlanLine[],
  settings: ClinicSettings,
  reason: string,
  now: Date,
): Promise<void> {
  const first = lines[0];
  if (!first?.data.patient.email) return;
  const rendered = render(
    `${lines.length} appointments at ${settings.name} are cancelled`,
    [
      `Hi ${first.data.patient.name},`,
      `These appointments of your treatment plan have been cancelled:`,
    ],
    lines,
    {
      withLinks: false,
      footer: [
        `Reason: ${reason}`,
        `To book again, visit our website or call us on ${settings.phone}.\n${settings.name}`,
      ],
    },
    settings.timeZone,
  );
  await enqueueMessage(db, {
    kind: planEmailKinds.cancelled,
    toAddress: first.data.patient.email,
    ...bodies(rendered),
    attachments: [planCalendar(lines, now, true)],
    bookingId: first.data.bookingId,
    sendAfter: now,
  });
}

function bodies(rendered: RenderedPlanEmail) {
  return { subject: rendered.subject, textBody: rendered.text, htmlBody: rendered.html };
}
