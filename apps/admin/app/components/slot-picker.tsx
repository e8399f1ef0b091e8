import { shortDateLabel } from "@clinic/domain";
import { Link } from "@remix-run/react";
import { timeLabel } from "../formatting/clinic-time";
import type { SlotWindow } from "./slot-window";

export interface PickerDay {
  date: string;
  slots: { start: Date; practitionerIds: string[] }[];
}

/**
 * Free times from the availability API, as links: a stretch of days, then the chosen day's
 * times. Every control is a link (works without JavaScript); the page's next step confirms.
 */
export function SlotPicker({
  window,
  days,
  timeZone,
  selectedDate,
  selectedStart,
  hrefFor,
  headingLevel = 2,
}: {
  window: SlotWindow;
  days: readonly PickerDay[];
  timeZone: string;
  selectedDate: string | null;
  selectedStart: Date | null;
  hrefFor: (params: { from: string; day?: string; start?: string }) => string;
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const byDate = new Map(days.map((d) => [d.date, d.slots]));
  const slots = selectedDate ? (byDate.get(selectedDate) ?? []) : [];
  return (
    <div className="slot-picker">
      <div className="toolbar">
        <Heading className="toolbar__title" id="slot-days">
          Free days, {shortDateLabel(window.from)} to {shortDateLabel(window.to)}
        </Heading>
        <div className="toolbar__group">
          {window.previous ? (
            <Link
              className="button button--quiet button--small"
              to={hrefFor({ from: window.previous })}
            >
              Earlier days
            </Link>
          ) : null}
          {window.next ? (
            <Link
              className="button button--quiet button--small"
              to={hrefFor({ from: window.next })}
            >
              Later days
            </Link>
          ) : null}
        </div>
      </div>
      <ul className="day-picker" aria-labelledby="slot-days">
        {window.dates.map((date) => {
          const count = byDate.get(date)?.length ?? 0;
          const label = `${shortDateLabel(date)}, ${count === 0 ? "no free times" : count === 1 ? "1 free time" : `${count} free times`}`;
          return (
            <li key={date}>
              {count > 0 ? (
                <Link
                  to={hrefFor({ from: window.from, day: date })}
                  aria-current={date === selectedDate ? "date" : undefined}
                  preventScrollReset
                >
                  {label}
                </Link>
              ) : (
                <span>{label}</span>
              )}
            </li>
          );
        })}
      </ul>
      {selectedDate ? (
        <section aria-labelledby="slot-times">
          <Heading id="slot-times">Times on {shortDateLabel(selectedDate)}</Heading>
          {slots.length === 0 ? (
            <p>No free times that day.</p>
          ) : (
            <ul className="time-picker">
              {slots.map((slot) => {
                const iso = slot.start.toISOString();
                return (
                  <li key={iso}>
                    <Link
                      to={hrefFor({ from: window.from, day: selectedDate, start: iso })}
                      aria-current={
                        selectedStart?.getTime() === slot.start.getTime() ? "true" : undefined
                      }
                      preventScrollReset
                    >
                      {timeLabel(slot.start, timeZone)}
                    </Link>
                  </li>
                );
              })}
            </ul>
          )}
        </section>
      ) : (
        <p className="muted">Choose a day to see its free times.</p>
      )}
    </div>
  );
}
