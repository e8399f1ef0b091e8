import { tz } from "@date-fns/tz";
import { format } from "date-fns";

/** Everything a booking email shows; built by the booking code inside its transaction. */
export interface BookingEmailData {
  bookingId: string;
  manageUrl: string;
  calendarUrl: string;
  /** The site's "Your bookings" page (patient self-service, decision 031), for patients with an email. */
  bookingsUrl?: string;
  /** No email for a patient booked by phone alone: only the clinic's copies are sent. */
  patient: { name: string; email: string | null; phone: string | null };
  service: { name: string; durationMinutes: number };
  practitioner: { name: string };
  startsAt: Date;
  endsAt: Date;
  notes: string;
  /** The booking's iCalendar SEQUENCE after this change (0 when new); bumped by every change. */
  sequence: number;
  previousStartsAt?: Date;
  cancellationReason?: string | null;
  /** Who made a new booking: the patient online, or staff (phone, desk, calendar). */
  bookedBy?: "patient" | "staff";
  /** A new patient's intake form link (decision 029); the email never holds their answers. */
  intakeUrl?: string;
  clinic: {
    name: string;
    email: string;
    phone: string;
    timeZone: string;
    emailSenderName: string;
    emailSenderAddress: string;
    address: { street: string; suburb: string; state: string; postcode: string; country: string };
  };
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

// Intl names a zone's abbreviation only in locales that use it ("AEDT" in
// en-AU, "EST" in en-US, "BST" in en-GB); the rest get "GMT+11".
const ABBREVIATION_LOCALES = ["en-AU", "en-US", "en-GB", "en-NZ", "en-CA", "en-IN", "en-ZA"];

/** The zone's short name at that instant, e.g. "AEDT" or "AEST" for Australia/Sydney. */
export function zoneAbbreviation(timeZone: string, date: Date): string {
  let fallback = "";
  for (const locale of ABBREVIATION_LOCALES) {
    const name = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: "short" })
      .formatToParts(date)
      .find((part) => part.type === "timeZoneName")?.value;
    if (!name) continue;
    if (!/^(GMT|UTC)([+-−]|$)/.test(name)) return name;
    fallback ||= name;
  }
  return fallback || timeZone;
}

/** "Tuesday 8 December 2026, 9:30 am AEDT": the instant on the clinic's wall clock. */
export function formatAppointmentTime(date: Date, timeZone: string): string {
  const local = format(date, "EEEE d MMMM yyyy, h:mm aaa", { in: tz(timeZone) });
  return `${local} ${zoneAbbreviation(timeZone, date)}`;
}

/** "9:30 am": a time of day on the clinic's wall clock. */
function formatClockTime(date: Date, timeZone: string): string {
  return format(date, "h:mm aaa", { in: tz(timeZone) });
}

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

// Links come from our own config, but only web links may ever become an href.
function safeHref(url: string): string {
  return /^https?:\/\//i.test(url) ? escapeHtml(url) : "#";
}

// A subject is one header line.
function oneLine(value: string): string {
  return value.replace(/[\r\n]+/g, " ").trim();
}

function clinicAddress(clinic: BookingEmailData["clinic"]): string {
  const { street, suburb, state, postcode } = clinic.address;
  return [street, `${suburb} ${state} ${postcode}`.trim()].filter((p) => p.trim()).join(", ");
}

function duration(minutes: number): string {
  if (minutes < 60 || minutes % 60 !== 0) return `${minutes} minutes`;
  const hours = minutes / 60;
  return hours === 1 ? "1 hour" : `${hours} hours`;
}

// Building blocks: each email is a greeting, a few paragraphs, a table of
// details and links, written once as text and once as HTML.
type Block =
  | { kind: "paragraph"; text: string }
  | { kind: "details"; rows: [label: string, value: string][] }
  | { kind: "link"; label: string; url: string };

