import { apiKeyStateLabels, staffRoleLabels } from "@clinic/domain";
import { intentOf } from "@clinic/form-kit";
import { submitToApi } from "@clinic/form-kit/server";
import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { CopyButton } from "../components/calendar-feed-panel";
import { FormErrors } from "../components/field-errors";
import { SelectField, TextField } from "../components/form-controls";
import { NoticeBanner } from "../components/notice-banner";
import { SubmitButton } from "../components/submit-button";
import { useSchemaForm } from "../components/use-schema-form";
import { dateTimeLabel } from "../formatting/clinic-time";
import { pageMeta } from "../formatting/page-title";
import {
  apiKeyFormErrors,
  apiKeyFormSchema,
  apiKeyLifetimeOptions,
  apiKeyRoleOptions,
} from "../forms/api-key-form";
import { runAction } from "../server/form-action.server";
import { noticeFrom, withNotice } from "../server/notices.server";
import { requireStaffAction, requireStaffWith } from "../server/staff-access.server";
import contentStylesUrl from "../styles/content-admin.css?url";

// Staff API keys for integrations (decision 033): the owner makes one with a role and an
// expiry, sees it once (only its hash is kept), and revokes it here.

export const links: LinksFunction = () => [{ rel: "stylesheet", href: contentStylesUrl }];
export const meta: MetaFunction = ({ error }) => pageMeta(error, "API keys");

