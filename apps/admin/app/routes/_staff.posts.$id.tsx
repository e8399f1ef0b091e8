import { isApiError } from "@clinic/api-client";
import { idSchema } from "@clinic/domain";
import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import {
  type ActionFunctionArgs,
  data,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import type { ShouldRevalidateFunction } from "@remix-run/react";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { FieldErrors, FormErrors } from "../components/field-errors";
import { NoticeBanner } from "../components/notice-banner";
import { PostEditor } from "../components/post-editor";
import { RouteError } from "../components/route-error";
import { dateTimeLabel } from "../formatting/clinic-time";
import { pageTitle } from "../formatting/page-title";
import {
  parseLocalDateTimeInput,
  postContentFrom,
  postFormSchema,
  postStatusLabels,
  toLocalDateTimeInput,
} from "../forms/post-form";
import type { ApiClient } from "../server/api.server";
import { callApi } from "../server/api-outcome.server";
import { noticeFrom, withNotice } from "../server/notices.server";
import { authorOptions, previewOf } from "../server/post-editor.server";
import { notFound, requireStaffAction, requireStaffWith } from "../server/staff-access.server";
import contentStylesUrl from "../styles/content-admin.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: contentStylesUrl }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: pageTitle(data ? `Edit “${data.post.title}”` : "Post") },
];

const notices = {
  created: "Draft saved.",
  saved: "Changes saved.",
  published: "Post published: it is on the website now.",
  scheduled: "Post scheduled.",
  unpublished: "Post unpublished: it is a draft again and off the website.",
} as const;

async function findPost(api: ApiClient, id: string) {
  if (!idSchema.safeParse(id).success) throw notFound("Post");
  try {
    return await api.posts.get.query({ id });
  } catch (error) {
    if (isApiError(error, "NOT_FOUND")) throw notFound("Post");
    throw error;
  }
}

// The live preview posts to this route's action on every pause in typing: nothing changes, so
// nothing needs reloading.
export const shouldRevalidate: ShouldRevalidateFunction = ({
  formData,
  defaultShouldRevalidate,
}) => (formData?.get("intent") === "preview" ? false : defaultShouldRevalidate);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, api } = await requireStaffWith(request, "posts.read");
  const [post, settings] = await Promise.all([
    findPost(api, params.id ?? ""),
    api.settings.get.query(),
  ]);
  const authors = post.canEdit ? await authorOptions(api, user) : [];
  const tz = settings.timeZone;
  return {
    notice: noticeFrom(request, notices),
    confirmDelete: new URL(request.url).searchParams.get("confirm") === "delete",
    authors,
    timeZone: tz,
    previewHtml: previewOf(post.body),
    post: {
      id: post.id,
      title: post.title,
      slug: post.slug,
      excerpt: post.excerpt,
      body: post.body,
      authorId: post.authorId ?? "",
      authorName: post.author?.name ?? "The clinic",
      tags: post.tags.join(", "),
      coverImageUrl: post.coverImageUrl ?? "",
      status: post.status,
      canEdit: post.canEdit,
      publishedLabel: post.publishedAt ? dateTimeLabel(post.publishedAt, tz) : null,
      scheduleValue:
        post.publishedAt && post.status === "scheduled"
          ? toLocalDateTimeInput(post.publishedAt, tz)
          : "",
    },
  };
}

type ActionResult =
  | { intent: "preview"; preview: string; reply?: SubmissionResult<string[]> }
  | { intent: "save"; reply: SubmissionResult<string[]> }
  | { intent: "schedule"; error: string; value: string }
  | { intent: "status"; error: string };

export async function action({ request, params }: ActionFunctionArgs) {
  const { api } = await requireStaffAction(request, "posts.write");
  const post = await findPost(api, params.id ?? "");
  const id = post.id;
  const here = `/posts/${id}`;
  const formData = await request.formData();
  const intent = formData.get("intent");

  if (intent === "preview" || intent === "save") {
    const submission = parseWithZod(formData, { schema: postFormSchema });
    if (intent === "preview") {
      return data<ActionResult>({
        intent: "preview",
        preview: previewOf(formData.get("body")),
        reply: { ...submission.reply(), error: undefined },
      });
    }
    if (submission.status !== "success") {
      return data<ActionResult>({ intent: "save", reply: submission.reply() }, { status: 400 });
    }
    const result = await callApi(
      () => api.posts.update.mutate({ id, ...postContentFrom(submission.value) }),
      {
        fields: Object.keys(postFormSchema.shape),
      },
    );
    if (!result.ok)
      return data<ActionResult>(
        { intent: "save", reply: submission.reply(result) },
        { status: 400 },
      );
    throw redirect(withNotice(here, "saved"));
  }

  if (intent === "schedule") {
    const settings = await api.settings.get.query();
    const value = String(formData.get("publishAt") ?? "");
    const publishedAt = parseLocalDateTimeInput(value, settings.timeZone);
    if (publishedAt === null) {
      return data<ActionResult>(
        { intent: "schedule", error: "Choose a date and time", value },
        { status: 400 },
      );
    }
    const result = await callApi(() => api.posts.schedule.mutate({ id, publishedAt }), {
      fields: [],
    });
    if (!result.ok) {
      return data<ActionResult>(
        { intent: "schedule", error: result.formErrors.join(" "), value },
        { status: 400 },
      );
    }
    throw redirect(withNotice(here, "scheduled"));
  }

  const calls = {
    publish: () => api.posts.publish.mutate({ id }),
    unpublish: () => api.posts.unpublish.mutate({ id }),
    delete: () => api.posts.remove.mutate({ id }),
  } as const;
  if (typeof intent !== "string" || !Object.hasOwn(calls, intent)) {
    throw new Response("Unknown action", { status: 400 });
  }
  const chosen = intent as keyof typeof calls;
  const result = await callApi<unknown>(calls[chosen], { fields: [] });
  if (!result.ok)
    return data<ActionResult>(
      { intent: "status", error: result.formErrors.join(" ") },
      { status: 409 },
    );
  if (chosen === "delete") throw redirect(withNotice("/posts", "deleted"));
  throw redirect(withNotice(here, chosen === "publish" ? "published" : "unpublished"));
}

