import { intentOf } from "@clinic/form-kit";
import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import type { ShouldRevalidateFunction } from "@remix-run/react";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { PostEditor } from "../components/post-editor";
import { pageMeta } from "../formatting/page-title";
import { postContentFrom, postFormSchema } from "../forms/post-form";
import { submitForm } from "../server/form-action.server";
import { withNotice } from "../server/notices.server";
import { authorOptions, previewReply } from "../server/post-editor.server";
import { requireStaffAction, requireStaffWith } from "../server/staff-access.server";
import contentStylesUrl from "../styles/content-admin.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: contentStylesUrl }];
export const meta: MetaFunction = ({ error }) => pageMeta(error, "New post");

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
  if (intentOf(formData, ["preview", "save"]) === "preview") return previewReply(formData);
  return submitForm(
    formData,
    {
      schema: postFormSchema,
      fields: Object.keys(postFormSchema.shape),
      send: (form) => api.posts.create.mutate(postContentFrom(form)),
      redirectTo: (created) => withNotice(`/posts/${created.id}`, "created"),
    },
    { intent: "save" },
  );
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

export { ErrorBoundary } from "../components/staff-error-boundary";
