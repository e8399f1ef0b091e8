import { can, formatMoney } from "@clinic/domain";
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { NoticeBanner } from "../components/notice-banner";
import { pageMeta } from "../formatting/page-title";
import { patientTypeLabels } from "../forms/catalog-forms";
import { noticeFrom } from "../server/notices.server";
import { requireStaffWith } from "../server/staff-access.server";
import contentStylesUrl from "../styles/content-admin.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: contentStylesUrl }];
export const meta: MetaFunction = ({ error }) => pageMeta(error, "Services");

const notices = { deleted: "Service deleted." } as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, api } = await requireStaffWith(request, "catalog.read");
  const [services, settings] = await Promise.all([
    api.services.staffList.query(),
    api.settings.get.query(),
  ]);
  return {
    notice: noticeFrom(request, notices),
    canWrite: can(user.role, "catalog.write"),
    services: services.map((s) => ({
      id: s.id,
      name: s.name,
      price: formatMoney(s.priceCents, settings.currency, "en-AU"),
      durationMinutes: s.durationMinutes,
      buffers: s.bufferBeforeMinutes + s.bufferAfterMinutes,
      patientType: patientTypeLabels[s.patientType],
      active: s.active,
      practitioners: s.practitioners.map((p) => p.name),
    })),
  };
}

export default function Services() {
  const { notice, canWrite, services } = useLoaderData<typeof loader>();
  return (
    <>
      <div className="page-heading page-heading--row">
        <h1>Services</h1>
        {canWrite ? (
          <Link to="/services/new" className="button button--primary">
            Add a service
          </Link>
        ) : null}
      </div>
      <NoticeBanner message={notice} />
      {services.length === 0 ? (
        <p>No services yet.</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Service</th>
                <th scope="col" className="table__number">
                  Price
                </th>
                <th scope="col" className="table__number">
                  Minutes
                </th>
                <th scope="col">For</th>
                <th scope="col">Offered by</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {services.map((s) => (
                <tr key={s.id}>
                  <th scope="row">
                    <Link to={`/services/${s.id}`}>{s.name}</Link>
                  </th>
                  <td className="table__number">{s.price}</td>
                  <td className="table__number">
                    {s.durationMinutes}
                    {s.buffers > 0 ? (
                      <span className="muted small"> +{s.buffers} buffer</span>
                    ) : null}
                  </td>
                  <td>{s.patientType}</td>
                  <td>
                    {s.practitioners.length > 0 ? (
                      s.practitioners.join(", ")
                    ) : (
                      <span className="muted">Nobody</span>
                    )}
                  </td>
                  <td>
                    <span className={`status ${s.active ? "status--on" : "status--off"}`}>
                      {s.active ? "Active" : "Inactive"}
                    </span>
                  </td>
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
