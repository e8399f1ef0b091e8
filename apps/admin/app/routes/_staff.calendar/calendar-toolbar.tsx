import { Form, Link } from "@remix-run/react";
import { type CalendarParams, calendarHref, stepDate } from "./calendar-params";

/** Paging through days or weeks, and switching between the day and week views. */
export function CalendarToolbar({
  params,
  today,
  showsToday,
}: {
  params: CalendarParams;
  today: string;
  showsToday: boolean;
}) {
  const hrefWith = (change: Partial<CalendarParams>) => calendarHref({ ...params, ...change });
  const day = params.view === "day";
  return (
    <nav className="toolbar" aria-label="Calendar dates">
      <div className="toolbar__group">
        <Link
          className="button button--quiet button--small"
          to={hrefWith({ date: stepDate(params.view, params.date, -1) })}
        >
          {day ? "Previous day" : "Previous week"}
        </Link>
        <Link
          className="button button--quiet button--small"
          to={hrefWith({ date: today })}
          aria-current={showsToday ? "page" : undefined}
        >
          Today
        </Link>
        <Link
          className="button button--quiet button--small"
          to={hrefWith({ date: stepDate(params.view, params.date, 1) })}
        >
          {day ? "Next day" : "Next week"}
        </Link>
      </div>
      <div className="toolbar__group">
        <Link
          className="button button--quiet button--small"
          to={hrefWith({ view: "day" })}
          aria-current={day ? "page" : undefined}
        >
          Day view
        </Link>
        <Link
          className="button button--quiet button--small"
          to={hrefWith({ view: "week" })}
          aria-current={day ? undefined : "page"}
        >
          Week view
        </Link>
      </div>
    </nav>
  );
}

/** A date to jump to, one practitioner or everyone, and whether cancelled bookings show. */
export function CalendarOptions({
  params,
  practitioners,
}: {
  params: CalendarParams;
  practitioners: readonly { id: string; name: string }[];
}) {
  return (
    <Form method="get" className="search-form" aria-label="Calendar options">
      <input type="hidden" name="view" value={params.view} />
      <div className="field">
        <label htmlFor="calendar-date">Date</label>
        <input id="calendar-date" type="date" name="date" defaultValue={params.date} />
      </div>
      <div className="field">
        <label htmlFor="calendar-practitioner">Practitioner</label>
        <select
          id="calendar-practitioner"
          name="practitioner"
          defaultValue={params.practitionerId ?? ""}
        >
          {params.view === "day" ? <option value="">Everyone, side by side</option> : null}
          {practitioners.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field field--inline">
        <label>
          <input
            type="checkbox"
            name="cancelled"
            value="1"
            defaultChecked={params.includeCancelled}
          />{" "}
          Show cancelled
        </label>
      </div>
      <button type="submit" className="button button--quiet">
        Show
      </button>
    </Form>
  );
}
