import { longDateLabel, weekdayNames } from "@clinic/domain";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrors } from "../../components/field-errors";
import { NoticeBanner } from "../../components/notice-banner";
import {
  RemovalConfirmation,
  ScheduleEntryForm,
  ScheduleEntryTable,
} from "../../components/schedule-entries";
import { pageMeta } from "../../formatting/page-title";
import { describeDay } from "../../formatting/schedule-changes-display";
import { closureErrors, closureFormSchema } from "../../forms/closure-form";
import { requireStaffAction, requireStaffWith } from "../../server/staff-access.server";
import { PublicHolidays } from "./public-holidays";
import { loadSchedules, schedulesAction } from "./schedules.server";

export const meta: MetaFunction = ({ error }) => pageMeta(error, "Schedules");

export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireStaffWith(request, "schedules.read");
  return loadSchedules(staff, request);
}

export async function action({ request }: ActionFunctionArgs) {
  const staff = await requireStaffAction(request, "closures.write");
  return schedulesAction(staff, request);
}

function closureDates(c: { startDate: string; endDate: string }): string {
  return c.startDate === c.endDate
    ? longDateLabel(c.startDate)
    : `${longDateLabel(c.startDate)} to ${longDateLabel(c.endDate)}`;
}

export default function Schedules() {
  const { timeZone, schedules, closures, holidays, mayEditClosures, removing, notice } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <div className="page-heading">
        <h1>Schedules</h1>
        <p className="lede">
          Each practitioner's weekly hours and time off, and the days the clinic is closed.
        </p>
      </div>
      <NoticeBanner message={notice} />
      {actionData?.form === "remove" ? <FormErrors errors={[actionData.error]} /> : null}

      <section aria-labelledby="practitioners-heading">
        <h2 id="practitioners-heading">Practitioners</h2>
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Practitioner</th>
                {weekdayNames.map((name) => (
                  <th key={name} scope="col">
                    <abbr title={name}>{name.slice(0, 3)}</abbr>
                  </th>
                ))}
                <th scope="col" className="table__number">
                  Time off ahead
                </th>
              </tr>
            </thead>
            <tbody>
              {schedules.map((s) => (
                <tr key={s.practitioner.id}>
                  <th scope="row">
                    <Link to={`/schedules/${s.practitioner.id}`}>
                      {s.canEdit ? "Edit" : "View"}
                      <span className="visually-hidden"> schedule of</span> {s.practitioner.name}
                    </Link>
                  </th>
                  {weekdayNames.map((name, index) => (
                    <td key={name} className="pre-line">
                      {describeDay(s.weeklyHours, index + 1).replaceAll(", ", "\n")}
                    </td>
                  ))}
                  <td className="table__number">{s.upcomingTimeOff}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section className="section panel" aria-labelledby="closures-heading">
        <h2 id="closures-heading">Clinic closures</h2>
        <p className="muted">Public holidays and other days nobody can be booked.</p>
        {closures.length === 0 ? (
          <p>No closures coming up.</p>
        ) : (
          <ScheduleEntryTable
            entries={closures.map((c) => ({ id: c.id, when: closureDates(c), reason: c.reason }))}
            whenHeading="Dates"
            removable={mayEditClosures}
            removeHref={(id) => `/schedules?removeClosure=${id}#closures-heading`}
            removeLabel={(when) => `Remove closure: ${when}`}
          />
        )}
        {removing ? (
          <RemovalConfirmation
            headingId="remove-closure-heading"
            heading="Reopen the clinic on these days?"
            intent="remove-closure"
            id={removing.id}
            submitLabel="Remove closure"
            keepTo="/schedules"
          >
            {closureDates(removing)} ({removing.reason}). Patients will be able to book those days
            again.
          </RemovalConfirmation>
        ) : null}
        <PublicHolidays
          region={holidays.region}
          holidays={holidays.holidays}
          mayAccept={mayEditClosures}
          refusal={actionData?.form === "holiday" ? actionData : null}
          timeZone={timeZone}
        />
        {mayEditClosures ? (
          <ScheduleEntryForm
            id="closure"
            heading="Add a closure"
            intent="closure"
            schema={closureFormSchema}
            error={closureErrors}
            lastResult={actionData?.form === "closure" ? actionData.reply : undefined}
            orphans={actionData?.form === "closure" ? actionData.orphans : undefined}
            timeZone={timeZone}
            where="within this closure"
            note="Nothing has been saved yet. A closure never cancels bookings: they stay, and you contact the patients."
            confirmLabel="Close the clinic anyway"
            showPractitioner
            reasonLabel="Reason (patients see it on the site)"
            submitLabel="Add closure"
          />
        ) : null}
      </section>
    </>
  );
}

export { ErrorBoundary } from "../../components/staff-error-boundary";
