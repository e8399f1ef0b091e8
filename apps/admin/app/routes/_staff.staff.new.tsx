import { getFormProps } from "@conform-to/react";
import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrors } from "../components/field-errors";
import { SelectField, TextField } from "../components/form-controls";
import { SubmitButton } from "../components/submit-button";
import { useSchemaForm } from "../components/use-schema-form";
import { pageMeta } from "../formatting/page-title";
import { roleHints, roleOptions, staffCreateFormSchema } from "../forms/staff-forms";
import { submitForm } from "../server/form-action.server";
import { withNotice } from "../server/notices.server";
import { requireStaffAction, requireStaffWith } from "../server/staff-access.server";
import contentStylesUrl from "../styles/content-admin.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: contentStylesUrl }];
export const meta: MetaFunction = ({ error }) => pageMeta(error, "Add a staff account");

export async function loader({ request }: LoaderFunctionArgs) {
  const { api } = await requireStaffWith(request, "staff.manage");
  const practitioners = await api.practitioners.staffList.query();
  return { practitioners: practitioners.map((p) => ({ value: p.id, label: p.name })) };
}

export async function action({ request }: ActionFunctionArgs) {
  const { api } = await requireStaffAction(request, "staff.manage");
  return submitForm(await request.formData(), {
    schema: staffCreateFormSchema,
    hideFields: ["password"],
    fields: ["name", "email", "role", "practitionerId", "password"],
    send: ({ practitionerId, ...account }) =>
      api.staff.create.mutate({ ...account, practitionerId: practitionerId ?? null }),
    redirectTo: (created) => withNotice(`/staff/${created.id}`, "created"),
  });
}

export default function NewStaffAccount() {
  const { practitioners } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>()?.reply;
  const [form, fields] = useSchemaForm(staffCreateFormSchema, {
    id: "staff-account",
    lastResult,
    defaultValue: { role: "front_desk" },
  });
  return (
    <>
      <p>
        <Link to="/staff">← Staff</Link>
      </p>
      <div className="page-heading">
        <h1>Add a staff account</h1>
        <p className="lede">
          Give the first password to the person privately; they can change it under My account.
        </p>
      </div>
      <section className="panel" aria-label="New account">
        <Form method="post" className="form" {...getFormProps(form)}>
          <FormErrors id={form.errorId} errors={form.errors} />
          <div className="form-grid">
            <TextField meta={fields.name} label="Name" autoComplete="off" />
            <TextField meta={fields.email} type="email" label="Email" autoComplete="off" />
            <SelectField
              meta={fields.role}
              label="Role"
              hint={roleOptions.map((o) => `${o.label}: ${roleHints[o.value]}`).join(" ")}
              options={roleOptions}
            />
            <SelectField
              meta={fields.practitionerId}
              label="Practitioner"
              hint="Required for practitioner accounts."
              options={[{ value: "", label: "None" }, ...practitioners]}
            />
            <TextField
              meta={fields.password}
              type="password"
              label="First password"
              hint="At least 10 characters."
              autoComplete="new-password"
            />
          </div>
          <div className="button-row">
            <SubmitButton className="button button--primary">Add account</SubmitButton>
          </div>
        </Form>
      </section>
    </>
  );
}

export { ErrorBoundary } from "../components/staff-error-boundary";
