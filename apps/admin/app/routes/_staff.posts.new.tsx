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
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { PostEditor } from "../components/post-editor";
import { RouteError } from "../components/route-error";
import { pageTitle } from "../formatting/page-title";
import { postContentFrom, postFormSchema } from "../forms/post-form";
import { callApi } from "../server/api-outcome.server";
import { withNotice } from "../server/notices.server";
import { authorOptions, previewOf } from "../server/post-editor.server";
import { requireStaffAction, requireStaffWith } from "../server/staff-access.server";
import contentStylesUrl from "../styles/content-admin.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: contentStylesUrl }];
export const meta: MetaFunction = () => [{ title: pageTitle("New post") }];

// The live preview posts to this route's action on every pause in typing: nothing changes, so
// nothing needs reloading.
export const shouldRevalidate: ShouldRevalidateFunction = ({
  formData,
  defaultShouldRevalidate,
}) => (formData?.get("intent") === "preview" ? false : defaultShouldRevalidate);

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, api } = await requireStaffWith(request, "posts.write");
  const authors = await authorOptions(api, user);
  return {
    authors,
    // Practitioners write as themselves; others start with their own practitioner, if any.
    defaultAuthor: user.practitionerId ?? "",
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { api } = await requireStaffAction(request, "posts.write");
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: postFormSchema });
  if (formData.get("intent") === "preview") {
    // Only the preview: keep what was typed, show no errors yet.
    return {
      intent: "preview" as const,
      preview: previewOf(formData.get("body")),
      reply: { ...submission.reply(), error: undefined },
    };
  }
  if (submission.status !== "success")
    return data({ intent: "save" as const, reply: submission.reply() }, { status: 400 });
  const result = await callApi(() => api.posts.create.mutate(postContentFrom(submission.value)), {
    fields: Object.keys(postFormSchema.shape),
  });
  if (!result.ok)
    return data({ intent: "save" as const, reply: submission.reply(result) }, { status: 400 });
  throw redirect(withNotice(`/posts/${result.value.id}`, "created"));
}

export default function NewPost() {
  const { authors, defaultAuthor } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <p>
        <Link to="/posts">← Posts</Link>
      </p>
      <div className="page-heading">
        <h1>New post</h1>
        <p className="lede">Posts start as drafts; publish or schedule them once saved.</p>
      </div>
      <PostEditor
        lastResult={actionData?.reply}
        defaultValue={{ authorId: defaultAuthor }}
        authors={authors}
        previewHtml={actionData?.intent === "preview" ? actionData.preview : ""}
        submitLabel="Save draft"
      />
    </>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
