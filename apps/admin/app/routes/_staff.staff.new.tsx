import { getFormProps, useForm } from "@conform-to/react";
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
import { FormErrors } from "../components/field-errors";
import { SelectField, TextField } from "../components/form-controls";
import { RouteError } from "../components/route-error";
import { pageTitle } from "../formatting/page-title";
import { roleHints, roleOptions, staffCreateFormSchema } from "../forms/staff-forms";
import { callApi } from "../server/api-outcome.server";
import { withNotice } from "../server/notices.server";
import { requireStaffAction, requireStaffWith } from "../server/staff-access.server";
import contentStylesUrl from "../styles/content-admin.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: contentStylesUrl }];
export const meta: MetaFunction = () => [{ title: pageTitle("Add a staff account") }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { api } = await requireStaffWith(request, "staff.manage");
  const practitioners = await api.practitioners.staffList.query();
  return { practitioners: practitioners.map((p) => ({ value: p.id, label: p.name })) };
}

export async function action({ request }: ActionFunctionArgs) {
  const { api } = await requireStaffAction(request, "staff.manage");
  const submission = parseWithZod(await request.formData(), { schema: staffCreateFormSchema });
  if (submission.status !== "success") {
    return data(submission.reply({ hideFields: ["password"] }), { status: 400 });
  }
  const { practitionerId, ...account } = submission.value;
  const result = await callApi(
    () => api.staff.create.mutate({ ...account, practitionerId: practitionerId ?? null }),
    { fields: ["name", "email", "role", "practitionerId", "password"] },
  );
  if (!result.ok)
    return data(submission.reply({ ...result, hideFields: ["password"] }), { status: 400 });
  throw redirect(withNotice(`/staff/${result.value.id}`, "created"));
}

export default function NewStaffAccount() {
  const { practitioners } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useForm({
    id: "staff-account",
    lastResult,
    defaultValue: { role: "front_desk" },
    constraint: getZodConstraint(staffCreateFormSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: staffCreateFormSchema }),
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
            <button type="submit" className="button button--primary" disabled={busy}>
              Add account
            </button>
          </div>
        </Form>
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
