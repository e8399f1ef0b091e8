import { dateTimeLabel } from "./clinic-time";

export interface HistoryEntry {
  kind: string;
  actorKind: "patient" | "staff";
  actorName: string;
  details: Record<string, unknown>;
}

function text(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? value : null;
}

function instantLabel(value: unknown, timeZone: string): string | null {
  const iso = text(value);
  if (iso === null) return null;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : dateTimeLabel(date, timeZone);
}

/** Said of a booking made or moved outside the practitioner's usual hours (staff chose to). */
function outsideHoursNote(details: Record<string, unknown>): string {
  return Array.isArray(details.outsideHours) && details.outsideHours.length > 0
    ? ", outside the usual hours"
    : "";
}

/** One line of a booking's history, in words: what happened, by whom, with the details that matter. */
export function describeHistoryEntry(entry: HistoryEntry, timeZone: string): string {
  const who = entry.actorKind === "patient" ? `${entry.actorName} (patient)` : entry.actorName;
  switch (entry.kind) {
    case "created":
      return entry.actorKind === "patient" || entry.details.by !== "staff"
        ? `Booked online by ${who}`
        : `Booked by ${who} for the patient${entry.details.treatmentPlanId ? ", in a treatment plan" : ""}${outsideHoursNote(entry.details)}`;
    case "cancelled": {
      const reason = text(entry.details.reason);
      const by = entry.details.withRestOfPlan
        ? `Cancelled by ${who} with the rest of its treatment plan`
        : `Cancelled by ${who}`;
      return reason ? `${by}: “${reason}”` : by;
    }
    case "rescheduled": {
      const from = instantLabel(entry.details.from, timeZone);
      const to = instantLabel(entry.details.to, timeZone);
      const toWhom = text(entry.details.toPractitioner);
      const moved = from && to ? `Moved by ${who} from ${from} to ${to}` : `Moved by ${who}`;
      return `${moved}${toWhom ? `, now with ${toWhom}` : ""}${outsideHoursNote(entry.details)}`;
    }
    case "completed":
      return `Marked as completed by ${who}`;
    case "no_show":
      return `Marked as a no-show by ${who}`;
    default:
      return `${entry.kind.replaceAll("_", " ")} by ${who}`;
  }
}
