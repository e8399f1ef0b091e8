import { staffRoleLabels } from "@clinic/domain";
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { dateTimeLabel } from "../formatting/clinic-time";
import { pageMeta } from "../formatting/page-title";
import { requireStaffWith } from "../server/staff-access.server";
import contentStylesUrl from "../styles/content-admin.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: contentStylesUrl }];
export const meta: MetaFunction = ({ error }) => pageMeta(error, "Staff");

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, api } = await requireStaffWith(request, "staff.manage");
  const [accounts, settings] = await Promise.all([
    api.staff.list.query(),
    api.settings.get.query(),
  ]);
  return {
    me: user.id,
    accounts: accounts.map((a) => ({
      id: a.id,
      name: a.name,
      email: a.email,
      role: staffRoleLabels[a.role],
      practitioner: a.practitionerName,
      active: a.active,
      lastSeen: a.lastSeenAt ? dateTimeLabel(a.lastSeenAt, settings.timeZone) : null,
    })),
  };
}

export default function StaffAccounts() {
  const { me, accounts } = useLoaderData<typeof loader>();
  return (
    <>
      <div className="page-heading page-heading--row">
        <h1>Staff</h1>
        <Link to="/staff/new" className="button button--primary">
          Add a staff account
        </Link>
      </div>
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Practitioner</th>
              <th scope="col">Status</th>
              <th scope="col">Last active</th>
            </tr>
          </thead>
          <tbody>
            {accounts.map((a) => (
              <tr key={a.id}>
                <th scope="row">
                  <Link to={`/staff/${a.id}`}>{a.name}</Link>
                  {a.id === me ? <span className="muted small"> (you)</span> : null}
                </th>
                <td>{a.email}</td>
                <td>{a.role}</td>
                <td>{a.practitioner ?? <span className="muted">None</span>}</td>
                <td>
                  <span className={`status ${a.active ? "status--on" : "status--off"}`}>
                    {a.active ? "Active" : "Deactivated"}
                  </span>
                </td>
                <td>{a.lastSeen ?? <span className="muted">Never</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

export { ErrorBoundary } from "../components/staff-error-boundary";
