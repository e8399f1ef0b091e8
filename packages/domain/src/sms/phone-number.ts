import {
  type CountryCode,
  isSupportedCountry,
  parsePhoneNumberFromString,
} from "libphonenumber-js/mobile";

/**
 * A mobile number in E.164 (`+61400123456`), from what a patient typed, read in
 * `defaultCountry` (ISO 3166 alpha-2) unless it starts with `+`; null for anything that
 * isn't a mobile number there (a landline can't take a text). The mobile metadata of
 * libphonenumber-js decides, so the rules follow each country's numbering plan.
 */
export function normaliseMobileNumber(input: string, defaultCountry: string): string | null {
  const country = defaultCountry.toUpperCase();
  if (!isSupportedCountry(country)) return null;
  const parsed = parsePhoneNumberFromString(input.trim(), country as CountryCode);
  if (!parsed?.isValid()) return null;
  return parsed.number;
}

/** Whether a country code is one phone numbers can be read in (`AU`, `NZ`, `GB`…). */
export function isPhoneCountry(code: string): boolean {
  return /^[A-Z]{2}$/.test(code) && isSupportedCountry(code);
}
