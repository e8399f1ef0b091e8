import { isApiError } from "@clinic/api-client";
import { idSchema, staffRoleLabels } from "@clinic/domain";
import { getFormProps, type SubmissionResult, useForm } from "@conform-to/react";
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
import { NoticeBanner } from "../components/notice-banner";
import { RouteError } from "../components/route-error";
import { dateTimeLabel } from "../formatting/clinic-time";
import { pageTitle } from "../formatting/page-title";
import {
  passwordResetFormSchema,
  roleHints,
  roleOptions,
  staffUpdateFormSchema,
} from "../forms/staff-forms";
import type { ApiClient } from "../server/api.server";
import { callApi } from "../server/api-outcome.server";
import { noticeFrom, withNotice } from "../server/notices.server";
import { notFound, requireStaffAction, requireStaffWith } from "../server/staff-access.server";
import contentStylesUrl from "../styles/content-admin.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: contentStylesUrl }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: pageTitle(data ? data.account.name : "Staff account") },
];

const notices = {
  created: "Account added. They can sign in now.",
  saved: "Changes saved.",
  password: "Password reset. They have been signed out everywhere.",
  deactivated: "Account deactivated and signed out everywhere.",
  reactivated: "Account reactivated.",
} as const;

async function findAccount(api: ApiClient, id: string) {
  if (!idSchema.safeParse(id).success) throw notFound("Staff account");
  try {
    return await api.staff.get.query({ id });
  } catch (error) {
    if (isApiError(error, "NOT_FOUND")) throw notFound("Staff account");
    throw error;
  }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, api } = await requireStaffWith(request, "staff.manage");
  const [account, practitioners, settings] = await Promise.all([
    findAccount(api, params.id ?? ""),
    api.practitioners.staffList.query(),
    api.settings.get.query(),
  ]);
  return {
    notice: noticeFrom(request, notices),
    isMe: account.id === user.id,
    confirmDeactivate: new URL(request.url).searchParams.get("confirm") === "deactivate",
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

type ActionResult =
  | { form: "details" | "password"; reply: SubmissionResult<string[]> }
  | { form: "status"; error: string };

export async function action({ request, params }: ActionFunctionArgs) {
  const { api } = await requireStaffAction(request, "staff.manage");
  const account = await findAccount(api, params.id ?? "");
  const id = account.id;
  const here = `/staff/${id}`;
  const formData = await request.formData();
  const intent = formData.get("intent");

  if (intent === "save") {
    const submission = parseWithZod(formData, { schema: staffUpdateFormSchema });
    if (submission.status !== "success") {
      return data<ActionResult>({ form: "details", reply: submission.reply() }, { status: 400 });
    }
    const { practitionerId, ...fields } = submission.value;
    const result = await callApi(
      () => api.staff.update.mutate({ id, ...fields, practitionerId: practitionerId ?? null }),
      { fields: ["name", "role", "practitionerId"] },
    );
    if (!result.ok)
      return data<ActionResult>(
        { form: "details", reply: submission.reply(result) },
        { status: 400 },
      );
    throw redirect(withNotice(here, "saved"));
  }

  if (intent === "password") {
    const submission = parseWithZod(formData, { schema: passwordResetFormSchema });
    const hide = { hideFields: ["password", "confirmPassword"] };
    if (submission.status !== "success") {
      return data<ActionResult>(
        { form: "password", reply: submission.reply(hide) },
        { status: 400 },
      );
    }
    const result = await callApi(
      () => api.staff.resetPassword.mutate({ id, password: submission.value.password }),
      {
        fields: ["password"],
      },
    );
    if (!result.ok) {
      return data<ActionResult>(
        { form: "password", reply: submission.reply({ ...result, ...hide }) },
        { status: 400 },
      );
    }
    throw redirect(withNotice(here, "password"));
  }

  if (intent === "deactivate" || intent === "reactivate") {
    const result = await callApi<unknown>(
      () =>
        intent === "deactivate"
          ? api.staff.deactivate.mutate({ id })
          : api.staff.reactivate.mutate({ id }),
      { fields: [] },
    );
    if (!result.ok)
      return data<ActionResult>(
        { form: "status", error: result.formErrors.join(" ") },
        { status: 409 },
      );
    throw redirect(withNotice(here, intent === "deactivate" ? "deactivated" : "reactivated"));
  }
  throw new Response("Unknown action", { status: 400 });
}

export default function StaffAccount() {
  const { notice, isMe, confirmDeactivate, practitioners, account } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const [detailsForm, details] = useForm({
    id: "account-details",
    lastResult: actionData?.form === "details" ? actionData.reply : undefined,
    defaultValue: {
      name: account.name,
      role: account.role,
      practitionerId: account.practitionerId,
    },
    constraint: getZodConstraint(staffUpdateFormSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: staffUpdateFormSchema }),
  });
  const [passwordForm, password] = useForm({
    id: "account-password",
    lastResult: actionData?.form === "password" ? actionData.reply : undefined,
    constraint: getZodConstraint(passwordResetFormSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: passwordResetFormSchema }),
  });

  return (
    <>
      <p>
        <Link to="/staff">← Staff</Link>
      </p>
      <div className="page-heading">
        <h1>{account.name}</h1>
        <p className="lede">
          <span className={`status ${account.active ? "status--on" : "status--off"}`}>
            {account.active ? "Active" : "Deactivated"}
          </span>{" "}
          {staffRoleLabels[account.role]} · {account.email} · Last active{" "}
          {account.lastSeen ?? "never"}
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
            <button type="submit" className="button button--primary" disabled={busy}>
              Save changes
            </button>
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
              <button type="submit" className="button button--quiet" disabled={busy}>
                Reset password
              </button>
            </div>
          </Form>
        )}
      </section>

      <section className="panel panel--danger" aria-labelledby="access-heading">
        <h2 id="access-heading">Access</h2>
        {actionData?.form === "status" ? <FormErrors errors={[actionData.error]} /> : null}
        {account.active ? (
          confirmDeactivate ? (
            <div className="warning">
              <p>
                Deactivate {account.name}'s account? They are signed out at once and can't sign in
                until reactivated. Their past changes stay in the audit log.
              </p>
              <Form method="post" className="button-row">
                <button
                  type="submit"
                  name="intent"
                  value="deactivate"
                  className="button button--danger"
                  disabled={busy}
                >
                  Yes, deactivate
                </button>
                <Link to={`/staff/${account.id}`} className="button button--quiet">
                  Keep active
                </Link>
              </Form>
            </div>
          ) : (
            <>
              <p>Deactivating keeps the account and its history but stops it signing in.</p>
              <Link to="?confirm=deactivate" className="button button--quiet">
                Deactivate…
              </Link>
            </>
          )
        ) : (
          <Form method="post" className="button-row">
            <button
              type="submit"
              name="intent"
              value="reactivate"
              className="button button--primary"
              disabled={busy}
            >
              Reactivate
            </button>
          </Form>
        )}
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
