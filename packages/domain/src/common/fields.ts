import { z } from "zod";

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

export const personNameSchema = z
  .string()
  .trim()
  .min(1, "Name is required")
  .max(120, "Name must be at most 120 characters");

/** A wall-clock time of day, `HH:mm`, 24-hour. `24:00` is allowed as the end of a day. */
export const timeOfDaySchema = z
  .string()
  .regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, "Use a 24-hour time such as 09:30");

/** A calendar date without a time zone, `yyyy-MM-dd`. */
export const localDateSchema = z.iso.date({ message: "Use a date such as 2026-04-05" });

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

export const urlSchema = z.url({
  protocol: /^https?$/,
  message: "Enter a web address starting with http(s)://",
});
