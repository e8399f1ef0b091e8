import { isApiError } from "@clinic/api-client";
import { type WorkingHoursRange, weekdayNames } from "@clinic/domain";
import { getFormProps, getInputProps, type SubmissionResult, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { FieldErrors, FormErrors } from "../components/field-errors";
import { NoticeBanner } from "../components/notice-banner";
import { OrphanList, toOrphans } from "../components/orphan-list";
import { RouteError } from "../components/route-error";
import { longDateLabel, shortDateLabel, timeLabel } from "../formatting/clinic-time";
import { pageTitle } from "../formatting/page-title";
import {
  describeDay,
  orphanHeadline,
  weeklyHoursDiff,
} from "../formatting/schedule-changes-display";
import { timeOffFormSchema, timeOffInput } from "../forms/time-off-form";
import {
  formFromRanges,
  nextRangeDefaults,
  rangesFromForm,
  weeklyHoursFormSchema,
} from "../forms/weekly-hours-form";
import { createApi } from "../server/api.server";
import { requireSameOrigin } from "../server/csrf.server";
import { noticeFrom, withNotice } from "../server/notices.server";
import { requireStaff } from "../server/session.server";

const notices = {
  "hours-saved": "Working hours saved.",
  "hours-saved-outside":
    "Working hours saved. Bookings outside them are listed below: contact those patients.",
  "time-off-added": "Time off added.",
  "time-off-added-outside": "Time off added. It covers existing bookings: contact those patients.",
  "time-off-removed": "Time off removed.",
} as const;

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: pageTitle(data ? `Schedule: ${data.schedule.practitioner.name}` : "Schedule") },
];

function notFound(): never {
  throw new Response("Practitioner not found", { status: 404 });
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { token } = await requireStaff(request);
  const api = createApi(token);
  const practitionerId = params.practitionerId ?? "";
  if (!z.uuid().safeParse(practitionerId).success) notFound();
  try {
    const schedule = await api.schedules.get.query({ practitionerId });
    // The stored week, previewed: its bookable times, and confirmed bookings already outside it.
    const preview = await api.schedules.preview.query({
      practitionerId,
      ranges: schedule.weeklyHours,
    });
    const removeId = new URL(request.url).searchParams.get("removeTimeOff");
    return {
      schedule,
      preview,
      removing: schedule.canEdit ? (schedule.timeOff.find((t) => t.id === removeId) ?? null) : null,
      notice: noticeFrom(request, notices),
    };
  } catch (error) {
    if (isApiError(error, "NOT_FOUND")) notFound();
    throw error;
  }
}

type Preview = Awaited<ReturnType<typeof loader>>["preview"];
type ActionData =
  | {
      form: "hours";
      reply: SubmissionResult<string[]>;
      preview?: Preview;
      /** Set when saving was refused because bookings fall outside the proposed hours. */
      needsConfirmation?: boolean;
      proposed?: WorkingHoursRange[];
    }
  | {
      form: "time-off";
      reply: SubmissionResult<string[]>;
      orphans?: Preview["orphans"];
    }
  | { form: "remove"; error: string };

