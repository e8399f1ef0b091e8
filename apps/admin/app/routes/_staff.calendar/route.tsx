import { longDateLabel, shortDateLabel } from "@clinic/domain";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { pageMeta } from "../../formatting/page-title";
import { requireStaffWith } from "../../server/staff-access.server";
import { loadCalendar } from "./calendar.server";
import { calendarColumns, columnsWindow } from "./calendar-columns";
import { CalendarGrid } from "./calendar-grid";
import { calendarHref } from "./calendar-params";
import { CalendarOptions, CalendarToolbar } from "./calendar-toolbar";

export const meta: MetaFunction = ({ error }) => pageMeta(error, "Calendar");

export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireStaffWith(request, "bookings.read");
  return loadCalendar(staff, request);
}

export default function CalendarPage() {
  const { params, today, calendar, practitioners, mayBook, bookableIds } =
    useLoaderData<typeof loader>();
  const { timeZone } = calendar;
  const dates = calendar.days.map((d) => d.date);
  const columns = calendarColumns(calendar);
  const title =
    params.view === "day"
      ? longDateLabel(params.date)
      : `${shortDateLabel(calendar.from)} to ${shortDateLabel(calendar.to)}`;

  return (
    <>
      <div className="page-heading page-heading--row">
        <div>
          <h1>Calendar</h1>
          <p className="lede">
            {params.view === "day" ? "Day" : "Week"}: {title}
            {params.view === "week" && calendar.practitioners.length === 1
              ? `, ${calendar.practitioners[0]?.name}`
              : ""}
            . Times are the clinic's ({timeZone}).
            {mayBook ? " Choose an empty time to book it." : ""}
          </p>
        </div>
        {mayBook ? (
          <Link to="/bookings/new" className="button button--primary">
            New booking
          </Link>
        ) : null}
      </div>
      <CalendarToolbar params={params} today={today} showsToday={dates.includes(today)} />
      <CalendarOptions params={params} practitioners={practitioners} />
      {params.view === "week" && practitioners.length > 1 ? (
        <nav className="toolbar" aria-label="Whose week">
          <div className="toolbar__group">
            {practitioners.map((p) => (
              <Link
                key={p.id}
                className="button button--quiet button--small"
                to={calendarHref({ ...params, practitionerId: p.id })}
                aria-current={p.id === params.practitionerId ? "page" : undefined}
              >
                {p.name}
              </Link>
            ))}
          </div>
        </nav>
      ) : null}
      {columns.length === 0 ? (
        <p>No practitioners to show.</p>
      ) : (
        <CalendarGrid
          columns={columns}
          window={columnsWindow(columns, timeZone)}
          view={params.view}
          days={dates.length}
          timeZone={timeZone}
          bookableIds={bookableIds}
        />
      )}
      <Legend />
    </>
  );
}

function Legend() {
  return (
    <ul className="legend" aria-label="Legend">
      <li>
        <span className="legend__swatch" style={{ background: "#fff" }} aria-hidden="true" />
        Working hours
      </li>
      <li>
        <span
          className="legend__swatch"
          style={{ background: "var(--color-off)" }}
          aria-hidden="true"
        />
        Not working
      </li>
      <li>
        <span
          className="legend__swatch calendar__break"
          style={{ position: "static" }}
          aria-hidden="true"
        />
        Break
      </li>
      <li>
        <span
          className="legend__swatch calendar__off"
          style={{ position: "static" }}
          aria-hidden="true"
        />
        Time off or closure
      </li>
    </ul>
  );
}

export { ErrorBoundary } from "../../components/staff-error-boundary";
