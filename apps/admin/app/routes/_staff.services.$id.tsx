import { isApiError } from "@clinic/api-client";
import { can, formatMoney, idSchema } from "@clinic/domain";
import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
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
import { NoticeBanner } from "../components/notice-banner";
import { RouteError } from "../components/route-error";
import { ServiceDetailsForm } from "../components/service-form";
import { pageTitle } from "../formatting/page-title";
import { patientTypeLabels, serviceApiFieldNames, serviceFormSchema } from "../forms/catalog-forms";
import { centsToMoneyInput } from "../forms/money-input";
import { serviceInputFrom } from "../forms/service-input";
import type { ApiClient } from "../server/api.server";
import { callApi } from "../server/api-outcome.server";
import { noticeFrom, withNotice } from "../server/notices.server";
import { notFound, requireStaffAction, requireStaffWith } from "../server/staff-access.server";
import contentStylesUrl from "../styles/content-admin.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: contentStylesUrl }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: pageTitle(data ? data.service.name : "Service") },
];

const notices = {
  created: "Service added.",
  saved: "Changes saved.",
  deactivated: "Service deactivated: no longer offered online.",
  reactivated: "Service reactivated.",
} as const;

async function findService(api: ApiClient, id: string) {
  if (!idSchema.safeParse(id).success) throw notFound("Service");
  try {
    return await api.services.get.query({ id });
  } catch (error) {
    if (isApiError(error, "NOT_FOUND")) throw notFound("Service");
    throw error;
  }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, api } = await requireStaffWith(request, "catalog.read");
  const [service, practitioners, settings] = await Promise.all([
    findService(api, params.id ?? ""),
    api.practitioners.staffList.query(),
    api.settings.get.query(),
  ]);
  const confirm = new URL(request.url).searchParams.get("confirm");
  return {
    notice: noticeFrom(request, notices),
    canWrite: can(user.role, "catalog.write"),
    confirm: confirm === "deactivate" || confirm === "delete" ? confirm : null,
    practitioners: practitioners.map((p) => ({ id: p.id, name: p.name, active: p.active })),
    service: {
      ...service,
      priceLabel: formatMoney(service.priceCents, settings.currency, "en-AU"),
    },
  };
}

type ActionResult =
  | { form: "details"; reply: SubmissionResult<string[]> }
  | { form: "status"; error: string };

export async function action({ request, params }: ActionFunctionArgs) {
  const { api } = await requireStaffAction(request, "catalog.write");
  const current = await findService(api, params.id ?? "");
  const id = current.id;
  const here = `/services/${id}`;
  const formData = await request.formData();
  const intent = formData.get("intent");

  if (intent === "save") {
    const submission = parseWithZod(formData, { schema: serviceFormSchema });
    if (submission.status !== "success") {
      return data<ActionResult>({ form: "details", reply: submission.reply() }, { status: 400 });
    }
    const result = await callApi(
      () =>
        api.services.update.mutate({ id, ...serviceInputFrom(submission.value, current.active) }),
      { fields: Object.keys(serviceFormSchema.shape), fieldNames: serviceApiFieldNames },
    );
    if (!result.ok) {
      return data<ActionResult>(
        { form: "details", reply: submission.reply(result) },
        { status: 400 },
      );
    }
    throw redirect(withNotice(here, "saved"));
  }

  const calls = {
    deactivate: () => api.services.deactivate.mutate({ id }),
    reactivate: () => api.services.reactivate.mutate({ id }),
    delete: () => api.services.remove.mutate({ id }),
  } as const;
  if (typeof intent !== "string" || !Object.hasOwn(calls, intent)) {
    throw new Response("Unknown action", { status: 400 });
  }
  const chosen = intent as keyof typeof calls;
  const result = await callApi<unknown>(calls[chosen], { fields: [] });
  if (!result.ok) {
    return data<ActionResult>(
      { form: "status", error: result.formErrors.join(" ") },
      { status: 409 },
    );
  }
  if (chosen === "delete") throw redirect(withNotice("/services", "deleted"));
  throw redirect(withNotice(here, chosen === "deactivate" ? "deactivated" : "reactivated"));
}

