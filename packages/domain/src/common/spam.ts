/**
 * Cheap bot checks for public forms: a hidden field people never fill, and a minimum time
 * between showing a form and submitting it (checked by the API against a signed token that
 * holds the time the form was shown).
 */
export const MIN_FORM_FILL_MS = 3000;

/** Whether the hidden honeypot field was filled: people never see it, form-filling bots do. */
export function looksAutomated(form: { honeypot?: string | null | undefined }): boolean {
  return Boolean(form.honeypot && form.honeypot.trim() !== "");
}
