/**
 * A calendar date as people in the clinic read it ("3 March 2025"), in the clinic's
 * time zone rather than the server's, so an evening post is not dated the day before.
 */
export function formatDate(date: Date, timeZone: string, locale = "en-AU"): string {
  return new Intl.DateTimeFormat(locale, {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone,
  }).format(date);
}

/** "5 min read", as a post's reading time. */
export function formatReadingTime(minutes: number): string {
  return `${Math.max(1, Math.round(minutes))} min read`;
}

/** "30 min" or "1 hr 15 min", as a service's duration. */
export function formatDuration(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} hr` : `${hours} hr ${rest} min`;
}
