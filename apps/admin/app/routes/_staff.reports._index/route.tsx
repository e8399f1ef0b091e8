import { formatMoney, longDateLabel } from "@clinic/domain";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { BarChart } from "../../components/bar-chart";
import { FieldErrors } from "../../components/field-errors";
import { FilterActions, FilterDateField } from "../../components/filter-actions";
import { todayIn } from "../../formatting/clinic-time";
import { pageMeta } from "../../formatting/page-title";
import { exportNotices } from "../../server/csv-download.server";
import { noticeFrom } from "../../server/notices.server";
import { requireStaffWith } from "../../server/staff-access.server";
import { readReportParams } from "./report-params";

export const meta: MetaFunction = ({ error }) => pageMeta(error, "Reports");

export async function loader({ request }: LoaderFunctionArgs) {
  const { api } = await requireStaffWith(request, "reports.read");
  const settings = await api.settings.get.query();
  const params = readReportParams(new URL(request.url).searchParams, todayIn(settings.timeZone));
  const [report, practitioners] = await Promise.all([
    params.input ? api.reports.practice.query(params.input) : null,
    api.practitioners.staffList.query(),
  ]);
  return {
    values: params.values,
    errors: params.errors,
    report,
    currency: settings.currency,
    practitioners: practitioners.map((p) => ({ value: p.id, label: p.name })),
    notice: noticeFrom(request, exportNotices),
  };
}

const periodLabels: Record<string, string> = {
  week: "Week (Monday to Sunday)",
  month: "Calendar month",
  custom: "Custom dates",
};

const channelLabels: Record<string, string> = {
  online: "Online (the patient)",
  staff: "Staff (desk or phone)",
  unrecorded: "Not recorded",
};

const hours = (minutes: number) =>
  (minutes / 60).toLocaleString("en-AU", { maximumFractionDigits: 1 });
const percent = (value: number | null) =>
  value === null ? "–" : `${(value * 100).toLocaleString("en-AU", { maximumFractionDigits: 1 })}%`;

