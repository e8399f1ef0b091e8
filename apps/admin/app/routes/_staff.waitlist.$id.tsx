import {
  TIME_OF_DAY_LABELS,
  timesOfDay,
  type WaitlistOfferStatus,
  type WaitlistStatus,
  waitlistEntryFieldsSchema,
  withWaitlistDateRules,
} from "@clinic/domain";
import { intentOf, missingFieldMessages } from "@clinic/form-kit";
import { requireRecord } from "@clinic/form-kit/server";
import { getFormProps } from "@conform-to/react";
import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { FieldErrors, FormErrors } from "../components/field-errors";
import { SelectField, TextField } from "../components/form-controls";
import { NoticeBanner } from "../components/notice-banner";
import { SubmitButton } from "../components/submit-button";
import { useSchemaForm } from "../components/use-schema-form";
import { dateTimeLabel, formatIn } from "../formatting/clinic-time";
import { pageMeta } from "../formatting/page-title";
import {
  offerStatusLabels,
  timesOfDayLabel,
  waitlistStatusClass,
  waitlistStatusLabels,
} from "../formatting/waitlist-labels";
import type { ApiClient } from "../server/api.server";
import { runAction, submitForm } from "../server/form-action.server";
import { noticeFrom, withNotice } from "../server/notices.server";
import { requireStaffAction, requireStaffWith } from "../server/staff-access.server";
import contentStylesUrl from "../styles/content-admin.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: contentStylesUrl }];
export const meta: MetaFunction<typeof loader> = ({ data, error }) =>
  pageMeta(error, data ? `Waitlist: ${data.entry.name}` : "Waitlist entry");

const notices = {
  saved: "Changes saved.",
  offered: "Time offered: the patient is being emailed a link to claim it.",
} as const;

/** The editor: everything but the treatment, which an entry keeps. */
const entryFormSchema = withWaitlistDateRules(waitlistEntryFieldsSchema.omit({ serviceId: true }));
const entryFormErrors = missingFieldMessages({
  fromDate: "Enter the first day",
  toDate: "Enter the last day",
  timesOfDay: "Choose at least one time of day",
  name: "Enter the patient's name",
  email: "Enter the patient's email address",
  phone: "Enter the patient's phone number",
});
const offerFormSchema = z.object({
  start: z.iso.datetime({ message: "Choose a time to offer" }),
});

