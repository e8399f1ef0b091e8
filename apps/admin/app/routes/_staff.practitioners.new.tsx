import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { Link, useActionData } from "@remix-run/react";
import { PractitionerDetailsForm } from "../components/practitioner-form";
import { pageMeta } from "../formatting/page-title";
import { newPractitionerFormSchema, slugFor } from "../forms/catalog-forms";
import { submitForm } from "../server/form-action.server";
import { withNotice } from "../server/notices.server";
import { requireStaffAction, requireStaffWith } from "../server/staff-access.server";
import contentStylesUrl from "../styles/content-admin.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: contentStylesUrl }];
export const meta: MetaFunction = ({ error }) => pageMeta(error, "Add a practitioner");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaffWith(request, "catalog.write");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const { api } = await requireStaffAction(request, "catalog.write");
  return submitForm(await request.formData(), {
    schema: newPractitionerFormSchema,
    fields: Object.keys(newPractitionerFormSchema.shape),
    send: (form) =>
      api.practitioners.create.mutate({
        name: form.name,
        slug: slugFor(form),
        title: form.title,
        bio: form.bio,
        sortOrder: form.sortOrder,
        active: form.active,
        photoUrl: null,
      }),
    redirectTo: (created) => withNotice(`/practitioners/${created.id}`, "created"),
  });
}

export default function NewPractitioner() {
  const lastResult = useActionData<typeof action>()?.reply;
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
          defaultValue={{ active: true }}
          sortOrderHint="Lower numbers are listed first; left empty, they are listed after the others."
          submitLabel="Add practitioner"
          showActive
        />
      </section>
    </>
  );
}

export { ErrorBoundary } from "../components/staff-error-boundary";
