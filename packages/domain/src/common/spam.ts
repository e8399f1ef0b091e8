/**
 * Cheap bot checks for public forms: a hidden field people never fill, and
 * a minimum time between showing a form and submitting it.
 */
export const MIN_FORM_FILL_MS = 3000;

/** Signed-free, so it's only a hint: a bot that waits and leaves the field empty gets through to the rate limits. */
export function looksAutomated(
  form: { honeypot?: string | null | undefined; renderedAt?: number | null | undefined },
  now: number,
  minFillMs = MIN_FORM_FILL_MS,
): boolean {
  if (form.honeypot && form.honeypot.trim() !== "") return true;
  if (typeof form.renderedAt === "number" && now - form.renderedAt < minFillMs) return true;
  return false;
}
