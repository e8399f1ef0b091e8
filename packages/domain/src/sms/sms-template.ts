import { tz } from "@date-fns/tz";
import { format } from "date-fns";
import { z } from "zod";
import { multiLineText } from "../common/storable-text.js";

/** The placeholders a reminder's text may use, with what each becomes. */
export const smsPlaceholders = {
  service: "the service booked, e.g. Initial assessment",
  practitioner: "the practitioner's name",
  time: "the appointment's day and time on the clinic's clock, e.g. Tue 9 Feb, 9:30 am",
  clinic: "the clinic's name",
  clinic_phone: "the clinic's phone number",
} as const;
export type SmsPlaceholder = keyof typeof smsPlaceholders;
export type SmsTemplateValues = Record<SmsPlaceholder, string>;

/** The most characters a template may have, before its placeholders are filled in. */
export const SMS_TEMPLATE_MAX_LENGTH = 320;
/** The most characters a filled-in reminder may have (4 GSM-7 parts): longer ones are refused. */
export const SMS_MESSAGE_MAX_LENGTH = 612;

export const DEFAULT_SMS_REMINDER_TEMPLATE =
  "{clinic}: a reminder of your {service} with {practitioner} on {time}. To change it, call {clinic_phone}.";

/** Added when a template doesn't say how to stop: every reminder tells the patient. */
export const SMS_STOP_LINE = "Reply STOP to opt out.";

const PLACEHOLDER = /\{([^{}]*)\}/g;

/**
 * What is wrong with a reminder template, in words for the person editing it; empty when
 * nothing is. Every `{…}` must be a known placeholder, braces must pair, and `{time}` must
 * be there (a reminder that doesn't say when is no reminder).
 */
export function smsTemplateProblems(template: string): string[] {
  const problems: string[] = [];
  const unknown = new Set<string>();
  for (const match of template.matchAll(PLACEHOLDER)) {
    const name = match[1] ?? "";
    if (!(name in smsPlaceholders)) unknown.add(`{${name}}`);
  }
  if (unknown.size > 0) {
    problems.push(
      `Unknown placeholder ${[...unknown].join(", ")}: use ${Object.keys(smsPlaceholders)
        .map((name) => `{${name}}`)
        .join(", ")}`,
    );
  }
  const stray = template.replace(PLACEHOLDER, "");
  if (stray.includes("{") || stray.includes("}")) {
    problems.push("A { or } without its partner: placeholders are written like {time}");
  }
  if (!template.includes("{time}")) problems.push("Put {time} in the text, so patients know when");
  return problems;
}

/** The reminder template as the settings form and API take it. */
export const smsTemplateSchema = multiLineText()
  .trim()
  .min(1, "Write the reminder's text")
  .max(
    SMS_TEMPLATE_MAX_LENGTH,
    `Keep the reminder under ${SMS_TEMPLATE_MAX_LENGTH} characters (placeholders included)`,
  )
  .superRefine((template, ctx) => {
    for (const message of smsTemplateProblems(template)) ctx.addIssue({ code: "custom", message });
  });

/** "Tue 9 Feb, 9:30 am": an instant on the clinic's wall clock, short enough for a text. */
export function formatSmsTime(instant: Date, timeZone: string): string {
  return format(instant, "EEE d MMM, h:mm aaa", { in: tz(timeZone) });
}

/**
 * The reminder's text: each placeholder filled in, and the STOP line added unless the
 * template already says STOP. Unknown placeholders are left as written (the schema
 * refuses them before a template is saved).
 */
export function renderSmsTemplate(template: string, values: SmsTemplateValues): string {
  const text = template.replace(PLACEHOLDER, (whole, name: string) =>
    name in smsPlaceholders ? values[name as SmsPlaceholder] : whole,
  );
  return /\bSTOP\b/.test(text) ? text : `${text} ${SMS_STOP_LINE}`;
}

/** What the settings page shows in the preview, from the clinic's own details. */
export const sampleSmsValues = (
  clinic: { name: string; phone: string; timeZone: string },
  at: Date,
): SmsTemplateValues => ({
  service: "Initial assessment",
  practitioner: "Jason Lee",
  time: formatSmsTime(at, clinic.timeZone),
  clinic: clinic.name,
  clinic_phone: clinic.phone,
});

// The GSM 03.38 basic set and its extension table (each extension character takes two).
const GSM_BASIC =
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
const GSM_EXTENDED = "^{}\\[~]|€\f";

/**
 * How many messages a text is sent as: 160 GSM-7 characters in one, 153 a part beyond;
 * any other character (an emoji, a curly quote) makes it UCS-2: 70 in one, 67 a part.
 */
export function smsSegments(text: string): {
  encoding: "GSM-7" | "UCS-2";
  units: number;
  segments: number;
} {
  let units = 0;
  let gsm = true;
  for (const char of text) {
    if (GSM_BASIC.includes(char)) units += 1;
    else if (GSM_EXTENDED.includes(char)) units += 2;
    else {
      gsm = false;
      break;
    }
  }
  if (!gsm) {
    // UTF-16 code units: an emoji outside the BMP takes two.
    units = text.length;
    return { encoding: "UCS-2", units, segments: units <= 70 ? 1 : Math.ceil(units / 67) };
  }
  return { encoding: "GSM-7", units, segments: units <= 160 ? 1 : Math.ceil(units / 153) };
}

/** The SMS settings form: the reminder's text and the country numbers are read in. */
export const smsSettingsInputSchema = z.object({
  reminderTemplate: smsTemplateSchema,
  // Whether libphonenumber knows the country is checked by the API (its metadata stays out
  // of the admin's browser bundle).
  defaultCountry: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, "Use a two-letter country code, e.g. AU or NZ"),
});
export type SmsSettingsInput = z.infer<typeof smsSettingsInputSchema>;
