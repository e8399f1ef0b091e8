import { longDateLabel, weekdayNames } from "@clinic/domain";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrors } from "../../components/field-errors";
import { NoticeBanner } from "../../components/notice-banner";
import { OrphanList, toOrphans } from "../../components/orphan-list";
import {
  RemovalConfirmation,
  ScheduleEntryForm,
  ScheduleEntryTable,
} from "../../components/schedule-entries";
import { pageMeta } from "../../formatting/page-title";
import { describeDay, orphanHeadline } from "../../formatting/schedule-changes-display";
import { timeOffFormSchema } from "../../forms/time-off-form";
import { requireStaffAction, requireStaffWith } from "../../server/staff-access.server";
import { BookableTimes } from "./bookable-times";
import { HoursEditor } from "./hours-editor";
import { loadSchedule, scheduleAction } from "./schedule.server";

export const meta: MetaFunction<typeof loader> = ({ data, error }) =>
  pageMeta(error, data ? `Schedule: ${data.schedule.practitioner.name}` : "Schedule");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const staff = await requireStaffWith(request, "schedules.read");
  return loadSchedule(staff, request, params);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const staff = await requireStaffAction(request, "schedules.write");
  return scheduleAction(staff, request, params);
}

export default function PractitionerSchedule() {
  const { schedule, preview, removing, notice } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { timeZone, practitioner, weeklyHours, timeOff, canEdit } = schedule;
  const here = `/schedules/${practitioner.id}`;
  const shownPreview = (actionData?.form === "hours" ? actionData.preview : null) ?? preview;
  const outside = toOrphans(preview.orphans);

  return (
    <>
      <div className="page-heading">
        <p className="muted">
          <Link to="/schedules">All schedules</Link>
        </p>
        <h1>Schedule: {practitioner.name}</h1>
        <p className="lede">
          Working hours and time off, on the clinic's clock ({timeZone}).
          {canEdit
            ? ""
            : " You can view this schedule; only the owner or the practitioner can change it."}
        </p>
      </div>
      <NoticeBanner message={notice} />
      {actionData?.form === "remove" ? <FormErrors errors={[actionData.error]} /> : null}

      {outside.length > 0 ? (
        <section className="warning" aria-labelledby="outside-heading">
          <h2 id="outside-heading">
            {orphanHeadline(outside.length, "outside these working hours")}
          </h2>
          <p>These bookings stay as they are. Move or cancel them with the patient if needed.</p>
          <OrphanList orphans={outside} timeZone={timeZone} />
        </section>
      ) : null}

      <section className="panel" aria-labelledby="hours-heading">
        <h2 id="hours-heading">Weekly hours</h2>
        {canEdit ? (
          <HoursEditor stored={weeklyHours} here={here} timeZone={timeZone} />
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Day</th>
                <th scope="col">Hours</th>
              </tr>
            </thead>
            <tbody>
              {weekdayNames.map((name, index) => (
                <tr key={name}>
                  <th scope="row">{name}</th>
                  <td>{describeDay(weeklyHours, index + 1)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <BookableTimes
        preview={shownPreview}
        proposed={shownPreview !== preview}
        timeZone={timeZone}
      />

      <section className="panel" aria-labelledby="time-off-heading">
        <h2 id="time-off-heading">Time off</h2>
        {timeOff.length === 0 ? (
          <p className="muted">No time off coming up.</p>
        ) : (
          <ScheduleEntryTable
            entries={timeOff.map((t) => ({
              id: t.id,
              when: describeTimeOff(t),
              reason: t.reason || <span className="muted">None given</span>,
            }))}
            whenHeading="When"
            removable={canEdit}
            removeHref={(id) => `${here}?removeTimeOff=${id}#time-off-heading`}
            removeLabel={(when) => `Remove time off: ${when}`}
          />
        )}
        {removing ? (
          <RemovalConfirmation
            headingId="remove-heading"
            heading="Remove this time off?"
            intent="remove-time-off"
            id={removing.id}
            submitLabel="Remove time off"
            keepTo={here}
          >
            {describeTimeOff(removing)}
            {removing.reason ? ` (${removing.reason})` : ""}. Patients will be able to book those
            times again.
          </RemovalConfirmation>
        ) : null}
        {canEdit ? (
          <ScheduleEntryForm
            id="time-off"
            heading="Add time off"
            intent="time-off"
            schema={timeOffFormSchema}
            lastResult={actionData?.form === "time-off" ? actionData.reply : undefined}
            orphans={actionData?.form === "time-off" ? actionData.orphans : undefined}
            timeZone={timeZone}
            withTimes
            where="within this time off"
            note="Nothing has been saved yet. Adding time off never cancels bookings: they stay, and you contact the patients."
            confirmLabel="Add time off anyway"
            reasonLabel="Reason (optional, staff only)"
            submitLabel="Add time off"
          />
        ) : null}
      </section>
    </>
  );
}

function describeTimeOff(t: {
  startDate: string;
  endDate: string;
  startTime: string | null;
  endTime: string | null;
}): string {
  if (t.startTime === null || t.endTime === null) {
    return t.startDate === t.endDate
      ? `${longDateLabel(t.startDate)} (all day)`
      : `${longDateLabel(t.startDate)} to ${longDateLabel(t.endDate)} (all day)`;
  }
  return t.startDate === t.endDate
    ? `${longDateLabel(t.startDate)}, ${t.startTime}–${t.endTime}`
    : `${longDateLabel(t.startDate)} ${t.startTime} to ${longDateLabel(t.endDate)} ${t.endTime}`;
}

export { ErrorBoundary } from "../../components/staff-error-boundary";
