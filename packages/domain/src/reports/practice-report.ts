import { z } from "zod";
import { idSchema, localDateSchema } from "../common/fields.js";
import { isoWeekStart } from "../dates/iso-weeks.js";
import { addLocalDays, wallMidnightOf } from "../dates/local-time.js";

export const reportPeriods = ["week", "month", "custom"] as const;
export type ReportPeriod = (typeof reportPeriods)[number];

/** The longest custom period a report covers, in days: a year, leap day included. */
export const MAX_REPORT_DAYS = 366;

/**
 * A practice report's period: the ISO week or calendar month holding `from`, or `from`…`to`
 * (local dates, inclusive, at most a year); optionally one practitioner.
 */
export const practiceReportInputSchema = z
  .object({
    period: z.enum(reportPeriods, { message: "Choose week, month or custom" }),
    from: localDateSchema,
    to: localDateSchema.optional(),
    practitionerId: idSchema.optional(),
  })
  .superRefine((input, ctx) => {
    if (input.period !== "custom") return;
    if (input.to === undefined) {
      ctx.addIssue({ code: "custom", path: ["to"], message: "Choose the last day of the period" });
      return;
    }
    if (input.to < input.from) {
      ctx.addIssue({ code: "custom", path: ["to"], message: "End on or after the first day" });
      return;
    }
    const days = (wallMidnightOf(input.to) - wallMidnightOf(input.from)) / 86_400_000 + 1;
    if (days > MAX_REPORT_DAYS) {
      ctx.addIssue({
        code: "custom",
        path: ["to"],
        message: `A report covers at most ${MAX_REPORT_DAYS} days`,
      });
    }
  });
export type PracticeReportInput = z.infer<typeof practiceReportInputSchema>;

/** The first and last local dates (inclusive) a report's period covers. */
export function reportRange(input: Pick<PracticeReportInput, "period" | "from" | "to">): {
  from: string;
  to: string;
} {
  if (input.period === "week") {
    const from = isoWeekStart(input.from);
    return { from, to: addLocalDays(from, 6) };
  }
  if (input.period === "month") {
    const from = `${input.from.slice(0, 7)}-01`;
    const [year, month] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
    const next =
      month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, "0")}-01`;
    return { from, to: addLocalDays(next, -1) };
  }
  return { from: input.from, to: input.to ?? input.from };
}

/**
 * How a booking was made, from its history's "created" entry: by the patient on the public
 * site ("online") or by a signed-in staff member ("staff": at the desk or on the phone; the
 * system records no difference). "unrecorded" is a booking with no such entry (imported or
 * seeded data).
 */
export const bookingChannels = ["online", "staff", "unrecorded"] as const;
export type BookingChannel = (typeof bookingChannels)[number];

/** A share as a fraction, or null when there is nothing to divide by. */
export function ratio(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}
