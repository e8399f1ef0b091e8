import { z } from "zod";
import { singleLineText } from "./storable-text.js";

/** Small reusable field schemas with plain-language messages, shared by API inputs and forms. */

export const idSchema = z.uuid({ message: "Must be a valid id" });

/** The input of every procedure that acts on one record by its id. */
export const idInputSchema = z.object({ id: idSchema });

export const slugSchema = z
  .string()
  .trim()
  .min(1, "Slug is required")
  .max(100, "Slug must be at most 100 characters")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lowercase letters, numbers and single hyphens");

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, "Email must be at most 254 characters")
  .pipe(z.email({ message: "Enter a valid email address" }));

const PHONE_CHARACTERS = /^\+?[0-9 ()-]+$/;

export const phoneSchema = z
  .string()
  .trim()
  .min(6, "Enter a valid phone number")
  .max(30, "Phone number must be at most 30 characters")
  .regex(PHONE_CHARACTERS, "Use digits, spaces, brackets, hyphens and an optional leading +")
  // Punctuation alone is not a number: count the digits (6 for short numbers such as 13 11 14,
  // 15 is E.164's cap). Skipped when a check above already failed, so one mistake gets one message.
  .refine((phone) => {
    if (phone.length < 6 || phone.length > 30 || !PHONE_CHARACTERS.test(phone)) return true;
    const digits = phone.replace(/\D/g, "").length;
    return digits >= 6 && digits <= 15;
  }, "Enter a valid phone number");

export const personNameSchema = singleLineText()
  .trim()
  .min(1, "Name is required")
  .max(120, "Name must be at most 120 characters");

/** A wall-clock time of day, `HH:mm`, 24-hour. `24:00` is allowed as the end of a day. */
export const timeOfDaySchema = z
  .string()
  .regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, "Use a 24-hour time such as 09:30");

/**
 * The years the platform works in. JavaScript dates reach ±275760 and
 * PostgreSQL's 4713 BC, but date arithmetic near those ends throws
 * (`RangeError: Invalid time value`) or overflows a column, and no
 * appointment, time off or audit entry of a clinic lies outside these years.
 */
export const EARLIEST_YEAR = 2000;
export const LATEST_YEAR = 2999;
const EARLIEST_INSTANT = Date.UTC(EARLIEST_YEAR, 0, 1);
const AFTER_LATEST_INSTANT = Date.UTC(LATEST_YEAR + 1, 0, 1);
const YEAR_RANGE = `between the years ${EARLIEST_YEAR} and ${LATEST_YEAR}`;

/**
 * An instant (a `Date`) inside the platform's years; `message` is what a
 * missing or invalid value is told. Every procedure input that takes an
 * instant uses this rather than `z.date()`.
 */
export function instantSchema(message = "Choose a date and time") {
  return z
    .date({ message })
    .refine((date) => date.getTime() >= EARLIEST_INSTANT && date.getTime() < AFTER_LATEST_INSTANT, {
      message: `Choose a time ${YEAR_RANGE}`,
      abort: true,
    });
}

/** A calendar date without a time zone, `yyyy-MM-dd`, inside the platform's years. */
export const localDateSchema = z.iso.date({ message: "Use a date such as 2026-04-05" }).refine(
  (date) => {
    // A malformed date already has its message: one mistake, one message.
    if (!/^\d{4}-/.test(date)) return true;
    const year = Number(date.slice(0, 4));
    return year >= EARLIEST_YEAR && year <= LATEST_YEAR;
  },
  { message: `Use a date ${YEAR_RANGE}`, abort: true },
);

/** An IANA time zone name that this runtime knows, e.g. `Australia/Sydney`. */
export const timeZoneSchema = z.string().refine(isValidTimeZone, "Unknown time zone");

/**
 * Whether `name` is an IANA zone name (`Area/Location`, or `UTC`) this runtime
 * knows. Abbreviations such as `EST` are refused: the runtime maps them to a
 * fixed city that is rarely what the person meant.
 */
export function isValidTimeZone(name: string): boolean {
  if (!name.includes("/") && name !== "UTC") return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** Prices are whole cents to keep arithmetic exact. */
export const priceCentsSchema = z
  .number()
  .int("Price must be in whole cents")
  .min(0, "Price can't be negative")
  .max(10_000_00, "Price must be at most 10,000.00");

export const currencySchema = z
  .string()
  .regex(/^[A-Z]{3}$/, "Use a three-letter currency code such as AUD");

// URL parsing accepts control characters in a path; the text check comes first so they are refused.
export const urlSchema = singleLineText().pipe(
  z.url({
    protocol: /^https?$/,
    message: "Enter a web address starting with http(s)://",
  }),
);
