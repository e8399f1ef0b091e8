import { parseWithZod } from "@conform-to/zod/v4";
import {
  type ActionFunctionArgs,
  data,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { RouteError } from "../components/route-error";
import { ServiceDetailsForm } from "../components/service-form";
import { pageTitle } from "../formatting/page-title";
import { serviceApiFieldNames, serviceFormSchema } from "../forms/catalog-forms";
import { serviceInputFrom } from "../forms/service-input";
import { callApi } from "../server/api-outcome.server";
import { withNotice } from "../server/notices.server";
import { requireStaffAction, requireStaffWith } from "../server/staff-access.server";
import contentStylesUrl from "../styles/content-admin.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: contentStylesUrl }];
export const meta: MetaFunction = () => [{ title: pageTitle("Add a service") }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { api } = await requireStaffWith(request, "catalog.write");
  const practitioners = await api.practitioners.staffList.query();
  return {
    practitioners: practitioners.map((p) => ({ id: p.id, name: p.name, active: p.active })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { api } = await requireStaffAction(request, "catalog.write");
  const submission = parseWithZod(await request.formData(), { schema: serviceFormSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = await callApi(
    () => api.services.create.mutate(serviceInputFrom(submission.value, submission.value.active)),
    { fields: Object.keys(serviceFormSchema.shape), fieldNames: serviceApiFieldNames },
  );
  if (!result.ok) return data(submission.reply(result), { status: 400 });
  throw redirect(withNotice(`/services/${result.value.id}`, "created"));
}

export default function NewService() {
  const { practitioners } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
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

export function ErrorBoundary() {
  return <RouteError />;
}
