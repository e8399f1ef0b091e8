import { parseWithZod } from "@conform-to/zod/v4";
import {
  type ActionFunctionArgs,
  data,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Link, useActionData } from "@remix-run/react";
import { PractitionerDetailsForm } from "../components/practitioner-form";
import { RouteError } from "../components/route-error";
import { pageTitle } from "../formatting/page-title";
import { practitionerFormSchema, slugFor } from "../forms/catalog-forms";
import { callApi } from "../server/api-outcome.server";
import { withNotice } from "../server/notices.server";
import { requireStaffAction, requireStaffWith } from "../server/staff-access.server";
import contentStylesUrl from "../styles/content-admin.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: contentStylesUrl }];
export const meta: MetaFunction = () => [{ title: pageTitle("Add a practitioner") }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaffWith(request, "catalog.write");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const { api } = await requireStaffAction(request, "catalog.write");
  const submission = parseWithZod(await request.formData(), { schema: practitionerFormSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const form = submission.value;
  const result = await callApi(
    () =>
      api.practitioners.create.mutate({
        name: form.name,
        slug: slugFor(form),
        title: form.title,
        bio: form.bio,
        sortOrder: form.sortOrder,
        active: form.active,
        photoUrl: null,
      }),
    { fields: Object.keys(practitionerFormSchema.shape) },
  );
  if (!result.ok) return data(submission.reply(result), { status: 400 });
  throw redirect(withNotice(`/practitioners/${result.value.id}`, "created"));
}

export default function NewPractitioner() {
  const lastResult = useActionData<typeof action>();
  return (
    <>
      <p>
        <Link to="/practitioners">← Practitioners</Link>
      </p>
      <div className="page-heading">
        <h1>Add a practitioner</h1>
        <p className="lede">You can upload a photo once the practitioner is saved.</p>
      </div>
      <section className="panel" aria-label="Profile">
        <PractitionerDetailsForm
          lastResult={lastResult}
          defaultValue={{ active: true, sortOrder: "0" }}
          submitLabel="Add practitioner"
          showActive
        />
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
