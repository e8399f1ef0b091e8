import { intentOf } from "@clinic/form-kit";
import { requireRecord } from "@clinic/form-kit/server";
import {
  type ActionFunctionArgs,
  data,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import type { ShouldRevalidateFunction } from "@remix-run/react";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FieldErrors, FormErrors } from "../components/field-errors";
import { ImageUploadPanel } from "../components/image-upload-panel";
import { NoticeBanner } from "../components/notice-banner";
import { PostEditor } from "../components/post-editor";
import { DeletionPanel } from "../components/record-panels";
import { SubmitButton } from "../components/submit-button";
import { dateTimeLabel } from "../formatting/clinic-time";
import { imagePreview } from "../formatting/image-preview";
import { pageMeta } from "../formatting/page-title";
import {
  parseLocalDateTimeInput,
  postContentFrom,
  postFormSchema,
  postStatusLabels,
  toLocalDateTimeInput,
} from "../forms/post-form";
import type { ApiClient } from "../server/api.server";
import { confirmStep } from "../server/confirm-step.server";
import { runAction, submitForm } from "../server/form-action.server";
import { noticeFrom, withNotice } from "../server/notices.server";
import { uploadPhoto } from "../server/photo-upload.server";
import { authorOptions, previewOf, previewReply } from "../server/post-editor.server";
import { requireStaffAction, requireStaffWith } from "../server/staff-access.server";
import contentStylesUrl from "../styles/content-admin.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: contentStylesUrl }];
export const meta: MetaFunction<typeof loader> = ({ data, error }) =>
  pageMeta(error, data ? `Edit “${data.post.title}”` : "Post");

const notices = {
  created: "Draft saved.",
  saved: "Changes saved.",
  published: "Post published: it is on the website now.",
  scheduled: "Post scheduled.",
  unpublished: "Post unpublished: it is a draft again and off the website.",
  cover: "Cover updated.",
  "cover-removed": "Cover removed.",
} as const;

const findPost = (api: ApiClient, id = "") =>
  requireRecord(() => api.posts.get.query({ id }), "Post");

