import type { RouterOutputs } from "@clinic/api-client";
import { type GridWindow, gridWindow, minutesOnDay } from "./calendar-layout";

type Calendar = RouterOutputs["bookings"]["list"];

/** What a day column shows, besides the working hours behind it. */
export type CalendarEntry =
  | {
      kind: "booking";
      id: string;
      startsAt: Date;
      endsAt: Date;
      booking: Calendar["bookings"][number];
    }
  | { kind: "break"; id: string; startsAt: Date; endsAt: Date }
  | { kind: "time-off"; id: string; startsAt: Date; endsAt: Date; reason: string; allDay: boolean };

export interface CalendarColumn {
  key: string;
  day: Calendar["days"][number];
  practitioner: Calendar["practitioners"][number];
  working: { start: string; end: string; startsAt: Date; endsAt: Date }[];
  entries: CalendarEntry[];
}

/** One column per day and practitioner, days first: bookings, breaks and time off in each. */
export function calendarColumns(calendar: Calendar): CalendarColumn[] {
  return calendar.days.flatMap((day) =>
    calendar.practitioners.map((practitioner) => {
      const schedule = practitioner.days.find((d) => d.date === day.date);
      const entries: CalendarEntry[] = [
        ...calendar.bookings
          .filter((b) => b.practitionerId === practitioner.id)
          .map((b) => ({
            kind: "booking" as const,
            id: b.id,
            startsAt: b.startsAt,
            endsAt: b.endsAt,
            booking: b,
          })),
        ...(schedule?.breaks ?? []).map((b) => ({
          kind: "break" as const,
          id: `break-${b.start}`,
          startsAt: b.startsAt,
          endsAt: b.endsAt,
        })),
        ...(schedule?.timeOff ?? []).map((t) => ({ kind: "time-off" as const, ...t })),
      ];
      return {
        key: `${day.date}-${practitioner.id}`,
        day,
        practitioner,
        working: schedule?.working ?? [],
        entries,
      };
    }),
  );
}

/** The hours shown: the working day, widened for anything outside it (all-day time off aside). */
export function columnsWindow(columns: readonly CalendarColumn[], timeZone: string): GridWindow {
  const spans = columns.flatMap((c) =>
    [...c.working, ...c.entries.filter((e) => !(e.kind === "time-off" && e.allDay))].flatMap(
      (e) => {
        const m = minutesOnDay(e, c.day.date, timeZone);
        return m ? [m] : [];
      },
    ),
  );
  return gridWindow(spans);
}
