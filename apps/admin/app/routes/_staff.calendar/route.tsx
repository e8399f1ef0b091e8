import { isApiError } from "@clinic/api-client";
import { can } from "@clinic/domain";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import type { CSSProperties } from "react";
import { bookingStatusLabels } from "../../components/booking-status";
import { RouteError } from "../../components/route-error";
import {
  longDateLabel,
  shortDateLabel,
  timeLabel,
  timeRangeLabel,
  todayIn,
} from "../../formatting/clinic-time";
import { pageTitle } from "../../formatting/page-title";
import { createApi } from "../../server/api.server";
import { requireStaff } from "../../server/session.server";
import { gridWindow, hourMarks, minutesOnDay, placeEntries } from "./calendar-layout";
import { calendarHref, readCalendarParams, stepDate, viewRange } from "./calendar-params";

export const meta: MetaFunction = () => [{ title: pageTitle("Calendar") }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, token } = await requireStaff(request);
  const api = createApi(token);
  const settings = await api.settings.get.query();
  const today = todayIn(settings.timeZone);
  const params = readCalendarParams(new URL(request.url).searchParams, today);
  const range = viewRange(params.view, params.date);
  const [calendar, practitioners] = await Promise.all([
    api.bookings.list
      .query({
        ...range,
        practitionerId: params.practitionerId ?? undefined,
        includeCancelled: params.includeCancelled,
      })
      .catch((error) => {
        if (isApiError(error, "NOT_FOUND"))
          throw new Response("Practitioner not found", { status: 404 });
        throw error;
      }),
    api.practitioners.list.query(),
  ]);
  return {
    params,
    today,
    calendar,
    practitioners: practitioners.map((p) => ({ id: p.id, name: p.name })),
    mayBook: can(user.role, "bookings.write"),
  };
}

type Calendar = Awaited<ReturnType<typeof loader>>["calendar"];
type Entry =
  | {
      kind: "booking";
      id: string;
      startsAt: Date;
      endsAt: Date;
      booking: Calendar["bookings"][number];
    }
  | { kind: "break"; id: string; startsAt: Date; endsAt: Date }
  | { kind: "time-off"; id: string; startsAt: Date; endsAt: Date; reason: string; allDay: boolean };

const percent = (value: number) => `${value}%`;