// The live preview posts to this route's action on every pause in typing: nothing changes, so
// nothing needs reloading.
export const shouldRevalidate: ShouldRevalidateFunction = ({
  formData,
  defaultShouldRevalidate,
}) => (formData?.get("intent") === "preview" ? false : defaultShouldRevalidate);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, api } = await requireStaffWith(request, "posts.read");
  const [post, settings] = await Promise.all([findPost(api, params.id), api.settings.get.query()]);
  const authors = post.canEdit ? await authorOptions(api, user) : [];
  const tz = settings.timeZone;
  return {
    notice: noticeFrom(request, notices),
    confirmDelete: confirmStep(request, ["delete"]) !== null,
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
      cover: imagePreview(
        post.cover,
        post.cover?.alt ?? null,
        post.coverImageUrl,
        `Cover of “${post.title}”`,
      ),
      hasCover: post.cover !== null || post.coverImageUrl !== null,
      describable: post.cover !== null,
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

export async function action({ request, params }: ActionFunctionArgs) {
  const { api } = await requireStaffAction(request, "posts.write");
  const post = await findPost(api, params.id);
  const id = post.id;
  const here = `/posts/${id}`;
  if (request.headers.get("Content-Type")?.startsWith("multipart/form-data")) {
    return uploadPhoto(request, (cover) => api.posts.uploadCover.mutate({ id, ...cover }), {
      redirectTo: withNotice(here, "cover"),
      tag: { intent: "cover" as const },
      describe: post.cover ? (alt) => api.posts.describeCover.mutate({ id, alt }) : undefined,
    });
  }
  const formData = await request.formData();
  const done = (notice: keyof typeof notices) => () => withNotice(here, notice);
  const intents = ["preview", "save", "schedule", "publish", "unpublish", "delete", "remove-cover"];
  switch (intentOf(formData, intents)) {
    case "preview":
      return previewReply(formData);
    case "save":
      return submitForm(
        formData,
        {
          schema: postFormSchema,
          fields: Object.keys(postFormSchema.shape),
          // The cover is set by its own form (uploaded); an older address is kept as it is.
          send: (form) =>
            api.posts.update.mutate({
              id,
              ...postContentFrom(form),
              coverImageUrl: post.coverImageUrl,
            }),
          redirectTo: done("saved"),
        },
        { intent: "save" },
      );
    case "schedule": {
      const settings = await api.settings.get.query();
      const value = String(formData.get("publishAt") ?? "");
      const publishedAt = parseLocalDateTimeInput(value, settings.timeZone);
      if (publishedAt === null) {
        return data(
          { intent: "schedule" as const, error: "Choose a date and time", value },
          { status: 400 },
        );
      }
      return runAction(() => api.posts.schedule.mutate({ id, publishedAt }), done("scheduled"), {
        intent: "schedule",
        value,
      });
    }
    case "publish":
      return runAction(() => api.posts.publish.mutate({ id }), done("published"), {
        intent: "status",
      });
    case "unpublish":
      return runAction(() => api.posts.unpublish.mutate({ id }), done("unpublished"), {
        intent: "status",
      });
    case "remove-cover":
      return runAction(() => api.posts.removeCover.mutate({ id }), done("cover-removed"), {
        intent: "cover",
      });
    case "delete":
      return runAction(
        () => api.posts.remove.mutate({ id }),
        () => withNotice("/posts", "deleted"),
        { intent: "status" },
      );
  }
}

export default function EditPost() {
  const { notice, confirmDelete, authors, timeZone, previewHtml, post } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const editorReply =
    actionData?.intent === "save" || actionData?.intent === "preview"
      ? actionData.reply
      : undefined;
  const scheduleError = actionData?.intent === "schedule" ? actionData : undefined;
  const statusError = actionData?.intent === "status" ? actionData.error : undefined;
  const coverForm = actionData?.intent === "cover" ? actionData : undefined;
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
                  <SubmitButton intent="publish" className="button button--primary">
                    Publish now
                  </SubmitButton>
                </Form>
              ) : null}
              {post.status !== "draft" ? (
                <Form method="post">
                  <SubmitButton intent="unpublish" className="button button--quiet">
                    Unpublish (back to draft)
                  </SubmitButton>
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
                <SubmitButton intent="schedule" className="button button--quiet">
                  Schedule
                </SubmitButton>
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
              }}
              authors={authors}
              previewHtml={actionData?.intent === "preview" ? actionData.preview : previewHtml}
              submitLabel="Save changes"
            />
          </section>

          <ImageUploadPanel
            name="cover"
            heading="Cover image"
            current={post.cover}
            emptyText={
              post.hasCover
                ? "The cover's address isn't one the website can show: upload the image instead."
                : "No cover yet: the post is shown without a picture."
            }
            previewClassName="cover-preview"
            previewSizes="(min-width: 40rem) 32rem, 100vw"
            altDefault={post.cover?.alt ?? ""}
            altHint="Read aloud in place of the picture: what it shows, in a sentence."
            fileLabel="New cover image"
            uploadLabel="Upload cover"
            saveLabel="Save cover"
            removeLabel="Remove cover"
            removeIntent="remove-cover"
            removable={post.hasCover}
            describable={post.describable}
            errors={coverForm && "errors" in coverForm ? coverForm.errors : undefined}
            altTyped={coverForm && "alt" in coverForm ? coverForm.alt : undefined}
            error={coverForm?.error}
          />

          <DeletionPanel
            confirming={confirmDelete}
            cancelTo={`/posts/${post.id}`}
            confirmText={`Delete “${post.title}” for good? This can't be undone. To take it off the website but keep it, unpublish it instead.`}
          />
        </>
      )}
    </>
  );
}

export { ErrorBoundary } from "../components/staff-error-boundary";