export async function action({ request, params }: ActionFunctionArgs) {
  const { token } = await requireStaff(request);
  requireSameOrigin(request);
  const api = createApi(token);
  const practitionerId = params.practitionerId ?? "";
  if (!z.uuid().safeParse(practitionerId).success) notFound();
  const here = `/schedules/${practitionerId}`;
  const formData = await request.formData();
  const form = formData.get("form");

  if (form === "hours") {
    const submission = parseWithZod(formData, { schema: weeklyHoursFormSchema });
    // "Add range" / "Remove" without JavaScript: the reply carries the changed rows.
    if (submission.status !== "success") {
      return data<ActionData>(
        { form: "hours", reply: submission.reply() },
        { status: submission.status === "error" ? 400 : 200 },
      );
    }
    const ranges = rangesFromForm(submission.value);
    if (formData.get("step") === "preview") {
      const preview = await api.schedules.preview.query({ practitionerId, ranges });
      return data<ActionData>({
        form: "hours",
        reply: submission.reply(),
        preview,
        proposed: ranges,
      });
    }
    try {
      const saved = await api.schedules.setWeeklyHours.mutate({
        practitionerId,
        ranges,
        confirmOrphans: submission.value.confirmOrphans,
      });
      throw redirect(
        withNotice(here, saved.orphans.length > 0 ? "hours-saved-outside" : "hours-saved"),
      );
    } catch (error) {
      if (isApiError(error, "PRECONDITION_FAILED")) {
        const preview = await api.schedules.preview.query({ practitionerId, ranges });
        return data<ActionData>(
          {
            form: "hours",
            reply: submission.reply(),
            preview,
            needsConfirmation: true,
            proposed: ranges,
          },
          { status: 409 },
        );
      }
      if (isApiError(error, "BAD_REQUEST") || isApiError(error, "FORBIDDEN")) {
        return data<ActionData>(
          { form: "hours", reply: submission.reply({ formErrors: [error.message] }) },
          { status: 400 },
        );
      }
      throw error;
    }
  }

  if (form === "time-off") {
    const submission = parseWithZod(formData, { schema: timeOffFormSchema });
    if (submission.status !== "success") {
      return data<ActionData>({ form: "time-off", reply: submission.reply() }, { status: 400 });
    }
    const parsed = timeOffInput(practitionerId, submission.value);
    if (!parsed.ok) {
      return data<ActionData>(
        { form: "time-off", reply: submission.reply({ fieldErrors: parsed.fieldErrors }) },
        { status: 400 },
      );
    }
    try {
      const added = await api.schedules.addTimeOff.mutate(parsed.input);
      throw redirect(
        withNotice(here, added.orphans.length > 0 ? "time-off-added-outside" : "time-off-added"),
      );
    } catch (error) {
      if (isApiError(error, "PRECONDITION_FAILED")) {
        const { confirmOrphans: _, ...span } = parsed.input;
        const { orphans } = await api.schedules.previewTimeOff.query(span);
        return data<ActionData>(
          { form: "time-off", reply: submission.reply(), orphans },
          { status: 409 },
        );
      }
      if (isApiError(error, "BAD_REQUEST") || isApiError(error, "FORBIDDEN")) {
        return data<ActionData>(
          { form: "time-off", reply: submission.reply({ formErrors: [error.message] }) },
          { status: 400 },
        );
      }
      throw error;
    }
  }

  if (form === "remove-time-off") {
    const id = String(formData.get("id") ?? "");
    if (!z.uuid().safeParse(id).success)
      return data<ActionData>(
        { form: "remove", error: "Choose time off to remove." },
        { status: 400 },
      );
    try {
      await api.schedules.removeTimeOff.mutate({ id });
    } catch (error) {
      if (isApiError(error, "NOT_FOUND") || isApiError(error, "FORBIDDEN")) {
        return data<ActionData>({ form: "remove", error: error.message }, { status: 400 });
      }
      throw error;
    }
    throw redirect(withNotice(here, "time-off-removed"));
  }

  throw new Response("Unknown form", { status: 400 });
}