export default function EditService() {
  const { notice, canWrite, confirm, practitioners, service: s } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const detailsReply = actionData?.form === "details" ? actionData.reply : undefined;
  const statusError = actionData?.form === "status" ? actionData.error : undefined;

  return (
    <>
      <p>
        <Link to="/services">← Services</Link>
      </p>
      <div className="page-heading">
        <h1>{s.name}</h1>
        <p className="lede">
          <span className={`status ${s.active ? "status--on" : "status--off"}`}>
            {s.active ? "Active" : "Inactive"}
          </span>{" "}
          {s.priceLabel} · {s.durationMinutes} minutes · {patientTypeLabels[s.patientType]} ·{" "}
          {s.bookingCount === 1 ? "1 booking" : `${s.bookingCount} bookings`}
        </p>
      </div>
      <NoticeBanner message={notice} />

      {canWrite ? (
        <>
          <section className="panel" aria-labelledby="details-heading">
            <h2 id="details-heading">Details</h2>
            <ServiceDetailsForm
              key={`${s.id}-${s.updatedAt}`}
              lastResult={detailsReply}
              practitioners={practitioners}
              defaultValue={{
                name: s.name,
                slug: s.slug,
                summary: s.summary,
                description: s.description,
                durationMinutes: String(s.durationMinutes),
                bufferBeforeMinutes: String(s.bufferBeforeMinutes),
                bufferAfterMinutes: String(s.bufferAfterMinutes),
                price: centsToMoneyInput(s.priceCents),
                patientType: s.patientType,
                sortOrder: String(s.sortOrder),
                practitionerIds: s.practitioners.map((p) => p.id),
              }}
              submitLabel="Save changes"
              showActive={false}
            />
          </section>

          <section className="panel" aria-labelledby="status-heading">
            <h2 id="status-heading">Availability</h2>
            {statusError ? <FormErrors errors={[statusError]} /> : null}
            {s.active ? (
              confirm === "deactivate" ? (
                <div className="warning">
                  <p>
                    Stop offering {s.name} online? Existing bookings stay as they are; nobody can
                    book it until you reactivate it.
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
                    <Link to={`/services/${s.id}`} className="button button--quiet">
                      Keep active
                    </Link>
                  </Form>
                </div>
              ) : (
                <>
                  <p>Active services are listed on the website and can be booked online.</p>
                  <Link to="?confirm=deactivate" className="button button--quiet">
                    Deactivate…
                  </Link>
                </>
              )
            ) : (
              <Form method="post" className="button-row">
                <p>Inactive: not offered online.</p>
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

          {s.bookingCount === 0 ? (
            <section className="panel panel--danger" aria-labelledby="delete-heading">
              <h2 id="delete-heading">Delete</h2>
              {confirm === "delete" ? (
                <div className="warning">
                  <p>Delete {s.name} for good? This can't be undone.</p>
                  <Form method="post" className="button-row">
                    <button
                      type="submit"
                      name="intent"
                      value="delete"
                      className="button button--danger"
                      disabled={busy}
                    >
                      Yes, delete for good
                    </button>
                    <Link to={`/services/${s.id}`} className="button button--quiet">
                      Cancel
                    </Link>
                  </Form>
                </div>
              ) : (
                <>
                  <p>{s.name} has never been booked, so it can be deleted.</p>
                  <Link to="?confirm=delete" className="button button--quiet">
                    Delete…
                  </Link>
                </>
              )}
            </section>
          ) : null}
        </>
      ) : (
        <section className="panel" aria-labelledby="details-heading">
          <h2 id="details-heading">Details</h2>
          <dl className="description-list">
            <dt>Summary</dt>
            <dd>{s.summary}</dd>
            <dt>Buffers</dt>
            <dd>
              {s.bufferBeforeMinutes} minutes before, {s.bufferAfterMinutes} after
            </dd>
            <dt>Offered by</dt>
            <dd>{s.practitioners.map((p) => p.name).join(", ") || "Nobody"}</dd>
          </dl>
        </section>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
