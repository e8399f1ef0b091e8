import {
  type WebhookDeliveryStatus,
  type WebhookEventType,
  webhookDeliveryStatusLabels,
  webhookEventLabels,
} from "@clinic/domain";
import { intentOf } from "@clinic/form-kit";
import { callApi, requireRecord, submitToApi } from "@clinic/form-kit/server";
import { parseWithZod } from "@conform-to/zod/v4";
import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { FormErrors } from "../components/field-errors";
import { NoticeBanner } from "../components/notice-banner";
import { DeletionPanel } from "../components/record-panels";
import { SubmitButton } from "../components/submit-button";
import { WebhookEndpointForm, WebhookSecretPanel } from "../components/webhook-endpoint-form";
import { dateTimeLabel } from "../formatting/clinic-time";
import { pageMeta } from "../formatting/page-title";
import { webhookEndpointFields, webhookEndpointFormSchema } from "../forms/webhook-forms";
import { noticeFrom, withNotice } from "../server/notices.server";
import { requireStaffAction, requireStaffWith } from "../server/staff-access.server";
import contentStylesUrl from "../styles/content-admin.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: contentStylesUrl }];
export const meta: MetaFunction<typeof loader> = ({ data, error }) =>
  pageMeta(error, data ? `Webhook: ${data.endpoint.url}` : "Webhook endpoint");

