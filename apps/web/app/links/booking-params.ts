import { localDateSchema, slugSchema } from "@clinic/domain";

/** What the booking pages carry in the URL, so every step is a plain link and Back works. */
export interface PickerParams {
  /** A practitioner's slug, "any" for the first available, or null when not chosen yet. */
  practitioner: string | null;
  /** Any date in the week to show, `yyyy-MM-dd`. */
  week: string | null;
  /** The day whose times are shown, `yyyy-MM-dd`. */
  day: string | null;
  /** A chosen start time. */
  start: Date | null;
  /** Set when the patient was sent back because their time was taken. */
  taken: boolean;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?Z$/;

/** `yyyy-MM-dd`, or null for anything else (including impossible dates like 2026-02-30). */
export function localDateParam(value: string | null): string | null {
  if (value === null) return null;
  return localDateSchema.safeParse(value).success ? value : null;
}

/** A UTC instant written as ISO 8601 (`2026-03-02T22:30:00.000Z`), or null. */
export function instantParam(value: string | null): Date | null {
  if (value === null || !ISO_INSTANT.test(value)) return null;
  const instant = new Date(value);
  return Number.isNaN(instant.getTime()) ? null : instant;
}

/** "any" or a well-formed slug, or null. */
export function practitionerParam(value: string | null): string | null {
  if (value === "any") return value;
  const parsed = slugSchema.safeParse(value);
  return parsed.success && parsed.data === value ? parsed.data : null;
}

export function parsePickerParams(searchParams: URLSearchParams): PickerParams {
  return {
    practitioner: practitionerParam(searchParams.get("practitioner")),
    week: localDateParam(searchParams.get("week")),
    day: localDateParam(searchParams.get("day")),
    start: instantParam(searchParams.get("start")),
    taken: searchParams.get("taken") === "1",
  };
}

/** A query string (with its "?", or "") for the given picker state; empty values are left out. */
export function pickerSearch(params: {
  practitioner?: string | null;
  week?: string | null;
  day?: string | null;
  start?: Date | null;
  taken?: boolean;
}): string {
  const search = new URLSearchParams();
  if (params.practitioner) search.set("practitioner", params.practitioner);
  if (params.week) search.set("week", params.week);
  if (params.day) search.set("day", params.day);
  if (params.start) search.set("start", params.start.toISOString());
  if (params.taken) search.set("taken", "1");
  const query = search.toString();
  return query ? `?${query}` : "";
}

/** The practitioner choice that lets the clinic give whoever is free first. */
export const FIRST_AVAILABLE = { id: "any", slug: "any", name: "First available" } as const;

/**
 * The practitioner a booking link chose for a service: one who offers it, or "first
 * available" when anyone does; undefined when the link chose nobody (or nobody who can).
 */
export function chosenPractitioner<P extends { slug: string }>(
  offeredBy: readonly P[],
  choice: string | null,
): P | typeof FIRST_AVAILABLE | undefined {
  if (choice === "any") return offeredBy.length > 0 ? FIRST_AVAILABLE : undefined;
  return offeredBy.find((p) => p.slug === choice);
}
