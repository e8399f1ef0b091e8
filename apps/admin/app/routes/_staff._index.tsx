import { staffRoleLabels } from "@clinic/domain";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { createApi } from "../api.server";
import { RouteError } from "../components/route-error";
import { pageTitle } from "../page-title";
import { requireStaff } from "../session.server";

export const meta: MetaFunction = () => [{ title: pageTitle("Dashboard") }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, token } = await requireStaff(request);
  const summary = await createApi(token).dashboard.summary.query();
  return {
    user: { name: user.name, roleLabel: staffRoleLabels[user.role] },
    summary,
  };
}

export default function Dashboard() {
  const { user, summary } = useLoaderData<typeof loader>();
  const cards = [
    {
      label: "Upcoming bookings",
      count: summary.upcomingBookings,
      hint: "Appointments from now on",
    },
    { label: "Pending reviews", count: summary.pendingReviews, hint: "Waiting for moderation" },
    { label: "New enquiries", count: summary.newEnquiries, hint: "Not yet answered" },
  ];
  return (
    <>
      <div className="page-heading">
        <h1>Dashboard</h1>
        <p className="lede">
          Welcome back, {user.name}. You are signed in as{" "}
          <span className="badge">{user.roleLabel}</span>.
        </p>
      </div>
      <ul className="cards" aria-label="At a glance">
        {cards.map((card) => (
          <li key={card.label} className="card">
            <p className="card__label">{card.label}</p>
            <p className="card__count">{card.count.toLocaleString("en-AU")}</p>
            <p className="card__hint">{card.hint}</p>
          </li>
        ))}
      </ul>
    </>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
