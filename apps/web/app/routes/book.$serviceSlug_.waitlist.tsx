import { addLocalDays, localDateOf, TIME_OF_DAY_LABELS, timesOfDay } from "@clinic/domain";
import { requireRecord } from "@clinic/form-kit/server";
import { getFormProps, getInputProps, getSelectProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { BookingSteps } from "../components/booking-steps";
import { EMAIL_INPUT, Field, FieldErrors } from "../components/form-field";
import { FormTrap } from "../components/form-trap";
import { FormFailed, FormOutcome, useCheckedForm, useSubmitting } from "../components/public-form";
import { useClinic } from "../components/use-clinic";
import { pageMeta } from "../formatting/page-meta";
import { formToken, submitPublicForm } from "../forms/public-form.server";
import {
  WAITLIST_FAILED,
  waitlistForm,
  waitlistFormErrors,
  waitlistFormSchema,
} from "../forms/waitlist-form";
import { chosenPractitioner, parsePickerParams, pickerSearch } from "../links/booking-params";
import { requireSlug } from "../links/route-params";
import { api } from "../server/api.server";
import { privatePageHeaders } from "../server/cache-control";

export const headers = privatePageHeaders;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const slug = requireSlug(params.serviceSlug, "Service");
  const search = parsePickerParams(new URL(request.url).searchParams);
  const [service, settings, token] = await Promise.all([
    requireRecord(() => api.services.bySlug.query({ slug }), "Service"),
    api.settings.get.query(),
    formToken("waitlist", context),
  ]);
  const chosen = chosenPractitioner(service.practitioners, search.practitioner);
  const today = localDateOf(new Date(), settings.timeZone);
  const asked = search.day ?? search.week;
  const fromDate = asked && asked > today ? asked : today;
  return {
    service: { id: service.id, slug: service.slug, name: service.name },
    practitioners: service.practitioners.map(({ id, name }) => ({ id, name })),
    practitionerSlug: chosen?.slug ?? null,
    defaults: {
      serviceId: service.id,
      practitionerId: chosen?.id ?? "any",
      fromDate,
      toDate: addLocalDays(fromDate, 6),
    },
    today,
    lastDay: addLocalDays(today, settings.bookingPolicy.horizonDays),
    ...token,
  };
}

export function action(args: ActionFunctionArgs) {
  return submitPublicForm(args, waitlistForm);
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  if (!data) return pageMeta(matches, { title: "Treatment not found", description: "" });
  return pageMeta(matches, {
    title: `Join the waitlist for ${data.service.name}`,
    description: `We'll email you when a time for ${data.service.name} comes free.`,
  });
};

export default function WaitlistPage() {
  const data = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const clinic = useClinic();
  const submitting = useSubmitting();
  const [form, fields] = useCheckedForm({
    id: "waitlist",
    schema: waitlistFormSchema,
    missing: waitlistFormErrors,
    lastResult: reply?.result,
    defaultValue: { ...data.defaults, timesOfDay: [...timesOfDay] },
  });
  const back = `/book/${data.service.slug}${pickerSearch({ practitioner: data.practitionerSlug })}`;

  const { key: serviceKey, ...serviceProps } = getInputProps(fields.serviceId, { type: "hidden" });
  const { key: practitionerKey, ...practitionerProps } = getSelectProps(fields.practitionerId);
  const { key: fromKey, ...fromProps } = getInputProps(fields.fromDate, { type: "date" });
  const { key: toKey, ...toProps } = getInputProps(fields.toDate, { type: "date" });
  const { key: nameKey, ...nameProps } = getInputProps(fields.name, { type: "text" });
  const { key: emailKey, ...emailProps } = getInputProps(fields.email, { type: "email" });
  const { key: phoneKey, ...phoneProps } = getInputProps(fields.phone, { type: "tel" });
  const initialTimes = fields.timesOfDay.initialValue;
  const chosenTimes = Array.isArray(initialTimes)
    ? initialTimes
    : typeof initialTimes === "string"
      ? [initialTimes]
      : [];

  return (
    <div className="container page booking">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to={back}>Back to the times</Link>
      </nav>
      <BookingSteps current={3} />
      <header className="page-header">
        <h1>Join the waitlist</h1>
        <p className="lead">
          {data.service.name}: tell us when suits you. When a time like that comes free, we'll email
          you a link to claim it. The first to claim a time gets it.
        </p>
      </header>
      <section className="card contact-form" aria-labelledby="waitlist-form-title">
        <h2 id="waitlist-form-title">Your waitlist request</h2>
        {reply?.outcome === "sent" ? (
          <FormOutcome sent reply={reply}>
            <p>You're on the waitlist.</p>
            <p>
              We'll email you as soon as a time that suits you comes free. Claim it quickly: it's
              offered to everyone waiting for it.
            </p>
            <p>
              <Link to={back}>Back to the times</Link>
            </p>
          </FormOutcome>
        ) : (
          <>
            {reply?.outcome === "failed" ? (
              <FormFailed
                reply={reply}
                id={form.errorId}
                headline={WAITLIST_FAILED}
                clinicPhone={clinic.phone}
              />
            ) : null}
            <Form method="post" className="form" {...getFormProps(form)}>
              <FormTrap formToken={data.formToken} />
              <input key={serviceKey} {...serviceProps} />
              <Field label="Practitioner" field={fields.practitionerId}>
                <select key={practitionerKey} {...practitionerProps}>
                  <option value="any">Anyone available</option>
                  {data.practitioners.map((practitioner) => (
                    <option key={practitioner.id} value={practitioner.id}>
                      {practitioner.name}
                    </option>
                  ))}
                </select>
              </Field>
              <Field label="First day that suits you" field={fields.fromDate}>
                <input key={fromKey} {...fromProps} min={data.today} max={data.lastDay} />
              </Field>
              <Field label="Last day that suits you" field={fields.toDate}>
                <input key={toKey} {...toProps} min={data.today} />
              </Field>
              <fieldset
                className={fields.timesOfDay.errors?.length ? "field field--invalid" : "field"}
                aria-describedby={fields.timesOfDay.errorId}
              >
                <legend className="field__label">Times of day that suit you</legend>
                {timesOfDay.map((time) => (
                  <div className="field field--checkbox" key={time}>
                    <input
                      type="checkbox"
                      id={`${fields.timesOfDay.id}-${time}`}
                      name={fields.timesOfDay.name}
                      value={time}
                      defaultChecked={chosenTimes.includes(time)}
                    />
                    <label htmlFor={`${fields.timesOfDay.id}-${time}`}>
                      {TIME_OF_DAY_LABELS[time]}
                    </label>
                  </div>
                ))}
                <FieldErrors id={fields.timesOfDay.errorId} errors={fields.timesOfDay.errors} />
              </fieldset>
              <Field label="Name" field={fields.name}>
                <input key={nameKey} {...nameProps} autoComplete="name" />
              </Field>
              <Field label="Email" field={fields.email}>
                <input key={emailKey} {...emailProps} {...EMAIL_INPUT} />
              </Field>
              <Field label="Phone" field={fields.phone}>
                <input key={phoneKey} {...phoneProps} autoComplete="tel" />
              </Field>
              <button type="submit" className="button button--primary" disabled={submitting}>
                {submitting ? "Joining…" : "Join the waitlist"}
              </button>
            </Form>
          </>
        )}
      </section>
    </div>
  );
}
