import { can } from "@clinic/domain";
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { NoticeBanner } from "../components/notice-banner";
import { pageMeta } from "../formatting/page-title";
import { noticeFrom } from "../server/notices.server";
import { requireStaffWith } from "../server/staff-access.server";
import contentStylesUrl from "../styles/content-admin.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: contentStylesUrl }];
export const meta: MetaFunction = ({ error }) => pageMeta(error, "Practitioners");

const notices = { deleted: "Practitioner deleted." } as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, api } = await requireStaffWith(request, "catalog.read");
  const practitioners = await api.practitioners.staffList.query();
  return {
    notice: noticeFrom(request, notices),
    canWrite: can(user.role, "catalog.write"),
    practitioners: practitioners.map((p) => ({
      id: p.id,
      name: p.name,
      title: p.title,
      active: p.active,
      bookingCount: p.bookingCount,
      services: p.services.map((s) => s.name),
    })),
  };
}

export default function Practitioners() {
  const { notice, canWrite, practitioners } = useLoaderData<typeof loader>();
  return (
    <>
      <div className="page-heading page-heading--row">
        <h1>Practitioners</h1>
        {canWrite ? (
          <Link to="/practitioners/new" className="button button--primary">
            Add a practitioner
          </Link>
        ) : null}
      </div>
      <NoticeBanner message={notice} />
      {practitioners.length === 0 ? (
        <p>No practitioners yet.</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Title</th>
                <th scope="col">Services</th>
                <th scope="col">Status</th>
                <th scope="col" className="table__number">
                  Bookings
                </th>
              </tr>
            </thead>
            <tbody>
              {practitioners.map((p) => (
                <tr key={p.id}>
                  <th scope="row">
                    <Link to={`/practitioners/${p.id}`}>{p.name}</Link>
                  </th>
                  <td>{p.title}</td>
                  <td>
                    {p.services.length > 0 ? (
                      p.services.join(", ")
                    ) : (
                      <span className="muted">None</span>
                    )}
                  </td>
                  <td>
                    <span className={`status ${p.active ? "status--on" : "status--off"}`}>
                      {p.active ? "Active" : "Inactive"}
                    </span>
                  </td>
                  <td className="table__number">{p.bookingCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

export { ErrorBoundary } from "../components/staff-error-boundary";
