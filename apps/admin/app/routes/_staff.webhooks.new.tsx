import { submitToApi } from "@clinic/form-kit/server";
import { parseWithZod } from "@conform-to/zod/v4";
import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData } from "@remix-run/react";
import { WebhookEndpointForm, WebhookSecretPanel } from "../components/webhook-endpoint-form";
import { pageMeta } from "../formatting/page-title";
import { webhookEndpointFields, webhookEndpointFormSchema } from "../forms/webhook-forms";
import { requireStaffAction, requireStaffWith } from "../server/staff-access.server";
import contentStylesUrl from "../styles/content-admin.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: contentStylesUrl }];
export const meta: MetaFunction = ({ error }) => pageMeta(error, "Add a webhook endpoint");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaffWith(request, "webhooks.manage");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const { api } = await requireStaffAction(request, "webhooks.manage");
  const submission = parseWithZod(await request.formData(), {
    schema: webhookEndpointFormSchema,
  });
  if (submission.status !== "success") {
    return data({ reply: submission.reply(), created: null }, { status: 400 });
  }
  const result = await submitToApi(submission, () => api.webhooks.create.mutate(submission.value), {
    fields: webhookEndpointFields,
  });
  if (!result.ok) return data({ reply: result.reply, created: null }, { status: result.status });
  // Answered here, not redirected: the secret exists in the clear only in this answer.
  return data(
    {
      reply: null,
      created: {
        id: result.value.endpoint.id,
        url: result.value.endpoint.url,
        secret: result.value.secret,
      },
    },
    { headers: { "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" } },
  );
}

export default function NewWebhookEndpoint() {
  const actionData = useActionData<typeof action>();
  const created = actionData?.created ?? null;
  return (
    <>
      <p>
        <Link to="/webhooks">← Webhooks</Link>
      </p>
      <div className="page-heading">
        <h1>Add a webhook endpoint</h1>
        <p className="lede">
          Events are sent as JSON by POST, signed with a secret you get once the endpoint is added.
        </p>
      </div>
      {created ? (
        <>
          <WebhookSecretPanel secret={created.secret} intro={`Endpoint added: ${created.url}.`} />
          <p className="button-row">
            <Link to={`/webhooks/${created.id}`} className="button button--primary">
              Go to the endpoint
            </Link>
          </p>
        </>
      ) : (
        <section className="panel" aria-label="New endpoint">
          <WebhookEndpointForm
            lastResult={actionData?.reply}
            defaultValue={{ enabled: true, events: ["booking.created"] }}
            submitLabel="Add endpoint"
          />
        </section>
      )}
    </>
  );
}

export { ErrorBoundary } from "../components/staff-error-boundary";