function renderText(blocks: Block[]): string {
  const parts = blocks.map((block) => {
    if (block.kind === "paragraph") return block.text;
    if (block.kind === "link") return `${block.label}: ${block.url}`;
    const width = Math.max(...block.rows.map(([label]) => label.length));
    return block.rows
      .map(([label, value]) => `${`${label}:`.padEnd(width + 2)}${value.replace(/\n/g, "\n  ")}`)
      .join("\n");
  });
  return `${parts.join("\n\n")}\n`;
}

function renderHtml(title: string, blocks: Block[]): string {
  const body = blocks
    .map((block) => {
      if (block.kind === "paragraph") {
        return `<p style="margin:0 0 16px">${escapeHtml(block.text).replace(/\n/g, "<br>")}</p>`;
      }
      if (block.kind === "link") {
        return `<p style="margin:0 0 16px"><a href="${safeHref(block.url)}" style="color:#0b5cad">${escapeHtml(block.label)}</a></p>`;
      }
      const rows = block.rows
        .map(
          ([label, value]) =>
            `<tr><th align="left" valign="top" style="padding:4px 16px 4px 0;font-weight:600">${escapeHtml(label)}</th>` +
            `<td style="padding:4px 0">${escapeHtml(value).replace(/\n/g, "<br>")}</td></tr>`,
        )
        .join("");
      return `<table role="presentation" style="border-collapse:collapse;margin:0 0 16px">${rows}</table>`;
    })
    .join("\n");
  return [
    "<!doctype html>",
    `<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>`,
    '<body style="font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#1a1a1a">',
    '<div style="max-width:560px;margin:0 auto;padding:24px">',
    body,
    "</div></body></html>",
  ].join("\n");
}

function email(subject: string, blocks: Block[]): RenderedEmail {
  const cleanSubject = oneLine(subject);
  return {
    subject: cleanSubject,
    text: renderText(blocks),
    html: renderHtml(cleanSubject, blocks),
  };
}

function appointmentRows(data: BookingEmailData): [string, string][] {
  const { timeZone } = data.clinic;
  return [
    ["Service", `${data.service.name} (${duration(data.service.durationMinutes)})`],
    ["With", data.practitioner.name],
    ["When", formatAppointmentTime(data.startsAt, timeZone)],
    ["Ends", formatClockTime(data.endsAt, timeZone)],
    ["Where", `${data.clinic.name}, ${clinicAddress(data.clinic)}`],
  ];
}

function patientFooter(data: BookingEmailData): Block[] {
  return [
    { kind: "link", label: "Reschedule or cancel your appointment", url: data.manageUrl },
    { kind: "link", label: "Add it to your calendar", url: data.calendarUrl },
    {
      kind: "paragraph",
      text: `Questions? Call us on ${data.clinic.phone} or reply to this email.\n${data.clinic.name}`,
    },
  ];
}

/** A new patient's invitation to fill in the intake form before the visit. */
function intakeBlocks(data: BookingEmailData): Block[] {
  if (!data.intakeUrl) return [];
  return [
    {
      kind: "paragraph",
      text: "Before your first visit, please fill in our new patient form. It takes about five minutes; you can save it and finish later.",
    },
    { kind: "link", label: "Fill in your new patient form", url: data.intakeUrl },
  ];
}

/** To the patient, when they book. */
export function bookingConfirmationEmail(data: BookingEmailData): RenderedEmail {
  const when = formatAppointmentTime(data.startsAt, data.clinic.timeZone);
  return email(`Your appointment at ${data.clinic.name} is confirmed: ${when}`, [
    { kind: "paragraph", text: `Hi ${data.patient.name},` },
    { kind: "paragraph", text: "Thanks for booking. Your appointment is confirmed:" },
    { kind: "details", rows: appointmentRows(data) },
    ...intakeBlocks(data),
    ...patientFooter(data).slice(0, 2),
    ...(data.bookingsUrl && data.patient.email
      ? [{ kind: "link" as const, label: "See all your bookings", url: data.bookingsUrl }]
      : []),
    ...patientFooter(data).slice(2),
  ]);
}