export default function EditPost() {
  const { notice, confirmDelete, authors, timeZone, previewHtml, post } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const editorReply =
    actionData?.intent === "save" || actionData?.intent === "preview"
      ? actionData.reply
      : undefined;
  const scheduleError = actionData?.intent === "schedule" ? actionData : undefined;
  const statusError = actionData?.intent === "status" ? actionData.error : undefined;
  const statusLine =
    post.status === "published"
      ? `Published ${post.publishedLabel ?? ""}`
      : post.status === "scheduled"
        ? `Scheduled for ${post.publishedLabel ?? ""}`
        : "Draft: not on the website";

  return (
    <>
      <p>
        <Link to="/posts">← Posts</Link>
      </p>
      <div className="page-heading">
        <h1>{post.title}</h1>
        <p className="lede">
          <span className="badge">{postStatusLabels[post.status]}</span> {statusLine} · by{" "}
          {post.authorName}
        </p>
      </div>
      <NoticeBanner message={notice} />
      {!post.canEdit ? (
        <section className="panel" aria-labelledby="preview-heading">
          <h2 id="preview-heading">Preview</h2>
          <p className="muted">You can read this post but not change it.</p>
          <div className="preview" dangerouslySetInnerHTML={{ __html: previewHtml }} />
        </section>
      ) : (
        <>
          <section className="panel" aria-labelledby="publishing-heading">
            <h2 id="publishing-heading">Publishing</h2>
            {statusError ? <FormErrors errors={[statusError]} /> : null}
            <div className="button-row">
              {post.status !== "published" ? (
                <Form method="post">
                  <button
                    type="submit"
                    name="intent"
                    value="publish"
                    className="button button--primary"
                    disabled={busy}
                  >
                    Publish now
                  </button>
                </Form>
              ) : null}
              {post.status !== "draft" ? (
                <Form method="post">
                  <button
                    type="submit"
                    name="intent"
                    value="unpublish"
                    className="button button--quiet"
                    disabled={busy}
                  >
                    Unpublish (back to draft)
                  </button>
                </Form>
              ) : null}
            </div>
            <Form
              method="post"
              className="form-row"
              style={{ marginTop: "1rem", alignItems: "flex-end" }}
            >
              <div className="field">
                <label htmlFor="publishAt">
                  {post.status === "scheduled" ? "Reschedule for" : "Schedule for"}
                </label>
                <p id="publishAt-hint" className="field__hint">
                  Date and time in the clinic's time zone ({timeZone}).
                </p>
                <input
                  id="publishAt"
                  name="publishAt"
                  type="datetime-local"
                  required
                  defaultValue={scheduleError?.value ?? post.scheduleValue}
                  aria-invalid={scheduleError ? true : undefined}
                  aria-describedby={
                    scheduleError ? "publishAt-hint publishAt-error" : "publishAt-hint"
                  }
                />
                <FieldErrors
                  id="publishAt-error"
                  errors={scheduleError ? [scheduleError.error] : undefined}
                />
              </div>
              <div>
                <button
                  type="submit"
                  name="intent"
                  value="schedule"
                  className="button button--quiet"
                  disabled={busy}
                >
                  Schedule
                </button>
              </div>
            </Form>
          </section>

          <section className="panel" aria-labelledby="content-heading">
            <h2 id="content-heading">Content</h2>
            <PostEditor
              key={post.id}
              lastResult={editorReply}
              defaultValue={{
                title: post.title,
                slug: post.slug,
                excerpt: post.excerpt,
                body: post.body,
                authorId: post.authorId,
                tags: post.tags,
                coverImageUrl: post.coverImageUrl,
              }}
              authors={authors}
              previewHtml={actionData?.intent === "preview" ? actionData.preview : previewHtml}
              submitLabel="Save changes"
            />
          </section>

          <section className="panel panel--danger" aria-labelledby="delete-heading">
            <h2 id="delete-heading">Delete</h2>
            {confirmDelete ? (
              <div className="warning">
                <p>
                  Delete “{post.title}” for good? This can't be undone. To take it off the website
                  but keep it, unpublish it instead.
                </p>
                <Form method="post" className="button-row">
                  <button
                    type="submit"
                    name="intent"
                    value="delete"
                    className="button button--danger"
                    disabled={busy}
                  >
                    Yes, delete for good
                  </button>
                  <Link to={`/posts/${post.id}`} className="button button--quiet">
                    Cancel
                  </Link>
                </Form>
              </div>
            ) : (
              <Link to="?confirm=delete" className="button button--quiet">
                Delete…
              </Link>
            )}
          </section>
        </>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
