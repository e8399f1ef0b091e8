import { idSchema } from "@clinic/domain";
import { requireRecord } from "@clinic/form-kit/server";
import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrors } from "../components/field-errors";
import { NoticeBanner } from "../components/notice-banner";
import { SubmitButton } from "../components/submit-button";
import { dateTimeLabel } from "../formatting/clinic-time";
import { emailKindLabel, emailStatusLabel } from "../formatting/emails";
import { pageMeta } from "../formatting/page-title";
import { textWithLinks } from "../formatting/text-links";
import { runAction } from "../server/form-action.server";
import { noticeFrom, withNotice } from "../server/notices.server";
import { requireStaffAction, requireStaffWith } from "../server/staff-access.server";
import contentStylesUrl from "../styles/content-admin.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: contentStylesUrl }];
export const meta: MetaFunction<typeof loader> = ({ data, error }) =>
  pageMeta(error, data ? data.message.subject : "Email");

const notices = { resend: "Queued again: it goes out within a minute." } as const;

// Links in the framed message open in a new tab, not inside the frame.
const FRAME_BASE = '<base target="_blank">';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { api } = await requireStaffWith(request, "emails.read");
  const [message, settings] = await Promise.all([
    requireRecord(() => api.emails.get.query({ id: params.id ?? "" }), "Email"),
    api.settings.get.query(),
  ]);
  const tz = settings.timeZone;
  return {
    notice: noticeFrom(request, notices),
    message: {
      id: message.id,
      to: message.to,
      subject: message.subject,
      kind: emailKindLabel(message.kind),
      status: emailStatusLabel(message, message.devMailbox),
      failed: message.status === "failed",
      lastError: message.lastError,
      attempts: message.attempts,
      written: dateTimeLabel(message.createdAt, tz),
      scheduledFor: message.scheduledFor ? dateTimeLabel(message.scheduledFor, tz) : null,
      sentAt: message.sentAt ? dateTimeLabel(message.sentAt, tz) : null,
      purged: message.purged,
      attachments: message.attachments,
      html: message.html === null ? null : FRAME_BASE + message.html,
      parts: textWithLinks(message.text),
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { api } = await requireStaffAction(request, "emails.resend");
  const id = idSchema.safeParse(params.id);
  if (!id.success) throw new Response("Unknown email", { status: 404 });
  return runAction(
    () => api.emails.resend.mutate({ id: id.data }),
    () => withNotice(`/emails/${id.data}`, "resend"),
    { id: id.data },
  );
}

export default function EmailMessage() {
  const { notice, message } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <p>
        <Link to="/emails">Back to the messages</Link>
      </p>
      <div className="page-heading">
        <h1>{message.subject}</h1>
        <p className="lede">
          To {message.to} · {message.kind}
        </p>
      </div>
      <NoticeBanner message={notice} />
      <dl className="description-list">
        <dt>Status</dt>
        <dd>
          {message.status}
          {message.scheduledFor ? `: goes out ${message.scheduledFor}` : ""}
          {message.sentAt ? `: ${message.sentAt}` : ""}
        </dd>
        <dt>Written</dt>
        <dd>{message.written}</dd>
        <dt>Tries</dt>
        <dd>{message.attempts}</dd>
        {message.lastError ? (
          <>
            <dt>Last error</dt>
            <dd>
              <code>{message.lastError}</code>
            </dd>
          </>
        ) : null}
        {message.attachments.length > 0 ? (
          <>
            <dt>Attached</dt>
            <dd>{message.attachments.map((a) => a.filename).join(", ")}</dd>
          </>
        ) : null}
      </dl>
      {message.failed ? (
        <Form method="post" className="button-row">
          {actionData ? <FormErrors errors={[actionData.error]} /> : null}
          <SubmitButton intent="resend" className="button button--primary">
            Send again
          </SubmitButton>
        </Form>
      ) : null}
      {message.purged ? (
        <p className="muted">This email's text was removed after the retention period.</p>
      ) : (
        <>
          {message.html ? (
            <section aria-labelledby="email-as-sent">
              <h2 id="email-as-sent">As the patient sees it</h2>
              {/* No scripts, forms or same-origin access: the message is shown, never run. */}
              <iframe
                title={`The email: ${message.subject}`}
                className="email-frame"
                sandbox="allow-popups allow-popups-to-escape-sandbox"
                srcDoc={message.html}
              />
            </section>
          ) : null}
          <section aria-labelledby="email-text">
            <h2 id="email-text">Plain text</h2>
            <pre className="email-text">
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
          </section>
        </>
      )}
    </>
  );
}

export { ErrorBoundary } from "../components/staff-error-boundary";
