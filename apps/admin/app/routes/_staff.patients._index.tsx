import { can, patientSearchInputSchema } from "@clinic/domain";
import { PaginationNav, pageParam } from "@clinic/form-kit";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { FormErrors } from "../components/field-errors";
import { dateTimeLabel } from "../formatting/clinic-time";
import { countLabel } from "../formatting/count-label";
import { pageMeta } from "../formatting/page-title";
import { exportNotices } from "../server/csv-download.server";
import { noticeFrom } from "../server/notices.server";
import { requireStaffWith } from "../server/staff-access.server";

export const meta: MetaFunction = ({ error }) => pageMeta(error, "Patients");

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, api } = await requireStaffWith(request, "patients.read");
  const mayExport = can(user.role, "lists.export");
  const notice = noticeFrom(request, exportNotices);
  const search = new URL(request.url).searchParams;
  const query = search.get("q") ?? "";
  const parsed = patientSearchInputSchema.safeParse({
    query: query || undefined,
    page: pageParam(search),
  });
  if (!parsed.success) {
    return {
      query,
      error: parsed.error.issues[0]?.message ?? "Check the search",
      result: null,
      timeZone: null,
      mayExport,
      notice,
    };
  }
  const [result, settings] = await Promise.all([
    api.patients.search.query(parsed.data),
    api.settings.get.query(),
  ]);
  return { query, error: null, result, timeZone: settings.timeZone, mayExport, notice };
}

export default function Patients() {
  const { query, error, result, timeZone, mayExport, notice } = useLoaderData<typeof loader>();
  const pageHref = (page: number) =>
    `/patients?${new URLSearchParams({ ...(query ? { q: query } : {}), page: String(page) })}`;
  return (
    <>
      <div className="page-heading">
        <h1>Patients</h1>
        <p className="lede">Everyone who has booked, with their visits.</p>
      </div>
      <Form method="get" className="search-form" role="search" aria-label="Patients">
        <div className="field">
          <label htmlFor="patient-search">Search by name, email or phone</label>
          <input id="patient-search" type="search" name="q" defaultValue={query} maxLength={100} />
        </div>
        <button type="submit" className="button button--primary">
          Search
        </button>
        {query ? (
          <Link to="/patients" className="button button--quiet">
            Clear
          </Link>
        ) : null}
      </Form>
      {notice ? (
        <div className="warning" role="alert">
          <p>{notice}</p>
        </div>
      ) : null}
      <FormErrors errors={error ? [error] : undefined} />
      {result && timeZone ? (
        <>
          <div className="list-summary">
            <p role="status">
              {result.total === 0
                ? query
                  ? `No patients match “${query}”.`
                  : "No patients yet."
                : `${countLabel(result.total, "patient", "patients")}${query ? ` match “${query}”` : ""}.`}
            </p>
            {mayExport && result.total > 0 ? (
              // A plain form: the browser saves the answer instead of Remix reading it.
              <form method="post" action="/patients/export" className="button-row">
                {query ? <input type="hidden" name="q" value={query} /> : null}
                <button type="submit" className="button button--quiet">
                  Download CSV
                </button>
              </form>
            ) : null}
          </div>
          {result.patients.length > 0 ? (
            <div className="table-wrap">
              <table className="table">
                <caption className="visually-hidden">
                  Patients, page {result.page} of {result.pageCount}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Email</th>
                    <th scope="col">Phone</th>
                    <th scope="col" className="table__number">
                      Bookings
                    </th>
                    <th scope="col">Next visit</th>
                    <th scope="col">Last visit</th>
                  </tr>
                </thead>
                <tbody>
                  {result.patients.map((p) => (
                    <tr key={p.id}>
                      <th scope="row">
                        <Link to={`/patients/${p.id}`}>{p.name}</Link>
                      </th>
                      <td>{p.email ?? <span className="muted">None (no emails)</span>}</td>
                      <td>{p.phone ?? <span className="muted">None</span>}</td>
                      <td className="table__number">{p.bookingCount}</td>
                      <td>{p.nextVisit ? dateTimeLabel(p.nextVisit, timeZone) : "—"}</td>
                      <td>{p.lastVisit ? dateTimeLabel(p.lastVisit, timeZone) : "—"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          <PaginationNav
            page={result.page}
            pageCount={result.pageCount}
            href={pageHref}
            previousLabel="Previous page"
            nextLabel="Next page"
            linkClassName="button button--quiet button--small"
          />
        </>
      ) : null}
    </>
  );
}

export { ErrorBoundary } from "../components/staff-error-boundary";
