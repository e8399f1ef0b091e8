import {
  can,
  type EnquiryStatus,
  enquiryNoteBodySchema,
  enquiryReplySchema,
  enquiryStatusSchema,
} from "@clinic/domain";
import { intentOf } from "@clinic/form-kit";
import { requireRecord } from "@clinic/form-kit/server";
import { getFormProps } from "@conform-to/react";
import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { FormErrors } from "../components/field-errors";
import { TextAreaField, TextField } from "../components/form-controls";
import { NoticeBanner } from "../components/notice-banner";
import { SubmitButton } from "../components/submit-button";
import { useSchemaForm } from "../components/use-schema-form";
import { dateTimeLabel } from "../formatting/clinic-time";
import { enquiryStatusClass, enquiryStatusLabels } from "../formatting/enquiry-labels";
import { pageMeta } from "../formatting/page-title";
import type { ApiClient } from "../server/api.server";
import { runAction, submitForm } from "../server/form-action.server";
import { noticeFrom, withNotice } from "../server/notices.server";
import { requireStaffAction, requireStaffWith } from "../server/staff-access.server";
import contentStylesUrl from "../styles/content-admin.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: contentStylesUrl }];
export const meta: MetaFunction<typeof loader> = ({ data, error }) =>
  pageMeta(error, data ? `Enquiry from ${data.enquiry.name}` : "Enquiry");

const notices = {
  replied: "Reply queued: it will be emailed shortly.",
  noted: "Note added.",
  new: "Marked as new.",
  in_progress: "Marked as in progress.",
  closed: "Enquiry closed.",
} as const;

const noteFormSchema = z.object({ body: enquiryNoteBodySchema });

const findEnquiry = (api: ApiClient, id = "") =>
  requireRecord(() => api.enquiries.detail.query({ id }), "Enquiry");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, api } = await requireStaffWith(request, "enquiries.read");
  const [enquiry, settings] = await Promise.all([
    findEnquiry(api, params.id),
    api.settings.get.query(),
  ]);
  const tz = settings.timeZone;
  const thread = [
    ...enquiry.notes.map((n) => ({ ...n, kind: "note" as const })),
    ...enquiry.replies.map((r) => ({ ...r, kind: "reply" as const })),
  ]
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
    .map((entry) => ({
      id: entry.id,
      kind: entry.kind,
      body: entry.body,
      author: entry.author?.name ?? "A former staff member",
      when: dateTimeLabel(entry.createdAt, tz),
    }));
  return {
    notice: noticeFrom(request, notices),
    canWrite: can(user.role, "enquiries.write"),
    clinicName: settings.name,
    enquiry: {
      id: enquiry.id,
      name: enquiry.name,
      email: enquiry.email,
      phone: enquiry.phone,
      message: enquiry.message,
      status: enquiry.status,
      received: dateTimeLabel(enquiry.createdAt, tz),
    },
    thread,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { api } = await requireStaffAction(request, "enquiries.write");
  const enquiry = await findEnquiry(api, params.id);
  const id = enquiry.id;
  const here = `/enquiries/${id}`;
  const formData = await request.formData();
  switch (intentOf(formData, ["reply", "note", "status"])) {
    case "reply":
      return submitForm(
        formData,
        {
          schema: enquiryReplySchema,
          fields: ["subject", "body"],
          send: (reply) => api.enquiries.reply.mutate({ id, ...reply }),
          redirectTo: () => withNotice(here, "replied"),
        },
        { form: "reply" },
      );
    case "note":
      return submitForm(
        formData,
        {
          schema: noteFormSchema,
          fields: ["body"],
          send: ({ body }) => api.enquiries.addNote.mutate({ id, body }),
          redirectTo: () => withNotice(here, "noted"),
        },
        { form: "note" },
      );
    case "status": {
      const status = enquiryStatusSchema.safeParse(formData.get("status"));
      if (!status.success) throw new Response("Unknown status", { status: 400 });
      return runAction(
        () => api.enquiries.setStatus.mutate({ id, status: status.data }),
        () => withNotice(here, status.data),
        { form: "status" },
      );
    }
  }
}

const statusButtons: Record<EnquiryStatus, { to: EnquiryStatus; label: string }[]> = {
  new: [
    { to: "in_progress", label: "Mark in progress" },
    { to: "closed", label: "Close enquiry" },
  ],
  in_progress: [
    { to: "closed", label: "Close enquiry" },
    { to: "new", label: "Mark as new" },
  ],
  closed: [{ to: "in_progress", label: "Reopen" }],
};

