import { can, formatMoney } from "@clinic/domain";
import { intentOf } from "@clinic/form-kit";
import { requireRecord } from "@clinic/form-kit/server";
import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { NoticeBanner } from "../components/notice-banner";
import { ActivationPanel, ActiveBadge, DeletionPanel } from "../components/record-panels";
import { ServiceDetailsForm } from "../components/service-form";
import { pageMeta } from "../formatting/page-title";
import { patientTypeLabels, serviceApiFieldNames, serviceFormSchema } from "../forms/catalog-forms";
import { centsToMoneyInput } from "../forms/money-input";
import { serviceInputFrom } from "../forms/service-input";
import type { ApiClient } from "../server/api.server";
import { confirmStep } from "../server/confirm-step.server";
import { runAction, submitForm, switchActive } from "../server/form-action.server";
import { noticeFrom, withNotice } from "../server/notices.server";
import { requireStaffAction, requireStaffWith } from "../server/staff-access.server";
import contentStylesUrl from "../styles/content-admin.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: contentStylesUrl }];
export const meta: MetaFunction<typeof loader> = ({ data, error }) =>
  pageMeta(error, data ? data.service.name : "Service");

const notices = {
  created: "Service added.",
  saved: "Changes saved.",
  deactivated: "Service deactivated: no longer offered online.",
  reactivated: "Service reactivated.",
} as const;

const findService = (api: ApiClient, id = "") =>
  requireRecord(() => api.services.get.query({ id }), "Service");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, api } = await requireStaffWith(request, "catalog.read");
  const [service, practitioners, settings] = await Promise.all([
    findService(api, params.id),
    api.practitioners.staffList.query(),
    api.settings.get.query(),
  ]);
  return {
    notice: noticeFrom(request, notices),
    canWrite: can(user.role, "catalog.write"),
    confirm: confirmStep(request, ["deactivate", "delete"]),
    practitioners: practitioners.map((p) => ({ id: p.id, name: p.name, active: p.active })),
    service: {
      ...service,
      priceLabel: formatMoney(service.priceCents, settings.currency, "en-AU"),
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { api } = await requireStaffAction(request, "catalog.write");
  const current = await findService(api, params.id);
  const id = current.id;
  const here = `/services/${id}`;
  const formData = await request.formData();
  const done = (notice: keyof typeof notices) => () => withNotice(here, notice);
  const intent = intentOf(formData, ["save", "deactivate", "reactivate", "delete"]);
  switch (intent) {
    case "save":
      return submitForm(
        formData,
        {
          schema: serviceFormSchema,
          fields: Object.keys(serviceFormSchema.shape),
          fieldNames: serviceApiFieldNames,
          send: (form) =>
            api.services.update.mutate({ id, ...serviceInputFrom(form, current.active) }),
          redirectTo: done("saved"),
        },
        { form: "details" },
      );
    case "deactivate":
    case "reactivate":
      return switchActive(api.services, intent, id, here);
    case "delete":
      return runAction(
        () => api.services.remove.mutate({ id }),
        () => withNotice("/services", "deleted"),
        { form: "status" },
      );
  }
}

export default function EditService() {
  const { notice, canWrite, confirm, practitioners, service: s } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const here = `/services/${s.id}`;

  return (
    <>
      <p>
        <Link to="/services">← Services</Link>
      </p>
      <div className="page-heading">
        <h1>{s.name}</h1>
        <p className="lede">
          <ActiveBadge active={s.active} /> {s.priceLabel} · {s.durationMinutes} minutes ·{" "}
          {patientTypeLabels[s.patientType]} ·{" "}
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
              lastResult={actionData?.form === "details" ? actionData.reply : undefined}
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

          <ActivationPanel
            heading="Availability"
            active={s.active}
            confirming={confirm === "deactivate"}
            cancelTo={here}
            error={actionData?.form === "status" ? actionData.error : undefined}
            activeText="Active services are listed on the website and can be booked online."
            confirmText={`Stop offering ${s.name} online? Existing bookings stay as they are; nobody can book it until you reactivate it.`}
            inactiveText="Inactive: not offered online."
          />

          {s.bookingCount === 0 ? (
            <DeletionPanel
              confirming={confirm === "delete"}
              cancelTo={here}
              intro={`${s.name} has never been booked, so it can be deleted.`}
              confirmText={`Delete ${s.name} for good? This can't be undone.`}
            />
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

export { ErrorBoundary } from "../components/staff-error-boundary";
