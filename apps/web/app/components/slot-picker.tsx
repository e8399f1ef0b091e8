import { Link } from "@remix-run/react";
import type { PickerData } from "../server/slot-picker.server";

export interface PickerLinks {
  week: (week: string) => string;
  day: (date: string) => string;
  slot: (start: string) => string;
}

function timesLabel(count: number): string {
  return count === 1 ? "1 time" : `${count} times`;
}

/**
 * A week of days (those with free times highlighted) and the chosen day's times. Every
 * control is a link, so it works without JavaScript; with it, Remix moves between days
 * without reloading the page.
 */
export function SlotPicker({
  picker,
  links,
  selectedStart = null,
}: {
  picker: PickerData;
  links: PickerLinks;
  selectedStart?: string | null;
}) {
  return (
    <div className="slot-picker">
      <section aria-labelledby="picker-week" className="slot-picker__week">
        <div className="week-nav">
          {picker.previousWeek ? (
            <Link
              to={links.week(picker.previousWeek)}
              className="button button--secondary week-nav__link"
              preventScrollReset
              prefetch="intent"
            >
              <span aria-hidden="true">←</span> Previous week
            </Link>
          ) : (
            <span className="week-nav__spacer" />
          )}
          <h2 id="picker-week" className="week-nav__title">
            <span className="visually-hidden">Week of </span>
            {picker.weekLabel}
          </h2>
          {picker.nextWeek ? (
            <Link
              to={links.week(picker.nextWeek)}
              className="button button--secondary week-nav__link"
              preventScrollReset
              prefetch="intent"
            >
              Next week <span aria-hidden="true">→</span>
            </Link>
          ) : (
            <span className="week-nav__spacer" />
          )}
        </div>
        <ul className="day-strip">
          {picker.days.map((day) => {
            const face = (
              <>
                <span className="day__weekday" aria-hidden="true">
                  {day.weekday}
                </span>
                <span className="day__number" aria-hidden="true">
                  {day.dayOfMonth}
                </span>
                <span className="day__month" aria-hidden="true">
                  {day.month}
                </span>
                <span className="day__status" aria-hidden="true">
                  {day.slotCount > 0
                    ? timesLabel(day.slotCount)
                    : !day.inWindow
                      ? "–"
                      : day.closedReason
                        ? "Closed"
                        : "No times"}
                </span>
              </>
            );
            // A closed day stays a link: choosing it says why ("Closed: Christmas Day").
            if (!day.inWindow || (day.slotCount === 0 && !day.closedReason)) {
              return (
                <li key={day.date}>
                  <span className="day day--closed">
                    {face}
                    <span className="visually-hidden">
                      {day.label}: {day.inWindow ? "no free times" : "not bookable online"}
                    </span>
                  </span>
                </li>
              );
            }
            const selected = day.date === picker.selectedDay;
            const className = day.closedReason ? "day day--closed" : "day day--free";
            return (
              <li key={day.date}>
                <Link
                  to={links.day(day.date)}
                  className={selected ? `${className} day--selected` : className}
                  aria-current={selected ? "date" : undefined}
                  preventScrollReset
                  prefetch="intent"
                >
                  {face}
                  <span className="visually-hidden">
                    {day.label}:{" "}
                    {day.closedReason
                      ? `closed (${day.closedReason})`
                      : `${timesLabel(day.slotCount)} free`}
                  </span>
                </Link>
              </li>
            );
          })}
        </ul>
      </section>

      <section aria-labelledby="picker-times" className="slot-picker__times">
        <h2 id="picker-times" className="slot-picker__day" aria-live="polite">
          {picker.selectedDayLabel
            ? `Times on ${picker.selectedDayLabel}`
            : "No free times this week"}
        </h2>
        {picker.slots.length > 0 ? (
          <>
            <p className="slot-picker__note">Times are the clinic's local time.</p>
            <ul className="slot-list">
              {picker.slots.map((slot) => (
                <li key={slot.start}>
                  <Link
                    to={links.slot(slot.start)}
                    className={slot.start === selectedStart ? "slot slot--selected" : "slot"}
                    aria-current={slot.start === selectedStart ? "true" : undefined}
                  >
                    {slot.label}
                  </Link>
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p>
            {picker.selectedDayClosed
              ? `Closed: ${picker.selectedDayClosed}. Please choose another day.`
              : picker.selectedDay
                ? "There are no free times left on this day. Please choose another day."
                : picker.nextWeek
                  ? "Every time this week is taken. Try the next week."
                  : "There are no free times left that can be booked online."}
          </p>
        )}
      </section>
    </div>
  );
}
