import { type WorkingHoursRange, weekdayNames } from "@clinic/domain";
import { type FieldMetadata, getFormProps, getInputProps } from "@conform-to/react";
import { Form, Link, useActionData } from "@remix-run/react";
import { FieldErrors, FormErrors } from "../../components/field-errors";
import { OrphanConfirmation, OrphanList, toOrphans } from "../../components/orphan-list";
import { SubmitButton } from "../../components/submit-button";
import { useSchemaForm } from "../../components/use-schema-form";
import { orphanHeadline, weeklyHoursDiff } from "../../formatting/schedule-changes-display";
import {
  formFromRanges,
  nextRangeDefaults,
  weeklyHoursFormSchema,
} from "../../forms/weekly-hours-form";
import type { scheduleAction } from "./schedule.server";

/**
 * The week's hours, day by day, each with its ranges (rows added and removed with conform's
 * list buttons, which work without JavaScript too). Saving hours that leave bookings outside
 * them asks first, listing those bookings and what changes.
 */
export function HoursEditor({
  stored,
  here,
  timeZone,
}: {
  stored: WorkingHoursRange[];
  here: string;
  timeZone: string;
}) {
  const actionData = useActionData<typeof scheduleAction>();
  const hoursResult = actionData?.form === "hours" ? actionData : null;
  const [form, fields] = useSchemaForm(weeklyHoursFormSchema, {
    id: "weekly-hours",
    lastResult: hoursResult?.reply,
    defaultValue: formFromRanges(stored),
  });
  const days = fields.days.getFieldList();
  const orphans = hoursResult?.orphans;
  const proposed = hoursResult?.proposed;
  const proposalOrphans = hoursResult?.preview?.orphans ?? [];

  return (
    <Form method="post" {...getFormProps(form)} className="form">
      <input type="hidden" name="intent" value="hours" />
      <FormErrors id={form.errorId} errors={form.errors} />

      {orphans && proposed ? (
        <OrphanConfirmation
          headline={orphanHeadline(orphans.length)}
          level="h3"
          note="Nothing has been saved yet. Saving never moves or cancels bookings: these stay where they are, and you contact the patients."
          orphans={orphans}
          timeZone={timeZone}
          confirmLabel="Save anyway and keep these bookings"
          cancel={
            <Link to={here} className="button button--quiet">
              Go back to the saved hours
            </Link>
          }
          footnote="Or change the hours below and save again."
        >
          <WeekChanges before={stored} after={proposed} />
        </OrphanConfirmation>
      ) : proposalOrphans.length > 0 ? (
        <div className="warning" role="status">
          <p>
            {orphanHeadline(proposalOrphans.length, "outside the proposed hours")}. Saving will ask
            you to confirm.
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
                const hidden = `${name} range ${i + 1} `;
                return (
                  <div key={range.key} className="hours-row">
                    <TimeField meta={r.start} hiddenLabel={hidden} label="Start" />
                    <TimeField meta={r.end} hiddenLabel={hidden} label="End" />
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
        <SubmitButton name="step" value="save" className="button button--primary">
          Save hours
        </SubmitButton>
        <SubmitButton name="step" value="preview" className="button button--quiet">
          Preview bookable times
        </SubmitButton>
        <Link to={here} className="button button--quiet">
          Discard changes
        </Link>
      </div>
    </Form>
  );
}

/** One end of a range: its label says which day and range to screen readers. */
function TimeField({
  meta,
  hiddenLabel,
  label,
}: {
  meta: FieldMetadata<string | undefined>;
  hiddenLabel: string;
  label: string;
}) {
  const { key, ...props } = getInputProps(meta, { type: "time" });
  return (
    <div className="field">
      <label htmlFor={meta.id}>
        <span className="visually-hidden">{hiddenLabel}</span>
        {label}
      </label>
      <input key={key} {...props} />
      <FieldErrors id={meta.errorId} errors={meta.errors} />
    </div>
  );
}

/** The days whose hours the change alters: now and new. */
function WeekChanges({
  before,
  after,
}: {
  before: readonly WorkingHoursRange[];
  after: readonly WorkingHoursRange[];
}) {
  return (
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
        {weeklyHoursDiff(before, after)
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
  );
}