export default function CalendarPage() {
  const { params, today, calendar, practitioners, mayBook } = useLoaderData<typeof loader>();
  const { timeZone } = calendar;
  const dates = calendar.days.map((d) => d.date);
  const columns = calendar.days.flatMap((day) =>
    calendar.practitioners.map((practitioner) => {
      const schedule = practitioner.days.find((d) => d.date === day.date);
      const entries: Entry[] = [
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

  // Hours shown: the working day, widened for anything outside it (all-day time off aside).
  const spans = columns.flatMap((c) =>
    [...c.working, ...c.entries.filter((e) => !(e.kind === "time-off" && e.allDay))].flatMap(
      (e) => {
        const m = minutesOnDay(e, c.day.date, timeZone);
        return m ? [m] : [];
      },
    ),
  );
  const window = gridWindow(spans);
  const marks = hourMarks(window);
  const hours = (window.endMinute - window.startMinute) / 60;
  const bodyStyle = { height: `calc(${hours} * var(--hour-height))` } satisfies CSSProperties;
  const top = (minute: number) =>
    percent(((minute - window.startMinute) / (window.endMinute - window.startMinute)) * 100);

  const title =
    params.view === "day"
      ? longDateLabel(params.date)
      : `${shortDateLabel(calendar.from)} to ${shortDateLabel(calendar.to)}`;
  const perPractitioner = calendar.practitioners.length;
  const hrefWith = (change: Partial<typeof params>) => calendarHref({ ...params, ...change });

  return (
    <>
      <div className="page-heading page-heading--row">
        <div>
          <h1>Calendar</h1>
          <p className="lede">
            {params.view === "day" ? "Day" : "Week"}: {title}. Times are the clinic's ({timeZone}).
          </p>
        </div>
        {mayBook ? (
          <Link to="/bookings/new" className="button button--primary">
            New booking
          </Link>
        ) : null}
      </div>

      <nav className="toolbar" aria-label="Calendar dates">
        <div className="toolbar__group">
          <Link
            className="button button--quiet button--small"
            to={hrefWith({ date: stepDate(params.view, params.date, -1) })}
          >
            {params.view === "day" ? "Previous day" : "Previous week"}
          </Link>
          <Link
            className="button button--quiet button--small"
            to={hrefWith({ date: today })}
            aria-current={dates.includes(today) ? "page" : undefined}
          >
            Today
          </Link>
          <Link
            className="button button--quiet button--small"
            to={hrefWith({ date: stepDate(params.view, params.date, 1) })}
          >
            {params.view === "day" ? "Next day" : "Next week"}
          </Link>
        </div>
        <div className="toolbar__group">
          <Link
            className="button button--quiet button--small"
            to={hrefWith({ view: "day" })}
            aria-current={params.view === "day" ? "page" : undefined}
          >
            Day view
          </Link>
          <Link
            className="button button--quiet button--small"
            to={hrefWith({ view: "week" })}
            aria-current={params.view === "week" ? "page" : undefined}
          >
            Week view
          </Link>
        </div>
      </nav>

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
            <option value="">Everyone, side by side</option>
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

      {columns.length === 0 ? (
        <p>No practitioners to show.</p>
      ) : (
        <div className="calendar">
          <div
            className="calendar__grid"
            style={{
              gridTemplateColumns: `4rem repeat(${columns.length}, minmax(${params.view === "week" ? 7.5 : 12}rem, 1fr))`,
            }}
          >
            <div className="calendar__corner" aria-hidden="true" />
            {columns.map((c, index) => {
              const headingId = `col-${c.key}`;
              const firstOfDay = index % perPractitioner === 0;
              return (
                <div
                  key={`${c.key}-head`}
                  className={`calendar__head${c.day.closure ? " calendar__head--closed" : ""}`}
                  style={params.view === "week" && firstOfDay ? { borderLeftWidth: 3 } : undefined}
                >
                  <h2 id={headingId}>
                    {params.view === "week" || dates.length > 1
                      ? `${shortDateLabel(c.day.date)}: `
                      : ""}
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
              );
            })}

            <div className="calendar__hours" style={bodyStyle} aria-hidden="true">
              {marks.map((minute) => (
                <span key={minute} className="calendar__hour" style={{ top: top(minute) }}>
                  {formatHour(minute)}
                </span>
              ))}
            </div>
            {columns.map((c, index) => {
              const placed = placeEntries(c.entries, c.day.date, timeZone, window);
              const firstOfDay = index % perPractitioner === 0;
              return (
                <div
                  key={c.key}
                  className="calendar__column"
                  style={{
                    ...bodyStyle,
                    ...(params.view === "week" && firstOfDay ? { borderLeftWidth: 3 } : {}),
                  }}
                  data-date={c.day.date}
                  data-practitioner={c.practitioner.name}
                >
                  {c.working.map((w) => {
                    const m = minutesOnDay(w, c.day.date, timeZone);
                    if (!m) return null;
                    return (
                      <div
                        key={w.start}
                        className="calendar__working"
                        aria-hidden="true"
                        style={{
                          top: top(Math.max(m.startMinute, window.startMinute)),
                          height: percent(
                            ((Math.min(m.endMinute, window.endMinute) -
                              Math.max(m.startMinute, window.startMinute)) /
                              (window.endMinute - window.startMinute)) *
                              100,
                          ),
                        }}
                      />
                    );
                  })}
                  {c.day.closure ? (
                    <p className="calendar__closed">Clinic closed: {c.day.closure.reason}</p>
                  ) : null}
                  <ol className="calendar__entries" aria-labelledby={`col-${c.key}`}>
                    {placed.map((p) => {
                      const { entry } = p;
                      const box: CSSProperties = {
                        top: percent(p.top),
                        height: percent(p.height),
                        left: percent((p.lane / p.lanes) * 100),
                        width: percent(100 / p.lanes),
                      };
                      if (entry.kind === "booking") {
                        const b = entry.booking;
                        return (
                          <li
                            key={entry.id}
                            className={`calendar__booking calendar__booking--${b.status}`}
                            style={box}
                          >
                            <Link to={`/bookings/${b.id}`}>
                              <span className="calendar__booking-time">
                                {timeRangeLabel(b.startsAt, b.endsAt, timeZone)}
                              </span>
                              {b.patient.name}, {b.service.name}
                              {b.status !== "confirmed"
                                ? ` (${bookingStatusLabels[b.status]})`
                                : ""}
                            </Link>
                          </li>
                        );
                      }
                      if (entry.kind === "break") {
                        return (
                          <li
                            key={entry.id}
                            className="calendar__break"
                            style={{ top: box.top, height: box.height }}
                          >
                            Break {timeRangeLabel(entry.startsAt, entry.endsAt, timeZone)}
                          </li>
                        );
                      }
                      return (
                        <li
                          key={entry.id}
                          className="calendar__off"
                          style={{ top: box.top, height: box.height }}
                        >
                          Time off
                          {entry.allDay
                            ? " (all day)"
                            : ` ${timeLabel(entry.startsAt, timeZone)}–${timeLabel(entry.endsAt, timeZone)}`}
                          {entry.reason ? `: ${entry.reason}` : ""}
                        </li>
                      );
                    })}
                  </ol>
                </div>
              );
            })}
          </div>
        </div>
      )}
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
    </>
  );
}

function formatHour(minute: number): string {
  const hour = Math.floor(minute / 60);
  if (hour === 0 || hour === 24) return "12 am";
  if (hour === 12) return "12 pm";
  return hour < 12 ? `${hour} am` : `${hour - 12} pm`;
}

export function ErrorBoundary() {
  return <RouteError />;
}