export default function Reports() {
  const { values, errors, report, currency, practitioners, notice } =
    useLoaderData<typeof loader>();
  const money = (cents: number) => formatMoney(cents, currency);

  return (
    <>
      <div className="page-heading">
        <h1>Reports</h1>
        <p className="lede">
          How busy each practitioner was, who didn't come, and what the period earned.
        </p>
      </div>
      {notice ? (
        <div className="warning" role="alert">
          <p>{notice}</p>
        </div>
      ) : null}

      <Form method="get" className="filters" aria-label="Report period">
        <div className="field">
          <label htmlFor="report-period">Period</label>
          <select
            id="report-period"
            name="period"
            defaultValue={values.period}
            aria-invalid={errors.period ? true : undefined}
            aria-describedby={errors.period ? "report-period-error" : undefined}
          >
            {Object.entries(periodLabels).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
          <FieldErrors
            id="report-period-error"
            errors={errors.period ? [errors.period] : undefined}
          />
        </div>
        <FilterDateField
          id="report-from"
          name="from"
          label="Day in the period (first day if custom)"
          value={values.from}
          error={errors.from}
        />
        <FilterDateField
          id="report-to"
          name="to"
          label="Last day (custom only)"
          value={values.to}
          error={errors.to}
        />
        <div className="field">
          <label htmlFor="report-practitioner">Practitioner</label>
          <select
            id="report-practitioner"
            name="practitioner"
            defaultValue={values.practitioner}
            aria-invalid={errors.practitioner ? true : undefined}
            aria-describedby={errors.practitioner ? "report-practitioner-error" : undefined}
          >
            <option value="">Everyone</option>
            {practitioners.map((p) => (
              <option key={p.value} value={p.value}>
                {p.label}
              </option>
            ))}
          </select>
          <FieldErrors
            id="report-practitioner-error"
            errors={errors.practitioner ? [errors.practitioner] : undefined}
          />
        </div>
        <FilterActions clearTo="/reports" submitLabel="Show report" clearLabel="This month" />
      </Form>

      {report === null ? null : (
        <>
          <div className="list-summary">
            <p role="status">
              {longDateLabel(report.from)} to {longDateLabel(report.to)}, in the clinic's time (
              {report.timeZone}).
            </p>
            <form method="post" action="/reports/export" className="button-row">
              {Object.entries(values).map(([name, value]) =>
                value ? <input key={name} type="hidden" name={name} value={value} /> : null,
              )}
              <button type="submit" className="button button--quiet">
                Download CSV
              </button>
            </form>
          </div>

          <section className="section" aria-labelledby="report-table-heading">
            <h2 id="report-table-heading">By practitioner</h2>
            <div className="table-wrap">
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">Practitioner</th>
                    <th scope="col" className="table__number">
                      Available hours
                    </th>
                    <th scope="col" className="table__number">
                      Booked hours
                    </th>
                    <th scope="col" className="table__number">
                      Utilisation
                    </th>
                    <th scope="col" className="table__number">
                      Bookings
                    </th>
                    <th scope="col" className="table__number">
                      No-shows
                    </th>
                    <th scope="col" className="table__number">
                      Late cancellations
                    </th>
                    <th scope="col" className="table__number">
                      New patients
                    </th>
                    <th scope="col" className="table__number">
                      Returning patients
                    </th>
                    <th scope="col" className="table__number">
                      Estimated revenue
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {report.practitioners.map((row) => (
                    <FiguresRow
                      key={row.practitioner.id}
                      name={row.practitioner.name}
                      figures={row}
                      money={money}
                    />
                  ))}
                </tbody>
                {report.practitionerId === null ? (
                  <tfoot>
                    <FiguresRow name="All practitioners" figures={report.total} money={money} />
                  </tfoot>
                ) : null}
              </table>
            </div>
          </section>

          <div className="dashboard-grid">
            <div className="panel">
              <BarChart
                title="Utilisation (%)"
                summary={`Booked hours as a share of working hours: ${percent(report.total.utilisation)} in all.`}
                valueLabel="Utilisation (%)"
                bars={report.practitioners.map((r) => ({
                  label: r.practitioner.name.split(" ")[0] ?? r.practitioner.name,
                  description: r.practitioner.name,
                  value: Math.round((r.utilisation ?? 0) * 100),
                }))}
              />
            </div>
            <div className="panel">
              <BarChart
                title="Bookings by service"
                summary={`${report.byService.reduce((s, x) => s + x.bookings, 0)} bookings (not cancelled) across ${report.byService.length} services.`}
                valueLabel="Bookings"
                bars={report.byService.map((s) => ({
                  label: s.name.length > 12 ? `${s.name.slice(0, 11)}…` : s.name,
                  description: `${s.name} (${money(s.revenueCents)} estimated)`,
                  value: s.bookings,
                }))}
              />
            </div>
            <div className="panel">
              <BarChart
                title="Bookings by channel"
                summary={report.byChannel
                  .map((c) => `${channelLabels[c.channel]}: ${c.bookings}`)
                  .join("; ")}
                valueLabel="Bookings"
                bars={report.byChannel.map((c) => ({
                  label:
                    c.channel === "unrecorded"
                      ? "Unrecorded"
                      : c.channel === "online"
                        ? "Online"
                        : "Staff",
                  description: channelLabels[c.channel] ?? c.channel,
                  value: c.bookings,
                }))}
              />
            </div>
          </div>

          <section className="section" aria-labelledby="report-plans-heading">
            <h2 id="report-plans-heading">Treatment plans</h2>
            <dl className="description-list">
              <dt>Plans started</dt>
              <dd>{report.treatmentPlans.started}</dd>
              <dt>Bookings in a plan</dt>
              <dd>
                {report.treatmentPlans.bookings}
                {report.treatmentPlans.share === null
                  ? ""
                  : ` (${Math.round(report.treatmentPlans.share * 100)}% of bookings not cancelled)`}
              </dd>
            </dl>
          </section>

          <section className="section" aria-labelledby="report-terms-heading">
            <h2 id="report-terms-heading">How these are counted</h2>
            <dl className="definitions">
              <dt>Available hours</dt>
              <dd>
                Each practitioner's current weekly hours on the days in the period, less their time
                off and clinic closures, in real hours (a daylight-saving day counts one more or
                less).
              </dd>
              <dt>Booked hours and utilisation</dt>
              <dd>
                Appointment time (without buffers) of bookings starting in the period that weren't
                cancelled, no-shows included; utilisation is booked ÷ available hours.
              </dd>
              <dt>No-shows and late cancellations</dt>
              <dd>
                Rates are out of every booking starting in the period. A late cancellation was
                cancelled less than {report.cancellationWindowHours} hours (the clinic's
                cancellation window) before the start.
              </dd>
              <dt>New and returning patients</dt>
              <dd>
                Patients with a booking in the period that wasn't cancelled; new ones had their
                first such booking ever in the period.
              </dd>
              <dt>Channel</dt>
              <dd>
                Online: the patient booked on the website. Staff: someone signed in to the admin
                booked it (at the desk or over the phone; the system doesn't record which). Not
                recorded: bookings without a history of who made them (imported or demo data).
              </dd>
              <dt>Treatment plans</dt>
              <dd>
                A plan started in the period when its first appointment did. Bookings in a plan are
                those starting in the period that belong to one and weren't cancelled.
              </dd>
              <dt>Estimated revenue</dt>
              <dd>
                Each service's current price for completed bookings and confirmed ones that have
                ended; no-shows, cancellations and bookings still to come count nothing.
              </dd>
            </dl>
          </section>
        </>
      )}
    </>
  );
}

type Figures = {
  availableMinutes: number;
  bookedMinutes: number;
  utilisation: number | null;
  bookings: number;
  noShows: number;
  noShowRate: number | null;
  lateCancellations: number;
  lateCancellationRate: number | null;
  newPatients: number;
  returningPatients: number;
  revenueCents: number;
};

function FiguresRow({
  name,
  figures: f,
  money,
}: {
  name: string;
  figures: Figures;
  money: (cents: number) => string;
}) {
  return (
    <tr>
      <th scope="row">{name}</th>
      <td className="table__number">{hours(f.availableMinutes)}</td>
      <td className="table__number">{hours(f.bookedMinutes)}</td>
      <td className="table__number">{percent(f.utilisation)}</td>
      <td className="table__number">{f.bookings}</td>
      <td className="table__number">
        {f.noShows} ({percent(f.noShowRate)})
      </td>
      <td className="table__number">
        {f.lateCancellations} ({percent(f.lateCancellationRate)})
      </td>
      <td className="table__number">{f.newPatients}</td>
      <td className="table__number">{f.returningPatients}</td>
      <td className="table__number">{money(f.revenueCents)}</td>
    </tr>
  );
}

export { ErrorBoundary } from "../../components/staff-error-boundary";