export default function EnquiryDetail() {
  const { notice, canWrite, clinicName, enquiry, thread } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [replyForm, replyFields] = useSchemaForm(enquiryReplySchema, {
    id: "reply",
    lastResult: actionData?.form === "reply" ? actionData.reply : undefined,
  });
  const [noteForm, noteFields] = useSchemaForm(noteFormSchema, {
    id: "note",
    lastResult: actionData?.form === "note" ? actionData.reply : undefined,
  });

  return (
    <>
      <p>
        <Link to="/enquiries">← Enquiries</Link>
      </p>
      <div className="page-heading">
        <h1>Enquiry from {enquiry.name}</h1>
        <p className="lede">
          <span className={`status ${enquiryStatusClass[enquiry.status]}`}>
            {enquiryStatusLabels[enquiry.status]}
          </span>{" "}
          Received {enquiry.received}
        </p>
      </div>
      <NoticeBanner message={notice} />

      <section className="panel" aria-labelledby="message-heading">
        <h2 id="message-heading">Message</h2>
        <dl className="description-list">
          <dt>Email</dt>
          <dd>
            <a href={`mailto:${enquiry.email}`}>{enquiry.email}</a>
          </dd>
          <dt>Phone</dt>
          <dd>
            {enquiry.phone ? (
              <a href={`tel:${enquiry.phone.replace(/\s+/g, "")}`}>{enquiry.phone}</a>
            ) : (
              "Not given"
            )}
          </dd>
        </dl>
        <p className="pre-wrap" style={{ marginTop: "1rem" }}>
          {enquiry.message}
        </p>
        {canWrite ? (
          <>
            {actionData?.form === "status" ? <FormErrors errors={[actionData.error]} /> : null}
            <Form method="post" className="button-row">
              <input type="hidden" name="intent" value="status" />
              {statusButtons[enquiry.status].map((button) => (
                <SubmitButton
                  key={button.to}
                  name="status"
                  value={button.to}
                  className={
                    button.to === "closed" ? "button button--primary" : "button button--quiet"
                  }
                >
                  {button.label}
                </SubmitButton>
              ))}
            </Form>
          </>
        ) : null}
      </section>

      <section className="section" aria-labelledby="thread-heading">
        <h2 id="thread-heading">Replies and notes</h2>
        {thread.length === 0 ? (
          <p className="muted">Nobody has replied or added a note yet.</p>
        ) : (
          <ol className="thread">
            {thread.map((entry) => (
              <li key={entry.id} className={entry.kind === "reply" ? "thread__reply" : undefined}>
                <p className="small muted">
                  <strong>{entry.kind === "reply" ? "Reply emailed" : "Internal note"}</strong> by{" "}
                  {entry.author}, {entry.when}
                </p>
                <p className="pre-wrap">{entry.body}</p>
              </li>
            ))}
          </ol>
        )}
      </section>

      {canWrite ? (
        <div className="form-grid">
          <section className="panel" aria-labelledby="reply-heading">
            <h2 id="reply-heading">Reply by email</h2>
            <Form method="post" className="form" {...getFormProps(replyForm)}>
              <FormErrors id={replyForm.errorId} errors={replyForm.errors} />
              <input type="hidden" name="intent" value="reply" />
              <TextField
                meta={replyFields.subject}
                label="Subject"
                hint={`Optional; "Re: your enquiry to ${clinicName}" when left empty.`}
              />
              <TextAreaField
                meta={replyFields.body}
                label="Reply"
                hint={`Emailed to ${enquiry.email} from the clinic. New enquiries move to in progress.`}
                rows={8}
              />
              <div className="button-row">
                <SubmitButton className="button button--primary">Send reply</SubmitButton>
              </div>
            </Form>
          </section>
          <section className="panel" aria-labelledby="note-heading">
            <h2 id="note-heading">Internal note</h2>
            <Form method="post" className="form" {...getFormProps(noteForm)}>
              <FormErrors id={noteForm.errorId} errors={noteForm.errors} />
              <input type="hidden" name="intent" value="note" />
              <TextAreaField
                meta={noteFields.body}
                label="Note"
                hint="Only staff see notes."
                rows={5}
              />
              <div className="button-row">
                <SubmitButton className="button button--quiet">Add note</SubmitButton>
              </div>
            </Form>
          </section>
        </div>
      ) : null}
    </>
  );
}

export { ErrorBoundary } from "../components/staff-error-boundary";
