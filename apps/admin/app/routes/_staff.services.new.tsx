import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ServiceDetailsForm } from "../components/service-form";
import { pageMeta } from "../formatting/page-title";
import { serviceApiFieldNames, serviceFormSchema } from "../forms/catalog-forms";
import { serviceInputFrom } from "../forms/service-input";
import { submitForm } from "../server/form-action.server";
import { withNotice } from "../server/notices.server";
import { requireStaffAction, requireStaffWith } from "../server/staff-access.server";
import contentStylesUrl from "../styles/content-admin.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: contentStylesUrl }];
export const meta: MetaFunction = ({ error }) => pageMeta(error, "Add a service");

export async function loader({ request }: LoaderFunctionArgs) {
  const { api } = await requireStaffWith(request, "catalog.write");
  const practitioners = await api.practitioners.staffList.query();
  return {
    practitioners: practitioners.map((p) => ({ id: p.id, name: p.name, active: p.active })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { api } = await requireStaffAction(request, "catalog.write");
  return submitForm(await request.formData(), {
    schema: serviceFormSchema,
    fields: Object.keys(serviceFormSchema.shape),
    fieldNames: serviceApiFieldNames,
    send: (form) => api.services.create.mutate(serviceInputFrom(form, form.active)),
    redirectTo: (created) => withNotice(`/services/${created.id}`, "created"),
  });
}

export default function NewService() {
  const { practitioners } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>()?.reply;
  return (
    <>
      <p>
        <Link to="/services">← Services</Link>
      </p>
      <div className="page-heading">
        <h1>Add a service</h1>
      </div>
      <section className="panel" aria-label="Service details">
        <ServiceDetailsForm
          lastResult={lastResult}
          practitioners={practitioners}
          defaultValue={{
            active: true,
            patientType: "any",
            durationMinutes: "30",
            bufferBeforeMinutes: "0",
            bufferAfterMinutes: "0",
            sortOrder: "0",
            practitionerIds: practitioners.filter((p) => p.active).map((p) => p.id),
          }}
          submitLabel="Add service"
          showActive
        />
      </section>
    </>
  );
}

export { ErrorBoundary } from "../components/staff-error-boundary";
