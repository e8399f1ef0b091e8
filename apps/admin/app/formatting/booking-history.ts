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

/** One line of a booking's history, in words: what happened, by whom, with the details that matter. */
export function describeHistoryEntry(entry: HistoryEntry, timeZone: string): string {
  const who = entry.actorKind === "patient" ? `${entry.actorName} (patient)` : entry.actorName;
  switch (entry.kind) {
    case "created":
      return entry.actorKind === "patient" || entry.details.by !== "staff"
        ? `Booked online by ${who}`
        : `Booked by ${who} for the patient`;
    case "cancelled": {
      const reason = text(entry.details.reason);
      return reason ? `Cancelled by ${who}: “${reason}”` : `Cancelled by ${who}`;
    }
    case "rescheduled": {
      const from = instantLabel(entry.details.from, timeZone);
      const to = instantLabel(entry.details.to, timeZone);
      return from && to ? `Moved by ${who} from ${from} to ${to}` : `Moved by ${who}`;
    }
    case "completed":
      return `Marked as completed by ${who}`;
    case "no_show":
      return `Marked as a no-show by ${who}`;
    default:
      return `${entry.kind.replaceAll("_", " ")} by ${who}`;
  }
}
