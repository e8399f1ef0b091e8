import { can, longDateLabel, shortDateLabel, staffRoleLabels } from "@clinic/domain";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { BarChart } from "../components/bar-chart";
import { BookingStatusBadge } from "../components/booking-status";
import { timeRangeLabel } from "../formatting/clinic-time";
import { pageMeta } from "../formatting/page-title";
import { requireStaffWith } from "../server/staff-access.server";

export const meta: MetaFunction = ({ error }) => pageMeta(error, "Dashboard");

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, api } = await requireStaffWith(request, "dashboard.read");
  const summary = await api.dashboard.summary.query();
  return {
    user: { name: user.name, roleLabel: staffRoleLabels[user.role] },
    may: {
      book: can(user.role, "bookings.write"),
      reviews: can(user.role, "reviews.moderate"),
      enquiries: can(user.role, "enquiries.read"),
    },
    summary,
  };
}

function countLabel(count: number, one: string, many: string): string {
  return `${count.toLocaleString("en-AU")} ${count === 1 ? one : many}`;
}

export default function Dashboard() {
  const { user, may, summary } = useLoaderData<typeof loader>();
  const { timeZone, today } = summary;
  const cards = [
    {
      label: "Upcoming bookings",
      count: summary.upcomingBookings,
      hint: "Appointments from now on",
      to: "/calendar?view=week",
    },
    ...(may.reviews
      ? [
          {
            label: "Pending reviews",
            count: summary.pendingReviews,
            hint: "Waiting for moderation",
            to: "/reviews",
          },
        ]
      : []),
    ...(may.enquiries
      ? [
          {
            label: "New enquiries",
            count: summary.newEnquiries,
            hint: "Not yet answered",
            to: "/enquiries",
          },
        ]
      : []),
  ];
  const weekTotal = summary.bookingsPerWeek.reduce((sum, w) => sum + w.count, 0);
  const busiest = summary.bookingsPerWeek.reduce<(typeof summary.bookingsPerWeek)[number] | null>(
    (best, w) => (best === null || w.count > best.count ? w : best),
    null,
  );
  const chartSummary =
    weekTotal === 0
      ? "No bookings in the last 12 weeks."
      : `${countLabel(weekTotal, "booking", "bookings")} in the last 12 weeks; the busiest was the week of ${
          busiest ? longDateLabel(busiest.weekStart) : ""
        } with ${busiest?.count ?? 0}.`;

  return (
    <>
      <div className="page-heading page-heading--row">
        <div>
          <h1>Dashboard</h1>
          <p className="lede">
            Welcome back, {user.name}. You are signed in as{" "}
            <span className="badge">{user.roleLabel}</span>.
          </p>
        </div>
        {may.book ? (
          <Link to="/bookings/new" className="button button--primary">
            New booking
          </Link>
        ) : null}
      </div>
      <ul className="cards" aria-label="At a glance">
        {cards.map((card) => (
          <li key={card.label} className="card">
            <p className="card__label">
              <Link to={card.to}>{card.label}</Link>
            </p>
            <p className="card__count">{card.count.toLocaleString("en-AU")}</p>
            <p className="card__hint">{card.hint}</p>
          </li>
        ))}
      </ul>

      <section className="section" aria-labelledby="today-heading">
        <div className="page-heading--row">
          <h2 id="today-heading">Today, {longDateLabel(today)}</h2>
          <Link to={`/calendar?view=day&date=${today}`}>Open today's calendar</Link>
        </div>
        <div className="dashboard-grid">
          {summary.todayByPractitioner.map(({ practitioner, appointments }) => (
            <section
              key={practitioner.id}
              className="panel"
              aria-labelledby={`today-${practitioner.id}`}
            >
              <h3 id={`today-${practitioner.id}`}>
                {practitioner.name}{" "}
                <span className="muted">
                  ({countLabel(appointments.length, "appointment", "appointments")})
                </span>
              </h3>
              {appointments.length === 0 ? (
                <p className="muted">No appointments today.</p>
              ) : (
                <ul className="appointment-list">
                  {appointments.map((a) => (
                    <li key={a.id}>
                      <span className="appointment-list__time">
                        {timeRangeLabel(a.startsAt, a.endsAt, timeZone)}
                      </span>
                      <span>
                        <Link to={`/bookings/${a.id}`}>{a.patientName}</Link>
                        <br />
                        <span className="muted">{a.serviceName}</span>{" "}
                        {a.status !== "confirmed" ? <BookingStatusBadge status={a.status} /> : null}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          ))}
        </div>
      </section>

      <div className="dashboard-grid">
        <section className="panel" aria-labelledby="next-heading">
          <h2 id="next-heading">Next 7 days</h2>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Day</th>
                <th scope="col" className="table__number">
                  Bookings
                </th>
              </tr>
            </thead>
            <tbody>
              {summary.nextDays.map((day) => (
                <tr key={day.date}>
                  <th scope="row">
                    <Link to={`/calendar?view=day&date=${day.date}`}>
                      {day.date === today ? "Today" : shortDateLabel(day.date)}
                    </Link>
                  </th>
                  <td className="table__number">{day.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>

        <section className="panel" aria-labelledby="chart-heading">
          <h2 id="chart-heading" className="visually-hidden">
            Bookings per week
          </h2>
          <BarChart
            title="Bookings per week, last 12 weeks"
            summary={chartSummary}
            valueLabel="Bookings"
            bars={summary.bookingsPerWeek.map((w) => ({
              label: shortDateLabel(w.weekStart).replace(/^\w+ /, ""),
              description: `Week of ${longDateLabel(w.weekStart)} (${w.isoWeek})`,
              value: w.count,
            }))}
          />
        </section>
      </div>
    </>
  );
}

export { ErrorBoundary } from "../components/staff-error-boundary";