const notices = {
  saved: "Endpoint saved.",
  test: "Test event queued: it appears in the log below once it is sent (refresh in a moment).",
  redelivered: "Delivery queued again.",
} as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { api } = await requireStaffWith(request, "webhooks.manage");
  const id = params.id ?? "";
  const [detail, settings] = await Promise.all([
    requireRecord(() => api.webhooks.get.query({ id }), "Webhook endpoint"),
    api.settings.get.query(),
  ]);
  const tz = settings.timeZone;
  const { endpoint } = detail;
  return {
    notice: noticeFrom(request, notices),
    endpoint: {
      id: endpoint.id,
      url: endpoint.url,
      description: endpoint.description,
      events: endpoint.events,
      enabled: endpoint.enabled,
      previousSecretValidUntil: endpoint.previousSecretValidUntil
        ? dateTimeLabel(endpoint.previousSecretValidUntil, tz)
        : null,
    },
    deliveries: detail.deliveries.map((d) => ({
      id: d.id,
      eventId: d.eventId,
      event: webhookEventLabels[d.eventType as WebhookEventType] ?? d.eventType,
      test: d.test,
      status: d.status as WebhookDeliveryStatus,
      attempts: d.attempts,
      created: dateTimeLabel(d.createdAt, tz),
      lastAttempt: d.lastAttemptAt ? dateTimeLabel(d.lastAttemptAt, tz) : null,
      nextAttempt: d.nextAttemptAt && d.attempts > 0 ? dateTimeLabel(d.nextAttemptAt, tz) : null,
      statusCode: d.statusCode,
      durationMs: d.durationMs,
      response: d.response,
      error: d.error,
    })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { api } = await requireStaffAction(request, "webhooks.manage");
  const id = params.id ?? "";
  const here = `/webhooks/${id}`;
  const formData = await request.formData();
  const intent = intentOf(formData, ["save", "test", "rotate", "delete", "redeliver"]);
  const failed = (result: { formErrors: string[]; status: number }) =>
    data(
      { form: intent, reply: null, error: result.formErrors.join(" "), secret: null },
      { status: result.status },
    );
  if (intent === "save") {
    const submission = parseWithZod(formData, { schema: webhookEndpointFormSchema });
    if (submission.status !== "success") {
      return data(
        { form: intent, reply: submission.reply(), error: null, secret: null },
        { status: 400 },
      );
    }
    const result = await submitToApi(
      submission,
      () => api.webhooks.update.mutate({ id, ...submission.value }),
      { fields: webhookEndpointFields },
    );
    if (result.ok) throw redirect(withNotice(here, "saved"));
    return data(
      { form: intent, reply: result.reply, error: null, secret: null },
      { status: result.status },
    );
  }
  if (intent === "rotate") {
    const result = await callApi(() => api.webhooks.rotateSecret.mutate({ id }), { fields: [] });
    if (!result.ok) return failed(result);
    // Answered here, not redirected: the new secret exists in the clear only in this answer.
    return data(
      { form: intent, reply: null, error: null, secret: result.value.secret },
      { headers: { "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" } },
    );
  }
  const result = await callApi(
    async () => {
      if (intent === "test") return api.webhooks.sendTest.mutate({ id });
      if (intent === "delete") return api.webhooks.delete.mutate({ id });
      const deliveryId = String(formData.get("deliveryId") ?? "");
      return api.webhooks.redeliver.mutate({ endpointId: id, deliveryId });
    },
    { fields: [] },
  );
  if (!result.ok) return failed(result);
  if (intent === "delete") throw redirect(withNotice("/webhooks", "deleted"));
  throw redirect(withNotice(here, intent === "test" ? "test" : "redelivered"));
}

export default function WebhookEndpoint() {
  const { notice, endpoint, deliveries } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [search] = useSearchParams();
  const here = `/webhooks/${endpoint.id}`;
  return (
    <>
      <p>
        <Link to="/webhooks">← Webhooks</Link>
      </p>
      <div className="page-heading">
        <h1>{endpoint.url}</h1>
        <p className="lede">
          {endpoint.description || "Webhook endpoint"} ·{" "}
          <span className={endpoint.enabled ? "status--on" : "status--off"}>
            {endpoint.enabled ? "Enabled" : "Paused"}
          </span>
        </p>
      </div>
      <NoticeBanner message={notice} />
      {actionData?.error ? <FormErrors errors={[actionData.error]} /> : null}
      {actionData?.secret ? (
        <WebhookSecretPanel
          secret={actionData.secret}
          intro="New secret made. For the next 24 hours deliveries carry a signature with the old secret too, so update your receiver within a day."
        />
      ) : null}

      <section className="panel" aria-labelledby="deliveries-heading">
        <h2 id="deliveries-heading">Delivery log</h2>
        <Form method="post" className="button-row">
          <SubmitButton intent="test" className="button button--primary">
            Send test event
          </SubmitButton>
          <Link to={here} className="button button--quiet">
            Refresh
          </Link>
        </Form>
        {deliveries.length === 0 ? (
          <p>Nothing sent yet.</p>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <caption className="small muted">The 50 newest deliveries, newest first.</caption>
              <thead>
                <tr>
                  <th scope="col">Event</th>
                  <th scope="col">Status</th>
                  <th scope="col">Response</th>
                  <th scope="col">Attempts</th>
                </tr>
              </thead>
              <tbody>
                {deliveries.map((d) => (
                  <tr key={d.id}>
                    <th scope="row">
                      {d.event}
                      {d.test ? <span className="badge">Test</span> : null}
                      <div className="small muted">{d.created}</div>
                      <div className="small muted">
                        <code>{d.eventId}</code>
                      </div>
                    </th>
                    <td>
                      {d.status === "failed" ? (
                        <strong>{webhookDeliveryStatusLabels[d.status]}</strong>
                      ) : (
                        webhookDeliveryStatusLabels[d.status]
                      )}
                      {d.status === "pending" && d.nextAttempt ? (
                        <div className="small">Next try {d.nextAttempt}</div>
                      ) : null}
                      {d.status === "failed" ? (
                        <Form method="post" className="inline-form">
                          <input type="hidden" name="deliveryId" value={d.id} />
                          <SubmitButton intent="redeliver" className="button button--quiet">
                            Send again
                          </SubmitButton>
                        </Form>
                      ) : null}
                    </td>
                    <td>
                      {d.statusCode !== null ? `HTTP ${d.statusCode}` : "No answer"}
                      {d.durationMs !== null ? (
                        <span className="small muted"> · {d.durationMs} ms</span>
                      ) : null}
                      {d.error ? <div className="small">{d.error}</div> : null}
                      {d.response ? <pre className="small pre-wrap">{d.response}</pre> : null}
                    </td>
                    <td>
                      {d.attempts}
                      {d.lastAttempt ? (
                        <div className="small muted">last {d.lastAttempt}</div>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="panel" aria-labelledby="settings-heading">
        <h2 id="settings-heading">Settings</h2>
        <WebhookEndpointForm
          lastResult={actionData?.form === "save" ? actionData.reply : null}
          defaultValue={{
            url: endpoint.url,
            description: endpoint.description,
            events: endpoint.events,
            enabled: endpoint.enabled,
          }}
          submitLabel="Save endpoint"
        />
      </section>

      <section className="panel" aria-labelledby="secret-heading">
        <h2 id="secret-heading">Signing secret</h2>
        <p>
          The secret was shown once, when it was made. Make a new one if it may have leaked or your
          receiver lost it: the old one keeps signing beside it for 24 hours.
        </p>
        {endpoint.previousSecretValidUntil ? (
          <p role="status">
            A rotation is under way: the previous secret signs too until{" "}
            {endpoint.previousSecretValidUntil}.
          </p>
        ) : null}
        <Form method="post" className="button-row">
          <SubmitButton intent="rotate" className="button button--quiet">
            Rotate secret
          </SubmitButton>
        </Form>
      </section>

      <DeletionPanel
        confirming={search.get("confirm") === "delete"}
        cancelTo={here}
        intro="Stops all deliveries and removes the endpoint with its log."
        confirmText="Delete this endpoint and its delivery log? Events waiting for it are dropped."
      />
    </>
  );
}

export { ErrorBoundary } from "../components/staff-error-boundary";