const findEntry = (api: ApiClient, id = "") =>
  requireRecord(() => api.waitlist.detail.query({ id }), "Waitlist entry");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { api } = await requireStaffWith(request, "waitlist.manage");
  const entry = await findEntry(api, params.id);
  const tz = entry.timeZone;
  return {
    notice: noticeFrom(request, notices),
    entry: {
      id: entry.id,
      name: entry.name,
      email: entry.email,
      phone: entry.phone,
      status: entry.status as WaitlistStatus,
      service: entry.service.name,
      practitionerId: entry.practitionerId ?? "any",
      practitioner: entry.practitioner?.name ?? "Anyone",
      fromDate: entry.fromDate,
      toDate: entry.toDate,
      timesOfDay: entry.timesOfDay,
      times: timesOfDayLabel(entry.timesOfDay),
      joined: dateTimeLabel(entry.createdAt, tz),
    },
    practitioners: entry.servicePractitioners.map(({ id, name }) => ({ id, name })),
    offers: entry.offers.map((offer) => ({
      id: offer.id,
      start: dateTimeLabel(offer.startsAt, tz),
      offered: dateTimeLabel(offer.createdAt, tz),
      until: dateTimeLabel(offer.expiresAt, tz),
      status: offer.status as WaitlistOfferStatus,
      byStaff: offer.byStaff,
    })),
    freeTimes: entry.freeTimes.map((time) => ({
      value: time.start.toISOString(),
      label: `${formatIn(time.start, tz, "EEE d MMM, h:mm aaa")}${time.suits ? "" : " (outside their times of day)"}`,
    })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { api } = await requireStaffAction(request, "waitlist.manage");
  const entry = await findEntry(api, params.id);
  const id = entry.id;
  const here = `/waitlist/${id}`;
  const formData = await request.formData();
  switch (intentOf(formData, ["update", "remove", "offer"])) {
    case "update":
      return submitForm(
        formData,
        {
          schema: entryFormSchema,
          error: entryFormErrors,
          fields: ["practitionerId", "fromDate", "toDate", "timesOfDay", "name", "email", "phone"],
          send: (value) => api.waitlist.update.mutate({ id, ...value }),
          redirectTo: () => withNotice(here, "saved"),
        },
        { form: "update" },
      );
    case "offer":
      return submitForm(
        formData,
        {
          schema: offerFormSchema,
          fields: ["start"],
          send: ({ start }) => api.waitlist.offerTime.mutate({ id, start: new Date(start) }),
          redirectTo: () => withNotice(here, "offered"),
        },
        { form: "offer" },
      );
    case "remove":
      return runAction(
        () => api.waitlist.remove.mutate({ id }),
        () => withNotice("/waitlist", "removed"),
        { form: "remove" },
      );
  }
}

export default function WaitlistEntry() {
  const { notice, entry, practitioners, offers, freeTimes } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [editForm, editFields] = useSchemaForm(entryFormSchema, {
    id: "update",
    error: entryFormErrors,
    lastResult: actionData?.form === "update" ? actionData.reply : undefined,
    defaultValue: {
      practitionerId: entry.practitionerId,
      fromDate: entry.fromDate,
      toDate: entry.toDate,
      timesOfDay: entry.timesOfDay as (typeof timesOfDay)[number][],
      name: entry.name,
      email: entry.email,
      phone: entry.phone,
    },
  });
  const [offerForm, offerFields] = useSchemaForm(offerFormSchema, {
    id: "offer",
    lastResult: actionData?.form === "offer" ? actionData.reply : undefined,
  });
  const chosenInitial = editFields.timesOfDay.initialValue;
  const chosenTimes = Array.isArray(chosenInitial)
    ? chosenInitial
    : typeof chosenInitial === "string"
      ? [chosenInitial]
      : [];
  const waiting = entry.status === "waiting";

  return (
    <>
      <p>
        <Link to="/waitlist">← Waitlist</Link>
      </p>
      <div className="page-heading">
        <h1>{entry.name}</h1>
        <p className="lede">
          <span className={`status ${waitlistStatusClass[entry.status]}`}>
            {waitlistStatusLabels[entry.status]}
          </span>{" "}
          {entry.service} with {entry.practitioner}; joined {entry.joined}
        </p>
      </div>
      <NoticeBanner message={notice} />

      <section className="panel" aria-labelledby="wish-heading">
        <h2 id="wish-heading">Request</h2>
        <dl className="description-list">
          <dt>Email</dt>
          <dd>
            <a href={`mailto:${entry.email}`}>{entry.email}</a>
          </dd>
          <dt>Phone</dt>
          <dd>
            <a href={`tel:${entry.phone.replace(/\s+/g, "")}`}>{entry.phone}</a>
          </dd>
          <dt>Days</dt>
          <dd>
            {entry.fromDate} to {entry.toDate}
          </dd>
          <dt>Times of day</dt>
          <dd>{entry.times}</dd>
        </dl>
      </section>

      <section className="section" aria-labelledby="offers-heading">
        <h2 id="offers-heading">Offers</h2>
        {offers.length === 0 ? (
          <p className="muted">No time has been offered yet.</p>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Time</th>
                  <th scope="col">Offered</th>
                  <th scope="col">Claim by</th>
                  <th scope="col">What happened</th>
                </tr>
              </thead>
              <tbody>
                {offers.map((offer) => (
                  <tr key={offer.id}>
                    <th scope="row">{offer.start}</th>
                    <td>
                      {offer.offered}
                      <div className="small muted">
                        {offer.byStaff ? "by staff" : "automatically"}
                      </div>
                    </td>
                    <td>{offer.until}</td>
                    <td>{offerStatusLabels[offer.status]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {waiting ? (
        <div className="form-grid">
          <section className="panel" aria-labelledby="offer-heading">
            <h2 id="offer-heading">Offer a time</h2>
            {freeTimes.length === 0 ? (
              <p className="muted">No free time on their days can be booked online right now.</p>
            ) : (
              <Form method="post" className="form" {...getFormProps(offerForm)}>
                <FormErrors id={offerForm.errorId} errors={offerForm.errors} />
                <input type="hidden" name="intent" value="offer" />
                <SelectField
                  meta={offerFields.start}
                  label="Free time"
                  hint="Emails them a link to claim it, in place of any offer still open."
                  options={freeTimes}
                />
                <div className="button-row">
                  <SubmitButton className="button button--primary">Offer this time</SubmitButton>
                </div>
              </Form>
            )}
          </section>

          <section className="panel" aria-labelledby="edit-heading">
            <h2 id="edit-heading">Change the request</h2>
            <Form method="post" className="form" {...getFormProps(editForm)}>
              <FormErrors id={editForm.errorId} errors={editForm.errors} />
              <input type="hidden" name="intent" value="update" />
              <SelectField
                meta={editFields.practitionerId}
                label="Practitioner"
                options={[
                  { value: "any", label: "Anyone" },
                  ...practitioners.map((p) => ({ value: p.id, label: p.name })),
                ]}
              />
              <TextField meta={editFields.fromDate} label="First day" type="date" />
              <TextField meta={editFields.toDate} label="Last day" type="date" />
              <fieldset className="field" aria-describedby={editFields.timesOfDay.errorId}>
                <legend>Times of day</legend>
                {timesOfDay.map((time) => (
                  <div className="checkbox" key={time}>
                    <input
                      type="checkbox"
                      id={`${editFields.timesOfDay.id}-${time}`}
                      name={editFields.timesOfDay.name}
                      value={time}
                      defaultChecked={chosenTimes.includes(time)}
                    />
                    <label htmlFor={`${editFields.timesOfDay.id}-${time}`}>
                      {TIME_OF_DAY_LABELS[time]}
                    </label>
                  </div>
                ))}
                <FieldErrors
                  id={editFields.timesOfDay.errorId}
                  errors={editFields.timesOfDay.errors}
                />
              </fieldset>
              <TextField meta={editFields.name} label="Name" />
              <TextField meta={editFields.email} label="Email" type="email" />
              <TextField meta={editFields.phone} label="Phone" />
              <div className="button-row">
                <SubmitButton className="button button--primary">Save changes</SubmitButton>
              </div>
            </Form>
          </section>

          <section className="panel panel--danger" aria-labelledby="remove-heading">
            <h2 id="remove-heading">Take off the waitlist</h2>
            <p>No more times will be offered; an offer still open stops working.</p>
            {actionData?.form === "remove" ? <FormErrors errors={[actionData.error]} /> : null}
            <Form method="post">
              <input type="hidden" name="intent" value="remove" />
              <SubmitButton className="button button--danger">
                Remove from the waitlist
              </SubmitButton>
            </Form>
          </section>
        </div>
      ) : null}
    </>
  );
}

export { ErrorBoundary } from "../components/staff-error-boundary";
