import { longDateLabel, type WaitlistStatus, waitlistStatuses } from "@clinic/domain";
import { PaginationNav, pageCount, pageParam } from "@clinic/form-kit";
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { StatusTabs } from "../components/status-tabs";
import { dateTimeLabel } from "../formatting/clinic-time";
import { pageMeta } from "../formatting/page-title";
import {
  timesOfDayLabel,
  waitlistStatusClass,
  waitlistStatusLabels,
} from "../formatting/waitlist-labels";
import { noticeFrom } from "../server/notices.server";
import { requireStaffWith } from "../server/staff-access.server";
import contentStylesUrl from "../styles/content-admin.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: contentStylesUrl }];
export const meta: MetaFunction = ({ error }) => pageMeta(error, "Waitlist");

function listPath(status: WaitlistStatus | "all", page = 1): string {
  const params = new URLSearchParams({ status });
  if (page > 1) params.set("page", String(page));
  return `/waitlist?${params}`;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { api } = await requireStaffWith(request, "waitlist.manage");
  const url = new URL(request.url);
  const raw = url.searchParams.get("status") ?? "waiting";
  const status = waitlistStatuses.includes(raw as WaitlistStatus)
    ? (raw as WaitlistStatus)
    : undefined;
  const page = pageParam(url.searchParams);
  const [list, settings] = await Promise.all([
    api.waitlist.list.query({ status, page }),
    api.settings.get.query(),
  ]);
  const tz = settings.timeZone;
  return {
    status: status ?? ("all" as const),
    page,
    pages: pageCount(list.total, list.pageSize),
    counts: list.counts,
    notice: noticeFrom(request, { removed: "Taken off the waitlist." }),
    entries: list.items.map((entry) => ({
      id: entry.id,
      name: entry.name,
      email: entry.email,
      status: entry.status as WaitlistStatus,
      service: entry.service.name,
      practitioner: entry.practitioner?.name ?? "Anyone",
      dates:
        entry.fromDate === entry.toDate
          ? longDateLabel(entry.fromDate)
          : `${longDateLabel(entry.fromDate)} – ${longDateLabel(entry.toDate)}`,
      times: timesOfDayLabel(entry.timesOfDay),
      offerCount: entry.offerCount,
      openOffer: entry.openOffer
        ? {
            start: dateTimeLabel(entry.openOffer.startsAt, tz),
            until: dateTimeLabel(entry.openOffer.expiresAt, tz),
          }
        : null,
    })),
  };
}

export default function Waitlist() {
  const { status, page, pages, counts, entries, notice } = useLoaderData<typeof loader>();
  const total = counts.waiting + counts.booked + counts.removed;
  const tabs: { value: WaitlistStatus | "all"; label: string }[] = [
    ...waitlistStatuses.map((s) => ({
      value: s,
      label: `${waitlistStatusLabels[s]} (${counts[s]})`,
    })),
    { value: "all", label: `All (${total})` },
  ];
  return (
    <>
      <div className="page-heading">
        <h1>Waitlist</h1>
        <p className="lede">
          Patients waiting for a time. When one that suits them comes free, they're emailed a link
          to claim it; the first to claim it gets it.
        </p>
      </div>
      <StatusTabs
        label="Filter the waitlist by status"
        tabs={tabs}
        current={status}
        href={(value) => listPath(value)}
      />
      {notice ? (
        <div className="notice" role="status">
          <p>{notice}</p>
        </div>
      ) : null}
      {entries.length === 0 ? (
        <p>Nobody here.</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Patient</th>
                <th scope="col">Treatment</th>
                <th scope="col">Days</th>
                <th scope="col">Times of day</th>
                <th scope="col">Offer</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id}>
                  <th scope="row">
                    <Link to={`/waitlist/${entry.id}`}>{entry.name}</Link>
                    <div className="small muted">{entry.email}</div>
                  </th>
                  <td>
                    {entry.service}
                    <div className="small muted">with {entry.practitioner}</div>
                  </td>
                  <td>{entry.dates}</td>
                  <td>{entry.times}</td>
                  <td>
                    {entry.openOffer ? (
                      <>
                        {entry.openOffer.start}
                        <div className="small muted">until {entry.openOffer.until}</div>
                      </>
                    ) : entry.offerCount > 0 ? (
                      <span className="small muted">{entry.offerCount} offered before</span>
                    ) : (
                      <span className="small muted">None yet</span>
                    )}
                  </td>
                  <td>
                    <span className={`status ${waitlistStatusClass[entry.status]}`}>
                      {waitlistStatusLabels[entry.status]}
                    </span>
                  </td>
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
