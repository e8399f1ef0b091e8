import { staffRoleLabels } from "@clinic/domain";
import { intentOf } from "@clinic/form-kit";
import { requireRecord } from "@clinic/form-kit/server";
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
import { NoticeBanner } from "../components/notice-banner";
import { ActivationPanel, ActiveBadge } from "../components/record-panels";
import { SubmitButton } from "../components/submit-button";
import { useSchemaForm } from "../components/use-schema-form";
import { dateTimeLabel } from "../formatting/clinic-time";
import { pageMeta } from "../formatting/page-title";
import {
  passwordResetFormSchema,
  roleHints,
  roleOptions,
  staffUpdateFormSchema,
} from "../forms/staff-forms";
import type { ApiClient } from "../server/api.server";
import { confirmStep } from "../server/confirm-step.server";
import { submitForm, switchActive } from "../server/form-action.server";
import { noticeFrom, withNotice } from "../server/notices.server";
import { requireStaffAction, requireStaffWith } from "../server/staff-access.server";
import contentStylesUrl from "../styles/content-admin.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: contentStylesUrl }];
export const meta: MetaFunction<typeof loader> = ({ data, error }) =>
  pageMeta(error, data ? data.account.name : "Staff account");

const notices = {
  created: "Account added. They can sign in now.",
  saved: "Changes saved.",
  password: "Password reset. They have been signed out everywhere.",
  deactivated: "Account deactivated and signed out everywhere.",
  reactivated: "Account reactivated.",
} as const;

const findAccount = (api: ApiClient, id = "") =>
  requireRecord(() => api.staff.get.query({ id }), "Staff account");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, api } = await requireStaffWith(request, "staff.manage");
  const [account, practitioners, settings] = await Promise.all([
    findAccount(api, params.id),
    api.practitioners.staffList.query(),
    api.settings.get.query(),
  ]);
  return {
    notice: noticeFrom(request, notices),
    isMe: account.id === user.id,
    confirmDeactivate: confirmStep(request, ["deactivate"]) !== null,
    practitioners: practitioners.map((p) => ({ value: p.id, label: p.name })),
    account: {
      id: account.id,
      name: account.name,
      email: account.email,
      role: account.role,
      practitionerId: account.practitionerId ?? "",
      active: account.active,
      lastSeen: account.lastSeenAt ? dateTimeLabel(account.lastSeenAt, settings.timeZone) : null,
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { api } = await requireStaffAction(request, "staff.manage");
  const account = await findAccount(api, params.id);
  const id = account.id;
  const here = `/staff/${id}`;
  const formData = await request.formData();
  const done = (notice: keyof typeof notices) => () => withNotice(here, notice);
  const intent = intentOf(formData, ["save", "password", "deactivate", "reactivate"]);
  switch (intent) {
    case "save":
      return submitForm(
        formData,
        {
          schema: staffUpdateFormSchema,
          fields: ["name", "role", "practitionerId"],
          send: ({ practitionerId, ...fields }) =>
            api.staff.update.mutate({ id, ...fields, practitionerId: practitionerId ?? null }),
          redirectTo: done("saved"),
        },
        { form: "details" },
      );
    case "password":
      return submitForm(
        formData,
        {
          schema: passwordResetFormSchema,
          hideFields: ["password", "confirmPassword"],
          fields: ["password"],
          send: ({ password }) => api.staff.resetPassword.mutate({ id, password }),
          redirectTo: done("password"),
        },
        { form: "password" },
      );
    case "deactivate":
    case "reactivate":
      return switchActive(api.staff, intent, id, here);
  }
}

export default function StaffAccount() {
  const { notice, isMe, confirmDeactivate, practitioners, account } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [detailsForm, details] = useSchemaForm(staffUpdateFormSchema, {
    id: "account-details",
    lastResult: actionData?.form === "details" ? actionData.reply : undefined,
    defaultValue: {
      name: account.name,
      role: account.role,
      practitionerId: account.practitionerId,
    },
  });
  const [passwordForm, password] = useSchemaForm(passwordResetFormSchema, {
    id: "account-password",
    lastResult: actionData?.form === "password" ? actionData.reply : undefined,
  });

  return (
    <>
      <p>
        <Link to="/staff">← Staff</Link>
      </p>
      <div className="page-heading">
        <h1>{account.name}</h1>
        <p className="lede">
          <ActiveBadge active={account.active} off="Deactivated" /> {staffRoleLabels[account.role]}{" "}
          · {account.email} · Last active {account.lastSeen ?? "never"}
        </p>
      </div>
      <NoticeBanner message={notice} />

      <section className="panel" aria-labelledby="details-heading">
        <h2 id="details-heading">Role</h2>
        <Form method="post" className="form" {...getFormProps(detailsForm)}>
          <FormErrors id={detailsForm.errorId} errors={detailsForm.errors} />
          <input type="hidden" name="intent" value="save" />
          <div className="form-grid">
            <TextField meta={details.name} label="Name" />
            <SelectField
              meta={details.role}
              label="Role"
              hint={roleOptions.map((o) => `${o.label}: ${roleHints[o.value]}`).join(" ")}
              options={roleOptions}
            />
            <SelectField
              meta={details.practitionerId}
              label="Practitioner"
              hint="Required for practitioner accounts."
              options={[{ value: "", label: "None" }, ...practitioners]}
            />
          </div>
          <div className="button-row">
            <SubmitButton className="button button--primary">Save changes</SubmitButton>
          </div>
        </Form>
      </section>

      <section className="panel" aria-labelledby="password-heading">
        <h2 id="password-heading">Reset password</h2>
        <p className="muted">
          {isMe
            ? "To change your own password, use My account."
            : "Sets a new password and signs them out everywhere. Tell them the new password privately."}
        </p>
        {isMe ? (
          <Link to="/account">Go to My account</Link>
        ) : (
          <Form method="post" className="form" {...getFormProps(passwordForm)}>
            <FormErrors id={passwordForm.errorId} errors={passwordForm.errors} />
            <input type="hidden" name="intent" value="password" />
            <div className="form-grid">
              <TextField
                meta={password.password}
                type="password"
                label="New password"
                hint="At least 10 characters."
                autoComplete="new-password"
              />
              <TextField
                meta={password.confirmPassword}
                type="password"
                label="New password again"
                autoComplete="new-password"
              />
            </div>
            <div className="button-row">
              <SubmitButton className="button button--quiet">Reset password</SubmitButton>
            </div>
          </Form>
        )}
      </section>

      <ActivationPanel
        heading="Access"
        headingId="access-heading"
        className="panel panel--danger"
        active={account.active}
        confirming={confirmDeactivate}
        cancelTo={`/staff/${account.id}`}
        error={actionData?.form === "status" ? actionData.error : undefined}
        activeText="Deactivating keeps the account and its history but stops it signing in."
        confirmText={`Deactivate ${account.name}'s account? They are signed out at once and can't sign in until reactivated. Their past changes stay in the audit log.`}
      />
    </>
  );
}

export { ErrorBoundary } from "../components/staff-error-boundary";
