import { changePasswordSchema, staffRoleLabels } from "@clinic/domain";
import { getFormProps } from "@conform-to/react";
import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { CalendarFeedPanel } from "../components/calendar-feed-panel";
import { FormErrors } from "../components/field-errors";
import { TextField } from "../components/form-controls";
import { NoticeBanner } from "../components/notice-banner";
import { SubmitButton } from "../components/submit-button";
import { useSchemaForm } from "../components/use-schema-form";
import { pageMeta } from "../formatting/page-title";
import { submitForm } from "../server/form-action.server";
import { noticeFrom, withNotice } from "../server/notices.server";
import { requireStaffAction, requireStaffWith } from "../server/staff-access.server";
import contentStylesUrl from "../styles/content-admin.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: contentStylesUrl }];
export const meta: MetaFunction = ({ error }) => pageMeta(error, "My account");

const notices = {
  password: "Password changed. Your other sessions have been signed out.",
} as const;

const changePasswordFormSchema = changePasswordSchema
  .and(z.object({ confirmPassword: z.string({ message: "Type the new password again" }) }))
  .refine((form) => form.newPassword === form.confirmPassword, {
    message: "The two new passwords don't match",
    path: ["confirmPassword"],
  });

const HIDDEN = ["currentPassword", "newPassword", "confirmPassword"];

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, api } = await requireStaffWith(request);
  // A practitioner's own calendar feed; owner and front desk manage feeds on practitioners' pages.
  const feed =
    user.practitionerId !== null
      ? await api.calendarFeeds.get.query({ practitionerId: user.practitionerId })
      : null;
  return {
    notice: noticeFrom(request, notices),
    calendarFeed: feed,
    user: { name: user.name, email: user.email, role: staffRoleLabels[user.role] },
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { api } = await requireStaffAction(request);
  return submitForm(await request.formData(), {
    schema: changePasswordFormSchema,
    hideFields: HIDDEN,
    fields: ["currentPassword", "newPassword"],
    send: ({ currentPassword, newPassword }) =>
      api.auth.changePassword.mutate({ currentPassword, newPassword }),
    redirectTo: () => withNotice("/account", "password"),
  });
}

export default function MyAccount() {
  const { notice, user, calendarFeed } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>()?.reply;
  const [form, fields] = useSchemaForm(changePasswordFormSchema, {
    id: "change-password",
    lastResult,
  });
  return (
    <>
      <div className="page-heading">
        <h1>My account</h1>
      </div>
      <NoticeBanner message={notice} />
      <section className="panel" aria-labelledby="me-heading">
        <h2 id="me-heading">Signed in as</h2>
        <dl className="description-list">
          <dt>Name</dt>
          <dd>{user.name}</dd>
          <dt>Email</dt>
          <dd>{user.email}</dd>
          <dt>Role</dt>
          <dd>{user.role}</dd>
        </dl>
      </section>
      {calendarFeed ? (
        <CalendarFeedPanel
          practitionerId={calendarFeed.practitionerId}
          practitionerName={calendarFeed.practitionerName}
          hasFeed={calendarFeed.hasFeed}
          own
        />
      ) : null}
      <section className="panel" aria-labelledby="password-heading">
        <h2 id="password-heading">Change password</h2>
        <Form method="post" className="form" {...getFormProps(form)}>
          <FormErrors id={form.errorId} errors={form.errors} />
          <input
            type="text"
            name="username"
            autoComplete="username"
            value={user.email}
            readOnly
            hidden
          />
          <TextField
            meta={fields.currentPassword}
            type="password"
            label="Current password"
            autoComplete="current-password"
          />
          <TextField
            meta={fields.newPassword}
            type="password"
            label="New password"
            hint="At least 10 characters, different from the current one."
            autoComplete="new-password"
          />
          <TextField
            meta={fields.confirmPassword}
            type="password"
            label="New password again"
            autoComplete="new-password"
          />
          <div className="button-row">
            <SubmitButton className="button button--primary">Change password</SubmitButton>
          </div>
        </Form>
      </section>
    </>
  );
}

export { ErrorBoundary } from "../components/staff-error-boundary";
