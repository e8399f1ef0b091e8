import { shortDateLabel } from "@clinic/domain";
import { Link } from "@remix-run/react";
import type { CSSProperties } from "react";
import { bookingStatusLabels } from "../../components/booking-status";
import { timeLabel, timeRangeLabel } from "../../formatting/clinic-time";
import type { CalendarColumn, CalendarEntry } from "./calendar-columns";
import {
  type GridWindow,
  hourMarks,
  minutesOnDay,
  type PlacedEntry,
  placeEntries,
} from "./calendar-layout";
import type { CalendarView } from "./calendar-params";

const percent = (value: number) => `${value}%`;

/**
 * The time grid: a column per day and practitioner, the hours down the side, working hours
 * shaded in, and bookings, breaks and time off placed on the clinic's wall clock.
 */
export function CalendarGrid({
  columns,
  window,
  view,
  days,
  timeZone,
}: {
  columns: readonly CalendarColumn[];
  window: GridWindow;
  view: CalendarView;
  /** How many days the view shows. */
  days: number;
  timeZone: string;
}) {
  const hours = (window.endMinute - window.startMinute) / 60;
  const bodyStyle = { height: `calc(${hours} * var(--hour-height))` } satisfies CSSProperties;
  const top = (minute: number) =>
    percent(((minute - window.startMinute) / (window.endMinute - window.startMinute)) * 100);
  const perDay = columns.length / days;
  // In the week view a thicker line starts each day.
  const dayEdge = (index: number) =>
    view === "week" && index % perDay === 0 ? { borderLeftWidth: 3 } : undefined;

  return (
    <div className="calendar">
      <div
        className="calendar__grid"
        style={{
          gridTemplateColumns: `4rem repeat(${columns.length}, minmax(${view === "week" ? 7.5 : 12}rem, 1fr))`,
        }}
      >
        <div className="calendar__corner" aria-hidden="true" />
        {columns.map((c, index) => (
          <div
            key={`${c.key}-head`}
            className={`calendar__head${c.day.closure ? " calendar__head--closed" : ""}`}
            style={dayEdge(index)}
          >
            <h2 id={`col-${c.key}`}>
              {view === "week" || days > 1 ? `${shortDateLabel(c.day.date)}: ` : ""}
              {c.practitioner.name}
            </h2>
            <p>
              {c.day.closure
                ? "Clinic closed"
                : c.working.length === 0
                  ? "Not working"
                  : c.working.map((w) => `${w.start}–${w.end}`).join(", ")}
            </p>
          </div>
        ))}

        <div className="calendar__hours" style={bodyStyle} aria-hidden="true">
          {hourMarks(window).map((minute) => (
            <span key={minute} className="calendar__hour" style={{ top: top(minute) }}>
              {hourLabel(minute)}
            </span>
          ))}
        </div>
        {columns.map((c, index) => (
          <div
            key={c.key}
            className="calendar__column"
            style={{ ...bodyStyle, ...dayEdge(index) }}
            data-date={c.day.date}
            data-practitioner={c.practitioner.name}
          >
            {c.working.map((w) => {
              const m = minutesOnDay(w, c.day.date, timeZone);
              if (!m) return null;
              const from = Math.max(m.startMinute, window.startMinute);
              const to = Math.min(m.endMinute, window.endMinute);
              return (
                <div
                  key={w.start}
                  className="calendar__working"
                  aria-hidden="true"
                  style={{
                    top: top(from),
                    height: percent(((to - from) / (window.endMinute - window.startMinute)) * 100),
                  }}
                />
              );
            })}
            {c.day.closure ? (
              <p className="calendar__closed">Clinic closed: {c.day.closure.reason}</p>
            ) : null}
            <ol className="calendar__entries" aria-labelledby={`col-${c.key}`}>
              {placeEntries(c.entries, c.day.date, timeZone, window).map((placed) => (
                <EntryItem key={placed.entry.id} placed={placed} timeZone={timeZone} />
              ))}
            </ol>
          </div>
        ))}
      </div>
    </div>
  );
}

function EntryItem({ placed, timeZone }: { placed: PlacedEntry<CalendarEntry>; timeZone: string }) {
  const { entry } = placed;
  const box: CSSProperties = {
    top: percent(placed.top),
    height: percent(placed.height),
    left: percent((placed.lane / placed.lanes) * 100),
    width: percent(100 / placed.lanes),
  };
  if (entry.kind === "booking") {
    const b = entry.booking;
    return (
      <li className={`calendar__booking calendar__booking--${b.status}`} style={box}>
        <Link to={`/bookings/${b.id}`}>
          <span className="calendar__booking-time">
            {timeRangeLabel(b.startsAt, b.endsAt, timeZone)}
          </span>
          {b.patient.name}, {b.service.name}
          {b.status !== "confirmed" ? ` (${bookingStatusLabels[b.status]})` : ""}
        </Link>
      </li>
    );
  }
  if (entry.kind === "break") {
    return (
      <li className="calendar__break" style={{ top: box.top, height: box.height }}>
        Break {timeRangeLabel(entry.startsAt, entry.endsAt, timeZone)}
      </li>
    );
  }
  return (
    <li className="calendar__off" style={{ top: box.top, height: box.height }}>
      Time off
      {entry.allDay
        ? " (all day)"
        : ` ${timeLabel(entry.startsAt, timeZone)}–${timeLabel(entry.endsAt, timeZone)}`}
      {entry.reason ? `: ${entry.reason}` : ""}
    </li>
  );
}

/** "8 am", "12 pm" for the grid's side. */
function hourLabel(minute: number): string {
  const hour = Math.floor(minute / 60);
  if (hour === 0 || hour === 24) return "12 am";
  if (hour === 12) return "12 pm";
  return hour < 12 ? `${hour} am` : `${hour - 12} pm`;
}