export default function PractitionerSchedule() {
  const { schedule, preview, removing, notice } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { timeZone, practitioner, weeklyHours, timeOff, canEdit } = schedule;
  const here = `/schedules/${practitioner.id}`;
  const shownPreview =
    actionData?.form === "hours" && actionData.preview ? actionData.preview : preview;
  const previewIsProposal = shownPreview !== preview;
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
          <h2 id="outside-heading">{orphanHeadline(outside.length, "these working hours")}</h2>
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

      <section className="panel" aria-labelledby="preview-heading">
        <h2 id="preview-heading">
          {previewIsProposal ? "Bookable times with the proposed hours" : "Bookable times"}, next
          two weeks
        </h2>
        <p className="muted">
          What patients could book online, probed with a {shownPreview.probe.durationMinutes}-minute{" "}
          {shownPreview.probe.name}. Existing bookings, time off and closures are taken into
          account.
        </p>
        <ul className="preview-days">
          {shownPreview.days.map((day) => (
            <li key={day.date}>
              <strong>{shortDateLabel(day.date)}</strong>
              {day.times.length === 0
                ? "No free times"
                : `${day.times.length} ${day.times.length === 1 ? "time" : "times"}, ${timeLabel(day.times[0]!, timeZone)}–${timeLabel(day.times[day.times.length - 1]!, timeZone)}`}
            </li>
          ))}
        </ul>
      </section>

      <section className="panel" aria-labelledby="time-off-heading">
        <h2 id="time-off-heading">Time off</h2>
        {timeOff.length === 0 ? (
          <p className="muted">No time off coming up.</p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Reason</th>
                {canEdit ? (
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {timeOff.map((t) => (
                <tr key={t.id}>
                  <th scope="row">{describeTimeOff(t)}</th>
                  <td>{t.reason || <span className="muted">None given</span>}</td>
                  {canEdit ? (
                    <td>
                      <Link
                        to={`${here}?removeTimeOff=${t.id}#time-off-heading`}
                        aria-label={`Remove time off: ${describeTimeOff(t)}`}
                      >
                        Remove
                      </Link>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {removing ? (
          <Form method="post" className="warning section" aria-labelledby="remove-heading">
            <h3 id="remove-heading">Remove this time off?</h3>
            <p>
              {describeTimeOff(removing)}
              {removing.reason ? ` (${removing.reason})` : ""}. Patients will be able to book those
              times again.
            </p>
            <input type="hidden" name="form" value="remove-time-off" />
            <input type="hidden" name="id" value={removing.id} />
            <div className="actions">
              <button type="submit" className="button button--danger">
                Remove time off
              </button>
              <Link to={here} className="button button--quiet">
                Keep it
              </Link>
            </div>
          </Form>
        ) : null}
        {canEdit ? <TimeOffForm timeZone={timeZone} /> : null}
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

function HoursEditor({
  stored,
  here,
  timeZone,
}: {
  stored: WorkingHoursRange[];
  here: string;
  timeZone: string;
}) {
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const hoursResult = actionData?.form === "hours" ? actionData : null;
  const [form, fields] = useForm({
    id: "weekly-hours",
    lastResult: hoursResult?.reply,
    defaultValue: formFromRanges(stored),
    constraint: getZodConstraint(weeklyHoursFormSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: weeklyHoursFormSchema }),
  });
  const days = fields.days.getFieldList();
  const confirmation =
    hoursResult?.needsConfirmation && hoursResult.preview && hoursResult.proposed
      ? hoursResult
      : null;
  const proposalOrphans =
    hoursResult?.preview && !hoursResult.needsConfirmation ? hoursResult.preview.orphans : [];

  return (
    <Form method="post" {...getFormProps(form)} className="form">
      <input type="hidden" name="form" value="hours" />
      <FormErrors id={form.errorId} errors={form.errors} />

      {confirmation ? (
        <div className="warning" role="alert">
          <h3>{orphanHeadline(confirmation.preview!.orphans.length)}</h3>
          <p>
            Nothing has been saved yet. Saving never moves or cancels bookings: these stay where
            they are, and you contact the patients.
          </p>
          <OrphanList orphans={toOrphans(confirmation.preview!.orphans)} timeZone={timeZone} />
          <table className="table">
            <caption>What changes</caption>
            <thead>
              <tr>
                <th scope="col">Day</th>
                <th scope="col">Now</th>
                <th scope="col">New</th>
              </tr>
            </thead>
            <tbody>
              {weeklyHoursDiff(stored, confirmation.proposed!)
                .filter((d) => d.changed)
                .map((d) => (
                  <tr key={d.weekday} className="diff-changed">
                    <th scope="row">{d.name}</th>
                    <td>{d.before}</td>
                    <td>{d.after}</td>
                  </tr>
                ))}
            </tbody>
          </table>
          <div className="actions section">
            <button
              type="submit"
              name="confirmOrphans"
              value="on"
              className="button button--primary"
            >
              Save anyway and keep these bookings
            </button>
            <Link to={here} className="button button--quiet">
              Go back to the saved hours
            </Link>
          </div>
          <p className="muted">Or change the hours below and save again.</p>
        </div>
      ) : proposalOrphans.length > 0 ? (
        <div className="warning" role="status">
          <p>
            {orphanHeadline(proposalOrphans.length, "the proposed hours")}. Saving will ask you to
            confirm.
          </p>
          <OrphanList orphans={toOrphans(proposalOrphans)} timeZone={timeZone} />
        </div>
      ) : null}

      {days.map((day, d) => {
        const dayFields = day.getFieldset();
        const ranges = dayFields.ranges.getFieldList();
        const name = weekdayNames[d] ?? `Day ${d + 1}`;
        const rangeValues = (dayFields.ranges.value ?? []) as { start?: string; end?: string }[];
        return (
          <fieldset key={day.key} className="hours-day">
            <legend>{name}</legend>
            <input type="hidden" name={dayFields.weekday.name} value={d + 1} />
            <div className="hours-day__rows">
              {ranges.length === 0 ? <p className="muted">Not working</p> : null}
              {ranges.map((range, i) => {
                const r = range.getFieldset();
                const { key: startKey, ...startProps } = getInputProps(r.start, { type: "time" });
                const { key: endKey, ...endProps } = getInputProps(r.end, { type: "time" });
                return (
                  <div key={range.key} className="hours-row">
                    <div className="field">
                      <label htmlFor={r.start.id}>
                        <span className="visually-hidden">
                          {name} range {i + 1}{" "}
                        </span>
                        Start
                      </label>
                      <input key={startKey} {...startProps} />
                      <FieldErrors id={r.start.errorId} errors={r.start.errors} />
                    </div>
                    <div className="field">
                      <label htmlFor={r.end.id}>
                        <span className="visually-hidden">
                          {name} range {i + 1}{" "}
                        </span>
                        End
                      </label>
                      <input key={endKey} {...endProps} />
                      <FieldErrors id={r.end.errorId} errors={r.end.errors} />
                    </div>
                    <button
                      className="button button--quiet button--small"
                      {...form.remove.getButtonProps({ name: dayFields.ranges.name, index: i })}
                    >
                      Remove
                      <span className="visually-hidden">
                        {" "}
                        {name} range {i + 1}
                      </span>
                    </button>
                  </div>
                );
              })}
              <div>
                <button
                  className="button button--quiet button--small"
                  {...form.insert.getButtonProps({
                    name: dayFields.ranges.name,
                    defaultValue: nextRangeDefaults(rangeValues),
                  })}
                >
                  Add range<span className="visually-hidden"> on {name}</span>
                </button>
              </div>
              <FieldErrors id={dayFields.ranges.errorId} errors={dayFields.ranges.errors} />
            </div>
          </fieldset>
        );
      })}
      <div className="actions">
        <button
          type="submit"
          name="step"
          value="save"
          className="button button--primary"
          disabled={navigation.state === "submitting"}
        >
          Save hours
        </button>
        <button
          type="submit"
          name="step"
          value="preview"
          className="button button--quiet"
          disabled={navigation.state === "submitting"}
        >
          Preview bookable times
        </button>
        <Link to={here} className="button button--quiet">
          Discard changes
        </Link>
      </div>
    </Form>
  );
}

function TimeOffForm({ timeZone }: { timeZone: string }) {
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const result = actionData?.form === "time-off" ? actionData : null;
  const [form, fields] = useForm({
    id: "time-off",
    lastResult: result?.reply,
    constraint: getZodConstraint(timeOffFormSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: timeOffFormSchema }),
  });
  const input = (field: typeof fields.startDate, type: "date" | "time" | "text") => {
    const { key, ...props } = getInputProps(field, { type });
    return <input key={key} {...props} />;
  };
  return (
    <Form
      method="post"
      {...getFormProps(form)}
      className="form section"
      aria-labelledby="add-time-off-heading"
    >
      <h3 id="add-time-off-heading">Add time off</h3>
      <input type="hidden" name="form" value="time-off" />
      <FormErrors id={form.errorId} errors={form.errors} />
      {result?.orphans && result.orphans.length > 0 ? (
        <div className="warning" role="alert">
          <h4>{orphanHeadline(result.orphans.length, "this time off")}</h4>
          <p>
            Nothing has been saved yet. Adding time off never cancels bookings: they stay, and you
            contact the patients.
          </p>
          <OrphanList orphans={toOrphans(result.orphans)} timeZone={timeZone} />
          <div className="actions">
            <button
              type="submit"
              name="confirmOrphans"
              value="on"
              className="button button--primary"
            >
              Add time off anyway
            </button>
          </div>
          <p className="muted">Or change the dates below.</p>
        </div>
      ) : null}
      <div className="form-row">
        <div className="field">
          <label htmlFor={fields.startDate.id}>First day</label>
          {input(fields.startDate, "date")}
          <FieldErrors id={fields.startDate.errorId} errors={fields.startDate.errors} />
        </div>
        <div className="field">
          <label htmlFor={fields.endDate.id}>Last day (if more than one)</label>
          {input(fields.endDate, "date")}
          <FieldErrors id={fields.endDate.errorId} errors={fields.endDate.errors} />
        </div>
        <div className="field">
          <label htmlFor={fields.startTime.id}>From (leave empty for whole days)</label>
          {input(fields.startTime, "time")}
          <FieldErrors id={fields.startTime.errorId} errors={fields.startTime.errors} />
        </div>
        <div className="field">
          <label htmlFor={fields.endTime.id}>Until</label>
          {input(fields.endTime, "time")}
          <FieldErrors id={fields.endTime.errorId} errors={fields.endTime.errors} />
        </div>
      </div>
      <div className="field">
        <label htmlFor={fields.reason.id}>Reason (optional, staff only)</label>
        {input(fields.reason, "text")}
        <FieldErrors id={fields.reason.errorId} errors={fields.reason.errors} />
      </div>
      <div className="actions">
        <button
          type="submit"
          className="button button--primary"
          disabled={navigation.state === "submitting"}
        >
          Add time off
        </button>
      </div>
    </Form>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
