import { bookingStatuses, can, MAX_EXPORT_ROWS } from "@clinic/domain";
import { PaginationNav } from "@clinic/form-kit";
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { BookingStatusBadge, bookingStatusLabels } from "../../components/booking-status";
import { FieldErrors } from "../../components/field-errors";
import { FilterActions, FilterDateField } from "../../components/filter-actions";
import { formatIn, timeRangeLabel, todayIn } from "../../formatting/clinic-time";
import { countLabel } from "../../formatting/count-label";
import { pageMeta } from "../../formatting/page-title";
import { exportNotices } from "../../server/csv-download.server";
import { noticeFrom } from "../../server/notices.server";
import { requireStaffWith } from "../../server/staff-access.server";
import contentStylesUrl from "../../styles/content-admin.css?url";
import {
  type BookingsListValues,
  bookingsListHref,
  readBookingsListParams,
} from "./bookings-params";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: contentStylesUrl }];
export const meta: MetaFunction = ({ error }) => pageMeta(error, "Bookings");

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, api } = await requireStaffWith(request, "bookings.read");
  const settings = await api.settings.get.query();
  const tz = settings.timeZone;
  const params = readBookingsListParams(new URL(request.url).searchParams, todayIn(tz));
  const [result, practitioners, services] = await Promise.all([
    params.filter ? api.bookings.search.query({ ...params.filter, page: params.page }) : null,
    api.practitioners.staffList.query(),
    api.services.staffList.query(),
  ]);
  return {
    values: params.values,
    errors: params.errors,
    page: params.page,
    pageCount: result?.pageCount ?? 1,
    total: result?.total ?? null,
    bookings: (result?.items ?? []).map((b) => ({
      id: b.id,
      date: formatIn(b.startsAt, tz, "EEE d MMM yyyy"),
      time: timeRangeLabel(b.startsAt, b.endsAt, tz),
      status: b.status,
      practitioner: b.practitioner.name,
      service: b.service.name,
      patient: b.patient.erased ? "Erased patient" : b.patient.name,
      patientId: b.patient.id,
      contact: b.patient.erased
        ? ""
        : [b.patient.email, b.patient.phone].filter(Boolean).join(" · "),
    })),
    practitioners: practitioners.map((p) => ({ value: p.id, label: p.name })),
    services: services.map((s) => ({ value: s.id, label: s.name })),
    mayExport: can(user.role, "lists.export"),
    notice: noticeFrom(request, exportNotices),
  };
}

export default function BookingsList() {
  const {
    values,
    errors,
    page,
    pageCount,
    total,
    bookings,
    practitioners,
    services,
    mayExport,
    notice,
  } = useLoaderData<typeof loader>();
  const filtered = Boolean(
    values.practitioner || values.service || values.status || values.patient || values.q,
  );
  const patientName = values.patient ? bookings[0]?.patient : undefined;
  return (
    <>
      <div className="page-heading">
        <h1>Bookings</h1>
        <p className="lede">
          Every booking by start time, in the clinic's time zone. Open one to see its details.
        </p>
      </div>
      {notice ? (
        <div className="warning" role="alert">
          <p>{notice}</p>
        </div>
      ) : null}
      <Form method="get" className="filters" aria-label="Filter bookings">
        <FilterDateField
          id="bookings-from"
          name="from"
          label="From"
          value={values.from}
          error={errors.from}
        />
        <FilterDateField
          id="bookings-to"
          name="to"
          label="To"
          value={values.to}
          error={errors.to}
        />
        <ChoiceField
          name="practitioner"
          label="Practitioner"
          anyLabel="Everyone"
          options={practitioners}
          values={values}
          errors={errors}
        />
        <ChoiceField
          name="service"
          label="Service"
          anyLabel="All services"
          options={services}
          values={values}
          errors={errors}
        />
        <ChoiceField
          name="status"
          label="Status"
          anyLabel="Any status"
          options={bookingStatuses.map((s) => ({ value: s, label: bookingStatusLabels[s] }))}
          values={values}
          errors={errors}
        />
        <div className="field">
          <label htmlFor="bookings-q">Patient name, email or phone</label>
          <input
            id="bookings-q"
            type="search"
            name="q"
            defaultValue={values.q}
            maxLength={100}
            aria-invalid={errors.q ? true : undefined}
            aria-describedby={errors.q ? "bookings-q-error" : undefined}
          />
          <FieldErrors id="bookings-q-error" errors={errors.q ? [errors.q] : undefined} />
        </div>
        {values.patient ? <input type="hidden" name="patient" value={values.patient} /> : null}
        <FilterActions clearTo="/bookings" submitLabel="Show bookings" />
      </Form>
      {values.patient ? (
        <p>
          {errors.patient ? (
            <span className="form-error">{errors.patient} </span>
          ) : (
            <>One patient's bookings{patientName ? `: ${patientName}` : ""}. </>
          )}
          <Link to={bookingsListHref({ ...values, patient: "" })}>Show every patient</Link>
        </p>
      ) : null}
      {total === null ? null : (
        <div className="list-summary">
          <p role="status">
            {total === 0
              ? filtered
                ? "No bookings match these filters."
                : "No bookings in these dates."
              : `${countLabel(total, "booking", "bookings")}.`}
          </p>
          {mayExport && total > 0 ? (
            total > MAX_EXPORT_ROWS ? (
              <p className="muted">
                Exports hold at most {MAX_EXPORT_ROWS.toLocaleString("en-AU")} rows: narrow the
                filters to download these as CSV.
              </p>
            ) : (
              // A plain form: the browser saves the answer instead of Remix reading it.
              <form method="post" action="/bookings/export" className="button-row">
                {Object.entries(values).map(([name, value]) =>
                  value ? <input key={name} type="hidden" name={name} value={value} /> : null,
                )}
                <button type="submit" className="button button--quiet">
                  Download CSV
                </button>
              </form>
            )
          ) : null}
        </div>
      )}
      {bookings.length > 0 ? (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">
              Bookings, page {page} of {pageCount}
            </caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Patient</th>
                <th scope="col">Practitioner</th>
                <th scope="col">Service</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {bookings.map((b) => (
                <tr key={b.id}>
                  <th scope="row">
                    <Link to={`/bookings/${b.id}`}>
                      {b.date}, {b.time}
                    </Link>
                  </th>
                  <td>
                    {b.patient}
                    {b.contact ? <div className="small muted">{b.contact}</div> : null}
                  </td>
                  <td>{b.practitioner}</td>
                  <td>{b.service}</td>
                  <td>
                    <BookingStatusBadge status={b.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <PaginationNav
        page={page}
        pageCount={pageCount}
        href={(p) => bookingsListHref(values, p)}
        previousLabel="Earlier bookings"
        nextLabel="Later bookings"
        linkClassName="button button--quiet button--small"
        label="Bookings pages"
      />
    </>
  );
}

type FieldProps = {
  name: keyof BookingsListValues;
  label: string;
  values: BookingsListValues;
  errors: Partial<Record<keyof BookingsListValues, string>>;
};

function ChoiceField({
  name,
  label,
  anyLabel,
  options,
  values,
  errors,
}: FieldProps & { anyLabel: string; options: readonly { value: string; label: string }[] }) {
  const id = `bookings-${name}`;
  const error = errors[name];
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        name={name}
        defaultValue={values[name]}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      >
        <option value="">{anyLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldErrors id={`${id}-error`} errors={error ? [error] : undefined} />
    </div>
  );
}

export { ErrorBoundary } from "../../components/staff-error-boundary";
