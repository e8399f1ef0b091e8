import { createRequire } from "node:module";
import type DateHolidays from "date-holidays";
import { localDateOf } from "../dates/local-days.js";
import { addLocalDays } from "../dates/local-time.js";

/** A public holiday as a local calendar date range (inclusive) and its English name. */
export interface PublicHoliday {
  startDate: string;
  endDate: string;
  name: string;
}

const DAY_MS = 86_400_000;

// The library reads every country's rules when it loads (~29 MB resident): loaded the first time
// a holiday is asked for, not whenever the API starts (issue 11's memory goal).
let holidaysClass: typeof DateHolidays | undefined;
function holidaysLibrary(): typeof DateHolidays {
  holidaysClass ??= createRequire(import.meta.url)("date-holidays") as typeof DateHolidays;
  return holidaysClass;
}

/** Splits `AU-NSW` (country, optional state, optional region) into the library's parts. */
function regionParts(code: string): [string, string | undefined, string | undefined] {
  const [country = "", state, region] = code.split("-");
  return [country, state, region];
}

/**
 * Whether `code` names a country (`AU`), a state (`AU-NSW`) or a region
 * (`DE-BY-A`) that the holiday library knows, in its own capitalisation.
 */
export function isKnownHolidayRegion(code: string): boolean {
  if (!/^[A-Z]{2}(-[A-Z0-9]{1,6}){0,2}$/.test(code)) return false;
  const [country, state, region] = regionParts(code);
  const Holidays = holidaysLibrary();
  const holidays = new Holidays();
  if (!holidays.getCountries()[country]) return false;
  if (state === undefined) return true;
  if (!holidays.getStates(country)?.[state]) return false;
  if (region === undefined) return true;
  return Boolean(holidays.getRegions(country, state)?.[region]);
}

/**
 * The region's public holidays (type "public": not bank, school or optional
 * days) starting on `from` to `to` inclusive, by date. A holiday is a local
 * calendar date wherever the clinic is: the library gives its date in the
 * region's own calendar, which is the date the clinic closes, so no instant
 * is converted (no midnight or daylight-saving shift can move it).
 */
export function publicHolidays(region: string, from: string, to: string): PublicHoliday[] {
  if (!isKnownHolidayRegion(region)) return [];
  const [country, state, area] = regionParts(region);
  const options = { languages: ["en"], types: ["public" as const] };
  const Holidays = holidaysLibrary();
  const holidays =
    state === undefined
      ? new Holidays(country, options)
      : area === undefined
        ? new Holidays(country, state, options)
        : new Holidays(country, state, area, options);
  const result: PublicHoliday[] = [];
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
    for (const holiday of holidays.getHolidays(year, "en")) {
      if (holiday.type !== "public") continue;
      const startDate = holiday.date.slice(0, 10);
      // Whole days; a daylight-saving change makes one 23 or 25 hours long.
      const days = Math.max(
        1,
        Math.round((holiday.end.getTime() - holiday.start.getTime()) / DAY_MS),
      );
      if (startDate < from || startDate > to) continue;
      result.push({ startDate, endDate: addLocalDays(startDate, days - 1), name: holiday.name });
    }
  }
  return result.sort(
    (a, b) => a.startDate.localeCompare(b.startDate) || a.name.localeCompare(b.name),
  );
}

/**
 * The public holidays from the clinic's today (in its zone) to the day before
 * the same date next year: what the closures editor offers.
 */
export function upcomingPublicHolidays(
  region: string,
  now: Date,
  timeZone: string,
): PublicHoliday[] {
  const today = localDateOf(now, timeZone);
  const sameDay = `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`;
  // From 29 February, a year on is 1 March (the next year has no 29th).
  const yearOn = sameDay.endsWith("-02-29") ? `${sameDay.slice(0, 5)}03-01` : sameDay;
  return publicHolidays(region, today, addLocalDays(yearOn, -1));
}
