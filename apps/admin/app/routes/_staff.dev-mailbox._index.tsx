import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { dateTimeLabel } from "../formatting/clinic-time";
import { pageMeta } from "../formatting/page-title";
import { requireOpenDevMailbox } from "../server/dev-mailbox.server";
import contentStylesUrl from "../styles/content-admin.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: contentStylesUrl }];
export const meta: MetaFunction = ({ error }) => pageMeta(error, "Development mailbox");

export async function loader({ request }: LoaderFunctionArgs) {
  const { api } = await requireOpenDevMailbox(request);
  const [messages, settings] = await Promise.all([
    api.devMailbox.list.query({ limit: 100 }),
    api.settings.get.query(),
  ]);
  return {
    messages: messages.map((message) => ({
      id: message.id,
      to: message.to,
      subject: message.subject,
      kind: message.kind,
      status: message.status,
      when: dateTimeLabel(message.createdAt, settings.timeZone),
    })),
  };
}

export default function DevMailbox() {
  const { messages } = useLoaderData<typeof loader>();
  return (
    <>
      <div className="page-heading">
        <h1>Development mailbox</h1>
        <p className="lede">
          No SMTP server is set, so emails are not sent: they wait here, newest first. Open one to
          follow its links (a patient's manage link, say).
        </p>
      </div>
      {messages.length === 0 ? (
        <p className="muted">No emails yet.</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">To</th>
                <th scope="col">Subject</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {messages.map((message) => (
                <tr key={message.id}>
                  <td>{message.when}</td>
                  <td>{message.to}</td>
                  <th scope="row">
                    <Link to={`/dev-mailbox/${message.id}`}>{message.subject}</Link>
                    <div className="small muted">{message.kind}</div>
                  </th>
                  <td>
                    {message.status === "pending"
                      ? "Waiting"
                      : message.status === "sent"
                        ? "Delivered here"
                        : "Failed"}
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
