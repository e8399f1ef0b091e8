import { PaginationNav, pageCount, pageParam } from "@clinic/form-kit";
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { FilterActions } from "../components/filter-actions";
import { dateTimeLabel } from "../formatting/clinic-time";
import { countLabel } from "../formatting/count-label";
import {
  emailKindLabel,
  emailStatuses,
  emailStatusLabel,
  messageChannelLabels,
  messageChannels,
} from "../formatting/emails";
import { pageMeta } from "../formatting/page-title";
import { requireStaffWith } from "../server/staff-access.server";
import contentStylesUrl from "../styles/content-admin.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: contentStylesUrl }];
export const meta: MetaFunction = ({ error }) => pageMeta(error, "Messages");

const PAGE_SIZE = 50;

export async function loader({ request }: LoaderFunctionArgs) {
  const { api } = await requireStaffWith(request, "emails.read");
  const params = new URL(request.url).searchParams;
  const rawStatus = params.get("status") ?? "";
  const status = emailStatuses.find((s) => s === rawStatus);
  const kind = (params.get("kind") ?? "").trim().slice(0, 100);
  const rawChannel = params.get("channel") ?? "";
  const channel = messageChannels.find((c) => c === rawChannel);
  const page = pageParam(params);
  const [list, settings] = await Promise.all([
    api.emails.list.query({
      status,
      kind: kind || undefined,
      channel,
      page,
      pageSize: PAGE_SIZE,
    }),
    api.settings.get.query(),
  ]);
  const tz = settings.timeZone;
  return {
    filter: { status: status ?? "", kind, channel: channel ?? "" },
    page,
    pages: pageCount(list.total, list.pageSize),
    total: list.total,
    devMailbox: list.devMailbox,
    kinds: list.kinds.map((k) => ({ value: k, label: emailKindLabel(k) })),
    messages: list.messages.map((message) => ({
      id: message.id,
      to: message.to,
      channel: messageChannelLabels[message.channel],
      subject: message.subject,
      kind: emailKindLabel(message.kind),
      status: emailStatusLabel(message, list.devMailbox),
      failed: message.status === "failed",
      when: dateTimeLabel(message.createdAt, tz),
      scheduledFor: message.scheduledFor ? dateTimeLabel(message.scheduledFor, tz) : null,
      sentAt: message.sentAt ? dateTimeLabel(message.sentAt, tz) : null,
    })),
  };
}

export default function Emails() {
  const { filter, page, pages, total, devMailbox, kinds, messages } =
    useLoaderData<typeof loader>();
  const pageLink = (p: number) => {
    const params = new URLSearchParams(Object.entries(filter).filter(([, v]) => v !== ""));
    if (p > 1) params.set("page", String(p));
    const query = params.toString();
    return query ? `/emails?${query}` : "/emails";
  };
  return (
    <>
      <div className="page-heading">
        <h1>Messages</h1>
        <p className="lede">
          {devMailbox
            ? "No SMTP server is set, so emails are not sent: this is the mailbox. Open one to read it and follow its links (a patient's manage link, say)."
            : "Every email the clinic sent or will send, newest first: to whom, when, and whether it arrived at the mail server. Reminders wait here until their time."}{" "}
          Text reminders are listed here too, with a failed one to send again.
        </p>
      </div>
      <Form method="get" className="filters" aria-label="Filter messages">
        <div className="field">
          <label htmlFor="messages-channel">Channel</label>
          <select id="messages-channel" name="channel" defaultValue={filter.channel}>
            <option value="">Emails and texts</option>
            {messageChannels.map((c) => (
              <option key={c} value={c}>
                {messageChannelLabels[c]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="emails-status">Status</label>
          <select id="emails-status" name="status" defaultValue={filter.status}>
            <option value="">Any status</option>
            {emailStatuses.map((s) => (
              <option key={s} value={s}>
                {emailStatusLabel({ status: s, scheduledFor: null, attempts: 0 }, devMailbox)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="emails-kind">Kind</label>
          <select id="emails-kind" name="kind" defaultValue={filter.kind}>
            <option value="">Every kind</option>
            {kinds.map((k) => (
              <option key={k.value} value={k.value}>
                {k.label}
              </option>
            ))}
          </select>
        </div>
        <FilterActions clearTo="/emails" />
      </Form>
      <p className="muted" role="status">
        {countLabel(total, "message", "messages")}
      </p>
      {messages.length === 0 ? null : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Written</th>
                <th scope="col">Channel</th>
                <th scope="col">To</th>
                <th scope="col">Subject</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {messages.map((message) => (
                <tr key={message.id}>
                  <td>{message.when}</td>
                  <td>{message.channel}</td>
                  <td>{message.to}</td>
                  <th scope="row">
                    <Link to={`/emails/${message.id}`}>{message.subject}</Link>
                    <div className="small muted">{message.kind}</div>
                  </th>
                  <td>
                    {message.failed ? <strong>{message.status}</strong> : message.status}
                    {message.scheduledFor ? (
                      <div className="small">Goes out {message.scheduledFor}</div>
                    ) : null}
                    {message.sentAt ? <div className="small muted">{message.sentAt}</div> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <PaginationNav page={page} pageCount={pages} href={pageLink} />
    </>
  );
}

export { ErrorBoundary } from "../components/staff-error-boundary";
