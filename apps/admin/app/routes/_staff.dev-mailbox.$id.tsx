import { requireRecord } from "@clinic/form-kit/server";
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { dateTimeLabel } from "../formatting/clinic-time";
import { pageMeta } from "../formatting/page-title";
import { textWithLinks } from "../formatting/text-links";
import { requireOpenDevMailbox } from "../server/dev-mailbox.server";
import contentStylesUrl from "../styles/content-admin.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: contentStylesUrl }];
export const meta: MetaFunction<typeof loader> = ({ data, error }) =>
  pageMeta(error, data ? data.message.subject : "Email");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { api } = await requireOpenDevMailbox(request);
  const [message, settings] = await Promise.all([
    requireRecord(() => api.devMailbox.get.query({ id: params.id ?? "" }), "Email"),
    api.settings.get.query(),
  ]);
  return {
    message: {
      to: message.to,
      subject: message.subject,
      kind: message.kind,
      when: dateTimeLabel(message.createdAt, settings.timeZone),
      purged: message.purged,
      attachments: message.attachments,
      parts: textWithLinks(message.text),
    },
  };
}

export default function DevMailboxMessage() {
  const { message } = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to="/dev-mailbox">Back to the mailbox</Link>
      </p>
      <div className="page-heading">
        <h1>{message.subject}</h1>
        <p className="lede">
          To {message.to}, {message.when} ({message.kind})
        </p>
      </div>
      {message.purged ? (
        <p className="muted">This email's text was removed after the retention period.</p>
      ) : (
        <pre className="dev-mailbox__text">
          {message.parts.map((part, index) =>
            part.href ? (
              <a key={index} href={part.href} target="_blank" rel="noreferrer">
                {part.text}
              </a>
            ) : (
              <span key={index}>{part.text}</span>
            ),
          )}
        </pre>
      )}
      {message.attachments.length > 0 ? (
        <p className="small muted">Attached: {message.attachments.join(", ")}</p>
      ) : null}
    </>
  );
}
