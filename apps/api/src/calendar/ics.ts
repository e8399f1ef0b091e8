/**
 * iCalendar (RFC 5545) output for bookings: one event (an email attachment or
 * a download) or a practitioner's subscription feed. Times are written in UTC
 * so no VTIMEZONE is needed; lines end in CRLF and are folded at 75 octets.
 */

export type IcsMethod = "PUBLISH" | "REQUEST" | "CANCEL";
export type IcsStatus = "CONFIRMED" | "TENTATIVE" | "CANCELLED";

export interface IcsPerson {
  name: string;
  email: string;
}

export interface IcsEvent {
  uid: string;
  /** Bumped whenever the event changes, so calendars replace their copy. */
  sequence: number;
  status: IcsStatus;
  startsAt: Date;
  endsAt: Date;
  summary: string;
  location?: string;
  description?: string;
  url?: string;
  organizer?: IcsPerson;
  attendee?: IcsPerson;
  created?: Date;
  lastModified?: Date;
}

export interface IcsCalendarOptions {
  /** When this file was made: every event's DTSTAMP. */
  now: Date;
  method?: IcsMethod;
  /** Shown by calendar apps as the subscribed calendar's name. */
  name?: string;
  /** How often a subscribing app should refetch the feed. */
  refreshMinutes?: number;
}

export const ICS_PRODUCT_ID = "-//Clinic Platform//Bookings//EN";
const CRLF = "\r\n";
const MAX_LINE_OCTETS = 75;

/** `20261207T223000Z`: a UTC DATE-TIME. */
export function formatIcsDateTime(date: Date): string {
  return date
    .toISOString()
    .replace(/\.\d{3}Z$/, "Z")
    .replace(/[-:]/g, "");
}

// RFC 5545 allows no control characters in values except HTAB.
// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping them is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000a-\u001f\u007f]/g;

/** Escapes a TEXT value: backslash, semicolon, comma and newlines. */
export function escapeIcsText(value: string): string {
  return value
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n")
    .replace(CONTROL_CHARACTERS, "");
}

/** A quoted parameter value (e.g. CN); DQUOTE and control characters cannot appear in one. */
function quoteParam(value: string): string {
  return `"${value.replace(/["\r\n]/g, "").replace(CONTROL_CHARACTERS, "")}"`;
}

/**
 * Folds a content line so no physical line is longer than 75 octets of UTF-8,
 * never splitting a character; continuation lines start with one space.
 */
export function foldIcsLine(line: string): string {
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, "utf8");
    if (octets + size > MAX_LINE_OCTETS) {
      parts.push(current);
      current = " ";
      octets = 1;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(CRLF);
}

function eventLines(event: IcsEvent, now: Date): string[] {
  const lines = [
    "BEGIN:VEVENT",
    `UID:${escapeIcsText(event.uid)}`,
    `DTSTAMP:${formatIcsDateTime(now)}`,
    `DTSTART:${formatIcsDateTime(event.startsAt)}`,
    `DTEND:${formatIcsDateTime(event.endsAt)}`,
    `SEQUENCE:${Math.max(0, Math.floor(event.sequence))}`,
    `STATUS:${event.status}`,
    `SUMMARY:${escapeIcsText(event.summary)}`,
  ];
  if (event.location) lines.push(`LOCATION:${escapeIcsText(event.location)}`);
  if (event.description) lines.push(`DESCRIPTION:${escapeIcsText(event.description)}`);
  if (event.url) lines.push(`URL:${event.url.replace(/[\s"]/g, "")}`);
  if (event.organizer) {
    lines.push(`ORGANIZER;CN=${quoteParam(event.organizer.name)}:mailto:${event.organizer.email}`);
  }
  if (event.attendee) {
    lines.push(`ATTENDEE;CN=${quoteParam(event.attendee.name)}:mailto:${event.attendee.email}`);
  }
  if (event.created) lines.push(`CREATED:${formatIcsDateTime(event.created)}`);
  if (event.lastModified) lines.push(`LAST-MODIFIED:${formatIcsDateTime(event.lastModified)}`);
  // A cancelled event should not block time in anyone's calendar.
  lines.push(`TRANSP:${event.status === "CANCELLED" ? "TRANSPARENT" : "OPAQUE"}`);
  lines.push("END:VEVENT");
  return lines;
}

/** A whole VCALENDAR with the given events, CRLF line endings and folded lines. */
export function renderCalendar(events: IcsEvent[], options: IcsCalendarOptions): string {
  const lines = [
    "BEGIN:VCALENDAR",
    `PRODID:${ICS_PRODUCT_ID}`,
    "VERSION:2.0",
    "CALSCALE:GREGORIAN",
    `METHOD:${options.method ?? "PUBLISH"}`,
  ];
  if (options.name) {
    lines.push(
      `NAME:${escapeIcsText(options.name)}`,
      `X-WR-CALNAME:${escapeIcsText(options.name)}`,
    );
  }
  if (options.refreshMinutes) {
    const duration = `PT${Math.max(1, Math.round(options.refreshMinutes))}M`;
    lines.push(`REFRESH-INTERVAL;VALUE=DURATION:${duration}`, `X-PUBLISHED-TTL:${duration}`);
  }
  for (const event of events) lines.push(...eventLines(event, options.now));
  lines.push("END:VCALENDAR");
  return lines.map(foldIcsLine).join(CRLF) + CRLF;
}