/** To the patient, when the appointment moves. */
export function bookingRescheduledEmail(data: BookingEmailData): RenderedEmail {
  const { timeZone } = data.clinic;
  const when = formatAppointmentTime(data.startsAt, timeZone);
  const rows = appointmentRows(data);
  if (data.previousStartsAt) {
    rows.splice(3, 0, ["Was", formatAppointmentTime(data.previousStartsAt, timeZone)]);
  }
  return email(`Your appointment at ${data.clinic.name} has moved to ${when}`, [
    { kind: "paragraph", text: `Hi ${data.patient.name},` },
    { kind: "paragraph", text: "Your appointment has been rescheduled. The new time is:" },
    { kind: "details", rows },
    ...patientFooter(data),
  ]);
}

/** To the patient, when the appointment is cancelled (by them or the clinic). */
export function bookingCancelledEmail(data: BookingEmailData): RenderedEmail {
  const when = formatAppointmentTime(data.startsAt, data.clinic.timeZone);
  const reason = data.cancellationReason?.trim();
  return email(`Your appointment at ${data.clinic.name} on ${when} is cancelled`, [
    { kind: "paragraph", text: `Hi ${data.patient.name},` },
    { kind: "paragraph", text: "This appointment has been cancelled:" },
    {
      kind: "details",
      rows: [
        ["Service", data.service.name],
        ["With", data.practitioner.name],
        ["When", when],
        ...(reason ? ([["Reason", reason]] as [string, string][]) : []),
      ],
    },
    {
      kind: "paragraph",
      text: `To book another time, visit our website or call us on ${data.clinic.phone}.\n${data.clinic.name}`,
    },
  ]);
}

/** To the clinic, for every new booking: made online, or by one of its staff. */
export function newBookingNoticeEmail(data: BookingEmailData): RenderedEmail {
  const when = formatAppointmentTime(data.startsAt, data.clinic.timeZone);
  return email(
    `New booking: ${data.patient.name}, ${data.service.name} with ${data.practitioner.name}, ${when}`,
    [
      {
        kind: "paragraph",
        text:
          data.bookedBy === "staff"
            ? "A new appointment was booked by the clinic's staff."
            : "A new appointment was booked online.",
      },
      {
        kind: "details",
        rows: [
          ["Patient", data.patient.name],
          ["Email", data.patient.email ?? "(none)"],
          ["Phone", data.patient.phone ?? "(none)"],
          ...appointmentRows(data).filter(([label]) => label !== "Where"),
          ["Notes", data.notes.trim() || "(none)"],
        ],
      },
    ],
  );
}

/** To the patient, a day before. */
export function bookingReminderEmail(data: BookingEmailData): RenderedEmail {
  const when = formatAppointmentTime(data.startsAt, data.clinic.timeZone);
  return email(`Reminder: your appointment at ${data.clinic.name}, ${when}`, [
    { kind: "paragraph", text: `Hi ${data.patient.name},` },
    { kind: "paragraph", text: "A reminder of your appointment tomorrow:" },
    { kind: "details", rows: appointmentRows(data) },
    {
      kind: "paragraph",
      text: "If you can no longer make it, please reschedule or cancel so someone else can have the time.",
    },
    ...patientFooter(data),
  ]);
}

/** A short email to a patient: paragraphs and links in the layout of the booking emails. */
export function patientNoticeEmail(
  subject: string,
  parts: ({ paragraph: string } | { link: string; url: string })[],
): RenderedEmail {
  return email(
    subject,
    parts.map((part) =>
      "paragraph" in part
        ? { kind: "paragraph", text: part.paragraph }
        : { kind: "link", label: part.link, url: part.url },
    ),
  );
}
