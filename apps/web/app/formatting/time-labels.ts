import { localDateOf, longDateLabel } from "@clinic/domain";
import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";

// "GMT+11", "UTC-5": an offset, not a name people use.
const OFFSET_NAME = /^(?:GMT|UTC)[+-]\d/;

function zoneNamePart(timeZone: string, instant: Date, locale: string, style: "short" | "long") {
  return new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: style, hour: "numeric" })
    .formatToParts(instant)
    .find((part) => part.type === "timeZoneName")?.value;
}

/**
 * Picks the abbreviation to show from a zone's short and long names: the short one when it is
 * a real abbreviation ("AEDT"); when it is only an offset ("GMT+11"), the initials of the long
 * name ("Australian Eastern Daylight Time" → "AEDT"); the offset when there is nothing better.
 */
export function abbreviationFrom(shortName: string | undefined, longName: string | undefined) {
  if (shortName && !OFFSET_NAME.test(shortName)) return shortName;
  if (longName && !OFFSET_NAME.test(longName)) {
    return longName
      .split(/\s+/)
      .map((word) => word[0]?.toUpperCase() ?? "")
      .join("");
  }
  return shortName ?? longName ?? "";
}

/**
 * The zone's abbreviation at an instant, as people in the clinic write it: "AEDT" in summer
 * and "AEST" in winter for Sydney. Runtimes with less locale data answer "GMT+11" for the
 * short name; `abbreviationFrom` then builds it from the long name.
 */
export function zoneAbbreviation(timeZone: string, instant: Date): string {
  return abbreviationFrom(
    zoneNamePart(timeZone, instant, "en-AU", "short"),
    zoneNamePart(timeZone, instant, "en-US", "long"),
  );
}

/** A bookable time as the clinic reads it: "9:30 am AEDT". */
export function formatSlotTime(instant: Date, timeZone: string): string {
  return `${format(new TZDate(instant, timeZone), "h:mm aaa")} ${zoneAbbreviation(timeZone, instant)}`;
}

/** The parts of a local date a day picker shows: "Tue", "3", "Mar", and the full label. */
export function dayParts(date: string) {
  const day = parseLocalDate(date);
  return {
    weekday: format(day, "EEE"),
    dayOfMonth: format(day, "d"),
    month: format(day, "MMM"),
    label: format(day, "EEEE d MMMM"),
  };
}

/** An appointment's start in full: "Tuesday 3 March 2026 at 9:30 am AEDT". */
export function formatAppointmentStart(instant: Date, timeZone: string): string {
  return `${longDateLabel(localDateOf(instant, timeZone))} at ${formatSlotTime(instant, timeZone)}`;
}

/** A range of local dates, shortened where they share a month or year: "2 – 8 March 2026". */
export function formatDateRange(from: string, to: string): string {
  const start = parseLocalDate(from);
  const end = parseLocalDate(to);
  if (from.slice(0, 7) === to.slice(0, 7)) {
    return `${format(start, "d")} – ${format(end, "d MMMM yyyy")}`;
  }
  if (from.slice(0, 4) === to.slice(0, 4)) {
    return `${format(start, "d MMMM")} – ${format(end, "d MMMM yyyy")}`;
  }
  return `${format(start, "d MMMM yyyy")} – ${format(end, "d MMMM yyyy")}`;
}

// A wall-clock date formatted in UTC: no zone can move it to another day.
function parseLocalDate(date: string): TZDate {
  const [year, month, day] = date.split("-").map(Number);
  return new TZDate(year ?? 1970, (month ?? 1) - 1, day ?? 1, "UTC");
}
