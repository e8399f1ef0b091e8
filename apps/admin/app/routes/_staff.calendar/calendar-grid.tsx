import { shortDateLabel, timeOfDay } from "@clinic/domain";
import { Link } from "@remix-run/react";
import type { CSSProperties } from "react";
import { bookingStatusLabels } from "../../components/booking-status";
import { timeLabel, timeRangeLabel } from "../../formatting/clinic-time";
import type { CalendarColumn, CalendarEntry } from "./calendar-columns";
import {
  emptyStarts,
  type GridWindow,
  hourMarks,
  minutesOnDay,
  type PlacedEntry,
  placeEntries,
} from "./calendar-layout";
import type { CalendarView } from "./calendar-params";

const percent = (value: number) => `${value}%`;

/**
 * The time grid: a column per day and practitioner (the week view shows one practitioner, so
 * a column per day), the hours down the side, working hours shaded in, and bookings, breaks
 * and time off placed on the clinic's wall clock. Empty half hours are links that start a
 * booking there, for the diaries the viewer may book into.
 */
export function CalendarGrid({
  columns,
  window,
  view,
  days,
  timeZone,
  bookableIds,
}: {
  columns: readonly CalendarColumn[];
  window: GridWindow;
  view: CalendarView;
  /** How many days the view shows. */
  days: number;
  timeZone: string;
  bookableIds: readonly string[];
}) {
  const hours = (window.endMinute - window.startMinute) / 60;
  const bodyStyle = { height: `calc(${hours} * var(--hour-height))` } satisfies CSSProperties;
  const top = (minute: number) =>
    percent(((minute - window.startMinute) / (window.endMinute - window.startMinute)) * 100);
  const perDay = columns.length / days;
  // One practitioner over several days: the days head the columns, the name is said once.
  const onePerson = perDay === 1 && days > 1;
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
              {onePerson ? (
                <>
                  {shortDateLabel(c.day.date)}
                  <span className="visually-hidden">, {c.practitioner.name}</span>
                </>
              ) : (
                <>
                  {view === "week" || days > 1 ? `${shortDateLabel(c.day.date)}: ` : ""}
                  {c.practitioner.name}
                </>
              )}
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
            {bookableIds.includes(c.practitioner.id) ? (
              <EmptyTimes column={c} window={window} timeZone={timeZone} />
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

/**
 * Links on the column's empty half hours: each opens the new-booking form for that
 * practitioner, date and time (a plain link: it works without JavaScript, and Enter on it
 * from the keyboard). Times outside the usual hours lead to booking outside them.
 */
function EmptyTimes({
  column,
  window,
  timeZone,
}: {
  column: CalendarColumn;
  window: GridWindow;
  timeZone: string;
}) {
  const taken = column.entries.flatMap((e) => {
    if (e.kind !== "booking" || e.booking.status === "cancelled") return [];
    const m = minutesOnDay(e, column.day.date, timeZone);
    return m ? [m] : [];
  });
  const day = shortDateLabel(column.day.date);
  return (
    <ul className="calendar__slots" aria-label={`Empty times, ${column.practitioner.name}, ${day}`}>
      {emptyStarts(window, taken).map((start) => {
        const time = timeOfDay(start.minute);
        const query = new URLSearchParams({
          practitioner: column.practitioner.id,
          date: column.day.date,
          time,
        });
        return (
          <li key={start.minute} style={{ top: percent(start.top), height: percent(start.height) }}>
            <Link
              to={`/bookings/new?${query}`}
              aria-label={`Book ${column.practitioner.name} at ${time} on ${day}`}
            >
              <span className="calendar__slot-time">{time}</span>
            </Link>
          </li>
        );
      })}
    </ul>
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
    const when = timeRangeLabel(b.startsAt, b.endsAt, timeZone);
    const status = b.status !== "confirmed" ? ` (${bookingStatusLabels[b.status]})` : "";
    const full = `${when}: ${b.patient.name}, ${b.service.name}${status}`;
    // Under 45 minutes there is room for one line: the patient's name first, cut off if need
    // be, with everything in the tooltip and the link's accessible name.
    const short = placed.endMinute - placed.startMinute < 45;
    return (
      <li
        className={`calendar__booking calendar__booking--${b.status}${short ? " calendar__booking--short" : ""}`}
        style={box}
      >
        <Link to={`/bookings/${b.id}`} title={full}>
          {short ? (
            <>
              <span className="calendar__booking-name">{b.patient.name}</span>{" "}
              <span className="calendar__booking-when">{timeLabel(b.startsAt, timeZone)}</span>
              <span className="visually-hidden">
                {" "}
                to {timeLabel(b.endsAt, timeZone)}, {b.service.name}
                {status}
              </span>
            </>
          ) : (
            <>
              <span className="calendar__booking-time">{when}</span>
              <span className="calendar__booking-name">{b.patient.name}</span>, {b.service.name}
              {status}
            </>
          )}
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