const notices = {
  revoked: "API key revoked: calls made with it are refused from now on.",
} as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const { api } = await requireStaffWith(request, "apiKeys.manage");
  const [keys, practitioners, settings] = await Promise.all([
    api.apiKeys.list.query(),
    api.practitioners.staffList.query(),
    api.settings.get.query(),
  ]);
  const when = (at: Date | null) => (at ? dateTimeLabel(at, settings.timeZone) : null);
  return {
    notice: noticeFrom(request, notices),
    practitioners: practitioners.map((p) => ({ value: p.id, label: p.name })),
    keys: keys.map((k) => ({
      id: k.id,
      name: k.name,
      prefix: k.prefix,
      role: staffRoleLabels[k.role],
      practitioner: k.practitionerName,
      createdBy: k.createdByName,
      created: when(k.createdAt),
      expires: when(k.expiresAt),
      lastUsed: when(k.lastUsedAt),
      state: k.state,
      stateLabel: apiKeyStateLabels[k.state],
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { api } = await requireStaffAction(request, "apiKeys.manage");
  const formData = await request.formData();
  const intent = intentOf(formData, ["create", "revoke"]);
  if (intent === "revoke") {
    const id = String(formData.get("id") ?? "");
    return runAction(
      () => api.apiKeys.revoke.mutate({ id }),
      () => withNotice("/api-keys", "revoked"),
      { form: "revoke" as const, created: null, reply: null },
    );
  }
  const submission = parseWithZod(formData, { schema: apiKeyFormSchema, error: apiKeyFormErrors });
  if (submission.status !== "success") {
    return data(
      { form: "create" as const, error: null, created: null, reply: submission.reply() },
      { status: 400 },
    );
  }
  const result = await submitToApi(submission, () => api.apiKeys.create.mutate(submission.value));
  if (!result.ok) {
    return data(
      { form: "create" as const, error: null, created: null, reply: result.reply },
      { status: result.status },
    );
  }
  // Answered here, not redirected: only a hash is kept, so this answer is the one time it shows.
  return data(
    {
      form: "create" as const,
      error: null,
      reply: submission.reply({ resetForm: true }),
      created: { name: result.value.name, key: result.value.key },
    },
    { headers: { "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" } },
  );
}

export default function ApiKeys() {
  const { notice, practitioners, keys } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const created = actionData?.created ?? null;
  const revokeError = actionData?.form === "revoke" ? actionData.error : null;
  const [form, fields] = useSchemaForm(apiKeyFormSchema, {
    id: "api-key",
    lastResult: actionData?.form === "create" ? actionData.reply : undefined,
    defaultValue: { role: "front_desk", expiresInDays: "90" },
  });
  return (
    <>
      <div className="page-heading">
        <h1>API keys</h1>
        <p className="lede">
          Keys let another system (a booking sync, a practice tool) use the clinic's API with a
          staff role. Each call is recorded in the audit log. The API's reference is at{" "}
          <code>/api/docs</code> on the API's address.
        </p>
      </div>
      <NoticeBanner message={notice} />
      {revokeError ? <FormErrors errors={[revokeError]} /> : null}
      {created ? (
        <section className="panel" aria-labelledby="new-key-heading">
          <h2 id="new-key-heading">The key for {created.name}</h2>
          <p role="status">
            Copy it now: it is shown only this once. Keep it like a password; if it is lost, revoke
            it and make another.
          </p>
          <div className="field">
            <label htmlFor="new-api-key">API key</label>
            <input
              id="new-api-key"
              name="new-api-key"
              type="text"
              readOnly
              value={created.key}
              onFocus={(event) => event.currentTarget.select()}
              className="feed-url"
            />
          </div>
          <div className="button-row">
            <CopyButton value={created.key} label="Copy key" />
          </div>
          <p className="small muted">
            Send it as <code>Authorization: Bearer &lt;key&gt;</code>.
          </p>
        </section>
      ) : null}

      <section className="panel" aria-labelledby="keys-heading">
        <h2 id="keys-heading">Keys</h2>
        {keys.length === 0 ? (
          <p>No keys yet.</p>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Key starts</th>
                  <th scope="col">Role</th>
                  <th scope="col">Made</th>
                  <th scope="col">Expires</th>
                  <th scope="col">Last used</th>
                  <th scope="col">Status</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {keys.map((k) => (
                  <tr key={k.id}>
                    <th scope="row">{k.name}</th>
                    <td>
                      <code>{k.prefix}…</code>
                    </td>
                    <td>
                      {k.role}
                      {k.practitioner ? ` (${k.practitioner})` : ""}
                    </td>
                    <td>
                      {k.created}
                      {k.createdBy ? <span className="muted small"> by {k.createdBy}</span> : null}
                    </td>
                    <td>{k.expires}</td>
                    <td>{k.lastUsed ?? <span className="muted">Never</span>}</td>
                    <td>
                      <span
                        className={`status ${k.state === "active" ? "status--on" : "status--off"}`}
                      >
                        {k.stateLabel}
                      </span>
                    </td>
                    <td>
                      {k.state === "revoked" ? null : (
                        <Form method="post">
                          <input type="hidden" name="id" value={k.id} />
                          <SubmitButton intent="revoke" className="button button--danger">
                            Revoke<span className="visually-hidden"> {k.name}</span>
                          </SubmitButton>
                        </Form>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="panel" aria-labelledby="create-key-heading">
        <h2 id="create-key-heading">Make a key</h2>
        <Form method="post" className="form" {...getFormProps(form)}>
          <FormErrors id={form.errorId} errors={form.errors} />
          <div className="form-grid">
            <TextField
              meta={fields.name}
              label="Name"
              hint="What uses it, e.g. Booking sync."
              autoComplete="off"
            />
            <SelectField
              meta={fields.role}
              label="Role"
              hint="The key may do what staff of this role may do."
              options={apiKeyRoleOptions}
            />
            <SelectField
              meta={fields.practitionerId}
              label="Practitioner"
              hint="Required for a practitioner key: whose bookings and hours it may change."
              options={[{ value: "", label: "None" }, ...practitioners]}
            />
            <SelectField
              meta={fields.expiresInDays}
              label="Expires"
              options={apiKeyLifetimeOptions}
            />
          </div>
          <div className="button-row">
            <SubmitButton intent="create" className="button button--primary">
              Make key
            </SubmitButton>
          </div>
        </Form>
      </section>
    </>
  );
}

export { ErrorBoundary } from "../components/staff-error-boundary";
