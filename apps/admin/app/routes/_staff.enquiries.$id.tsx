import { isApiError } from "@clinic/api-client";
import {
  can,
  type EnquiryStatus,
  enquiryNoteBodySchema,
  enquiryReplySchema,
  enquiryStatusSchema,
  idSchema,
} from "@clinic/domain";
import { getFormProps, type SubmissionResult, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import {
  type ActionFunctionArgs,
  data,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { FormErrors } from "../components/field-errors";
import { TextAreaField, TextField } from "../components/form-controls";
import { NoticeBanner } from "../components/notice-banner";
import { RouteError } from "../components/route-error";
import { dateTimeLabel } from "../formatting/clinic-time";
import { enquiryStatusClass, enquiryStatusLabels } from "../formatting/enquiry-labels";
import { pageTitle } from "../formatting/page-title";
import type { ApiClient } from "../server/api.server";
import { callApi } from "../server/api-outcome.server";
import { noticeFrom, withNotice } from "../server/notices.server";
import { notFound, requireStaffAction, requireStaffWith } from "../server/staff-access.server";
import contentStylesUrl from "../styles/content-admin.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: contentStylesUrl }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: pageTitle(data ? `Enquiry from ${data.enquiry.name}` : "Enquiry") },
];

const notices = {
  replied: "Reply queued: it will be emailed shortly.",
  noted: "Note added.",
  new: "Marked as new.",
  in_progress: "Marked as in progress.",
  closed: "Enquiry closed.",
} as const;

const noteFormSchema = z.object({ body: enquiryNoteBodySchema });

async function findEnquiry(api: ApiClient, id: string) {
  if (!idSchema.safeParse(id).success) throw notFound("Enquiry");
  try {
    return await api.enquiries.detail.query({ id });
  } catch (error) {
    if (isApiError(error, "NOT_FOUND")) throw notFound("Enquiry");
    throw error;
  }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, api } = await requireStaffWith(request, "enquiries.read");
  const [enquiry, settings] = await Promise.all([
    findEnquiry(api, params.id ?? ""),
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

type ActionResult =
  | { form: "reply" | "note"; reply: SubmissionResult<string[]> }
  | { form: "status"; error: string };

export async function action({ request, params }: ActionFunctionArgs) {
  const { api } = await requireStaffAction(request, "enquiries.write");
  const enquiry = await findEnquiry(api, params.id ?? "");
  const id = enquiry.id;
  const here = `/enquiries/${id}`;
  const formData = await request.formData();
  const intent = formData.get("intent");

  if (intent === "reply") {
    const submission = parseWithZod(formData, { schema: enquiryReplySchema });
    if (submission.status !== "success") {
      return data<ActionResult>({ form: "reply", reply: submission.reply() }, { status: 400 });
    }
    const result = await callApi(() => api.enquiries.reply.mutate({ id, ...submission.value }), {
      fields: ["subject", "body"],
    });
    if (!result.ok)
      return data<ActionResult>(
        { form: "reply", reply: submission.reply(result) },
        { status: 400 },
      );
    throw redirect(withNotice(here, "replied"));
  }

  if (intent === "note") {
    const submission = parseWithZod(formData, { schema: noteFormSchema });
    if (submission.status !== "success") {
      return data<ActionResult>({ form: "note", reply: submission.reply() }, { status: 400 });
    }
    const result = await callApi(
      () => api.enquiries.addNote.mutate({ id, body: submission.value.body }),
      {
        fields: ["body"],
      },
    );
    if (!result.ok)
      return data<ActionResult>({ form: "note", reply: submission.reply(result) }, { status: 400 });
    throw redirect(withNotice(here, "noted"));
  }

  if (intent === "status") {
    const status = enquiryStatusSchema.safeParse(formData.get("status"));
    if (!status.success) throw new Response("Unknown status", { status: 400 });
    const result = await callApi(
      () => api.enquiries.setStatus.mutate({ id, status: status.data }),
      { fields: [] },
    );
    if (!result.ok)
      return data<ActionResult>(
        { form: "status", error: result.formErrors.join(" ") },
        { status: 409 },
      );
    throw redirect(withNotice(here, status.data));
  }
  throw new Response("Unknown action", { status: 400 });
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
  const busy = useNavigation().state === "submitting";
  const [replyForm, replyFields] = useForm({
    id: "reply",
    lastResult: actionData?.form === "reply" ? actionData.reply : undefined,
    constraint: getZodConstraint(enquiryReplySchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: enquiryReplySchema }),
  });
  const [noteForm, noteFields] = useForm({
    id: "note",
    lastResult: actionData?.form === "note" ? actionData.reply : undefined,
    constraint: getZodConstraint(noteFormSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: noteFormSchema }),
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
                <button
                  key={button.to}
                  type="submit"
                  name="status"
                  value={button.to}
                  className={
                    button.to === "closed" ? "button button--primary" : "button button--quiet"
                  }
                  disabled={busy}
                >
                  {button.label}
                </button>
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
                <button type="submit" className="button button--primary" disabled={busy}>
                  Send reply
                </button>
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
                <button type="submit" className="button button--quiet" disabled={busy}>
                  Add note
                </button>
              </div>
            </Form>
          </section>
        </div>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
