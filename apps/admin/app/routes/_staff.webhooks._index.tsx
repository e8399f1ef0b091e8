import { type WebhookEventType, webhookEventLabels } from "@clinic/domain";
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { NoticeBanner } from "../components/notice-banner";
import { dateTimeLabel } from "../formatting/clinic-time";
import { pageMeta } from "../formatting/page-title";
import { noticeFrom } from "../server/notices.server";
import { requireStaffWith } from "../server/staff-access.server";
import contentStylesUrl from "../styles/content-admin.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: contentStylesUrl }];
export const meta: MetaFunction = ({ error }) => pageMeta(error, "Webhooks");

const notices = { deleted: "Endpoint deleted: it gets no more events." } as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const { api } = await requireStaffWith(request, "webhooks.manage");
  const [endpoints, settings] = await Promise.all([
    api.webhooks.list.query(),
    api.settings.get.query(),
  ]);
  return {
    notice: noticeFrom(request, notices),
    endpoints: endpoints.map((endpoint) => ({
      id: endpoint.id,
      url: endpoint.url,
      description: endpoint.description,
      enabled: endpoint.enabled,
      events: endpoint.events.map((e) => webhookEventLabels[e as WebhookEventType] ?? e),
      pending: endpoint.pending,
      failed: endpoint.failed,
      lastDeliveredAt: endpoint.lastDeliveredAt
        ? dateTimeLabel(endpoint.lastDeliveredAt, settings.timeZone)
        : null,
    })),
  };
}

export default function Webhooks() {
  const { notice, endpoints } = useLoaderData<typeof loader>();
  return (
    <>
      <div className="page-heading">
        <h1>Webhooks</h1>
        <p className="lede">
          Send bookings, reviews and enquiries to other systems (practice management, accounting, a
          chat channel) as they happen. Each delivery is signed, retried until it gets through, and
          listed in the endpoint's log.
        </p>
      </div>
      <NoticeBanner message={notice} />
      <p className="button-row">
        <Link to="/webhooks/new" className="button button--primary">
          Add an endpoint
        </Link>
      </p>
      {endpoints.length === 0 ? (
        <p>No endpoints yet.</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Endpoint</th>
                <th scope="col">Events</th>
                <th scope="col">Status</th>
                <th scope="col">Deliveries</th>
              </tr>
            </thead>
            <tbody>
              {endpoints.map((endpoint) => (
                <tr key={endpoint.id}>
                  <th scope="row">
                    <Link to={`/webhooks/${endpoint.id}`}>{endpoint.url}</Link>
                    {endpoint.description ? (
                      <div className="small muted">{endpoint.description}</div>
                    ) : null}
                  </th>
                  <td>{endpoint.events.join(", ")}</td>
                  <td>
                    <span className={endpoint.enabled ? "status--on" : "status--off"}>
                      {endpoint.enabled ? "Enabled" : "Paused"}
                    </span>
                  </td>
                  <td>
                    {endpoint.lastDeliveredAt
                      ? `Last delivered ${endpoint.lastDeliveredAt}`
                      : "None delivered yet"}
                    {endpoint.pending > 0 ? (
                      <div className="small">{endpoint.pending} waiting</div>
                    ) : null}
                    {endpoint.failed > 0 ? (
                      <div className="small">
                        <strong>{endpoint.failed} failed</strong>
                      </div>
                    ) : null}
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