/** One booking's event, e.g. an email attachment (METHOD:CANCEL when it was cancelled). */
export function renderEventIcs(
  event: IcsEvent,
  options: { now: Date; method?: IcsMethod },
): string {
  const method = options.method ?? (event.status === "CANCELLED" ? "CANCEL" : "PUBLISH");
  return renderCalendar([event], { now: options.now, method });
}

/** A subscription feed of many events. */
export function renderFeedIcs(
  events: IcsEvent[],
  options: { now: Date; name: string; refreshMinutes?: number },
): string {
  return renderCalendar(events, {
    now: options.now,
    method: "PUBLISH",
    name: options.name,
    refreshMinutes: options.refreshMinutes ?? 15,
  });
}

// ---------------------------------------------------------------------------
// Bookings as events

export interface IcsClinic {
  name: string;
  email: string;
  phone: string;
  emailSenderName: string;
  emailSenderAddress: string;
  address: { street: string; suburb: string; state: string; postcode: string; country: string };
}

/**
 * A booking's UID: stable for its whole life, so every update and the
 * cancellation replace the same calendar entry. The host is the domain of
 * the clinic's email address, which both emails and routes know.
 */
export function bookingUid(bookingId: string, clinic: Pick<IcsClinic, "email">): string {
  const host = clinic.email.split("@")[1]?.trim().toLowerCase() || "clinic.invalid";
  return `${bookingId}@${host}`;
}

export function clinicLocation(clinic: Pick<IcsClinic, "name" | "address">): string {
  const { street, suburb, state, postcode, country } = clinic.address;
  return [clinic.name, street, `${suburb} ${state} ${postcode}`.trim(), country]
    .filter((part) => part.trim() !== "")
    .join(", ");
}

export interface PatientEventInput {
  bookingId: string;
  startsAt: Date;
  endsAt: Date;
  cancelled: boolean;
  sequence: number;
  serviceName: string;
  practitionerName: string;
  /** No email (a patient booked by phone alone): the event names no attendee. */
  patient: { name: string; email: string | null };
  clinic: IcsClinic;
  manageUrl?: string;
}

/** The event as the patient sees it: what, with whom, where, and how to change it. */
export function patientBookingEvent(input: PatientEventInput): IcsEvent {
  const description = [
    `${input.serviceName} with ${input.practitionerName} at ${input.clinic.name}.`,
    input.manageUrl ? `Reschedule or cancel: ${input.manageUrl}` : "",
    `Questions? Call ${input.clinic.phone} or email ${input.clinic.email}.`,
  ]
    .filter(Boolean)
    .join("\n");
  return {
    uid: bookingUid(input.bookingId, input.clinic),
    sequence: input.sequence,
    status: input.cancelled ? "CANCELLED" : "CONFIRMED",
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    summary: `${input.serviceName} with ${input.practitionerName} (${input.clinic.name})`,
    location: clinicLocation(input.clinic),
    description,
    ...(input.manageUrl ? { url: input.manageUrl } : {}),
    organizer: { name: input.clinic.emailSenderName, email: input.clinic.emailSenderAddress },
    ...(input.cancelled && input.patient.email
      ? { attendee: { name: input.patient.name, email: input.patient.email } }
      : {}),
  };
}

export interface PractitionerEventInput {
  bookingId: string;
  startsAt: Date;
  endsAt: Date;
  sequence: number;
  serviceName: string;
  patient: { name: string; email: string | null; phone: string | null };
  notes: string;
  clinic: IcsClinic;
  created?: Date;
  lastModified?: Date;
}

/** The event in a practitioner's feed: who is coming, for what, and how to reach them. */
export function practitionerBookingEvent(input: PractitionerEventInput): IcsEvent {
  const description = [
    `Patient: ${input.patient.name}`,
    input.patient.phone ? `Phone: ${input.patient.phone}` : "",
    input.patient.email ? `Email: ${input.patient.email}` : "",
    input.notes.trim() ? `Notes: ${input.notes.trim()}` : "",
  ]
    .filter(Boolean)
    .join("\n");
  return {
    uid: bookingUid(input.bookingId, input.clinic),
    sequence: input.sequence,
    status: "CONFIRMED",
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    summary: `${input.serviceName}: ${input.patient.name}`,
    location: clinicLocation(input.clinic),
    description,
    ...(input.created ? { created: input.created } : {}),
    ...(input.lastModified ? { lastModified: input.lastModified } : {}),
  };
}
