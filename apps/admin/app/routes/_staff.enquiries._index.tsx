import { can, type EnquiryStatus, enquiryStatuses, excerpt } from "@clinic/domain";
import { PaginationNav, pageCount, pageParam } from "@clinic/form-kit";
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { StatusTabs } from "../components/status-tabs";
import { dateTimeLabel } from "../formatting/clinic-time";
import { enquiryStatusClass, enquiryStatusLabels } from "../formatting/enquiry-labels";
import { pageMeta } from "../formatting/page-title";
import { exportNotices } from "../server/csv-download.server";
import { noticeFrom } from "../server/notices.server";
import { requireStaffWith } from "../server/staff-access.server";
import contentStylesUrl from "../styles/content-admin.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: contentStylesUrl }];
export const meta: MetaFunction = ({ error }) => pageMeta(error, "Enquiries");

function listPath(status: EnquiryStatus | "all", page = 1): string {
  const params = new URLSearchParams({ status });
  if (page > 1) params.set("page", String(page));
  return `/enquiries?${params}`;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, api } = await requireStaffWith(request, "enquiries.read");
  const url = new URL(request.url);
  const raw = url.searchParams.get("status") ?? "all";
  const status = enquiryStatuses.includes(raw as EnquiryStatus)
    ? (raw as EnquiryStatus)
    : undefined;
  const page = pageParam(url.searchParams);
  const [inbox, settings] = await Promise.all([
    api.enquiries.list.query({ status, page }),
    api.settings.get.query(),
  ]);
  return {
    status: status ?? ("all" as const),
    page,
    pages: pageCount(inbox.total, inbox.pageSize),
    counts: inbox.counts,
    mayExport: can(user.role, "lists.export"),
    notice: noticeFrom(request, exportNotices),
    enquiries: inbox.items.map((e) => ({
      id: e.id,
      name: e.name,
      email: e.email,
      status: e.status,
      preview: excerpt(e.message, 120),
      received: dateTimeLabel(e.createdAt, settings.timeZone),
      noteCount: e.noteCount,
      replyCount: e.replyCount,
    })),
  };
}

export default function Enquiries() {
  const { status, page, pages, counts, enquiries, mayExport, notice } =
    useLoaderData<typeof loader>();
  const total = counts.new + counts.in_progress + counts.closed;
  const tabs: { value: EnquiryStatus | "all"; label: string }[] = [
    { value: "all", label: `All (${total})` },
    ...enquiryStatuses.map((s) => ({
      value: s,
      label: `${enquiryStatusLabels[s]} (${counts[s]})`,
    })),
  ];
  return (
    <>
      <div className="page-heading">
        <h1>Enquiries</h1>
        <p className="lede">Messages from the website's contact form.</p>
      </div>
      <StatusTabs
        label="Filter enquiries by status"
        tabs={tabs}
        current={status}
        href={(value) => listPath(value)}
      />
      {notice ? (
        <div className="warning" role="alert">
          <p>{notice}</p>
        </div>
      ) : null}
      {mayExport && enquiries.length > 0 ? (
        // A plain form: the browser saves the answer instead of Remix reading it.
        <form method="post" action="/enquiries/export" className="button-row">
          {status !== "all" ? <input type="hidden" name="status" value={status} /> : null}
          <button type="submit" className="button button--quiet">
            Download CSV
          </button>
        </form>
      ) : null}
      {enquiries.length === 0 ? (
        <p>No enquiries here.</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">From</th>
                <th scope="col">Message</th>
                <th scope="col">Received</th>
                <th scope="col">Status</th>
                <th scope="col" className="table__number">
                  Replies
                </th>
              </tr>
            </thead>
            <tbody>
              {enquiries.map((e) => (
                <tr key={e.id}>
                  <th scope="row">
                    <Link to={`/enquiries/${e.id}`}>{e.name}</Link>
                    <div className="small muted">{e.email}</div>
                  </th>
                  <td>{e.preview}</td>
                  <td>{e.received}</td>
                  <td>
                    <span className={`status ${enquiryStatusClass[e.status]}`}>
                      {enquiryStatusLabels[e.status]}
                    </span>
                  </td>
                  <td className="table__number">{e.replyCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <PaginationNav page={page} pageCount={pages} href={(p) => listPath(status, p)} />
    </>
  );
}

export { ErrorBoundary } from "../components/staff-error-boundary";
