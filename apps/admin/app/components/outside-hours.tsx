import { type ScheduleException, scheduleExceptionLabels } from "@clinic/domain";
import { Form, Link } from "@remix-run/react";
import { FieldErrors } from "./field-errors";

export interface OutsideHoursCheck {
  setAside: ScheduleException[];
  overlapsBooking: boolean;
  error: string | null;
}

/**
 * Choosing any time for a booking outside the usual hours: a date and time (a plain GET form,
 * so it works without JavaScript), then what that time sets aside, or why it can't be booked.
 */
export function OutsideHoursTime({
  practitionerName,
  hidden,
  requested,
  check,
  usualTimesHref,
}: {
  practitionerName: string;
  /** The address's other parameters, kept as the time changes. */
  hidden: Record<string, string>;
  requested: { date: string; time: string } | null;
  check: OutsideHoursCheck | null;
  usualTimesHref: string;
}) {
  const { date: _d, time: _t, ...kept } = hidden;
  const problem = check?.error ?? (check?.overlapsBooking ? OVERLAP : null);
  return (
    <section aria-labelledby="outside-heading" className="section panel">
      <h2 id="outside-heading">Book outside the usual hours</h2>
      <p className="muted">
        Any time with {practitionerName}, even outside their hours, over a break, time off or a
        closure; never over another booking. <Link to={usualTimesHref}>Back to the free times</Link>
      </p>
      <Form method="get" className="form-row" aria-label="Time outside the usual hours">
        {Object.entries(kept).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <div className="field">
          <label htmlFor="outside-date">Date</label>
          <input
            id="outside-date"
            type="date"
            name="date"
            required
            defaultValue={requested?.date ?? ""}
          />
        </div>
        <div className="field">
          <label htmlFor="outside-time">Time</label>
          <input
            id="outside-time"
            type="time"
            name="time"
            required
            step={300}
            defaultValue={requested?.time ?? ""}
            aria-describedby="outside-time-error"
            aria-invalid={problem ? true : undefined}
          />
          <FieldErrors id="outside-time-error" errors={problem ? [problem] : undefined} />
        </div>
        <div className="field">
          <button type="submit" className="button button--quiet">
            Check this time
          </button>
        </div>
      </Form>
      {check && !problem ? <OutsideHoursWarning setAside={check.setAside} /> : null}
    </section>
  );
}

const OVERLAP =
  "That time overlaps another booking for this practitioner — pick a time clear of it.";

/** What the chosen time sets aside, said before staff confirm it. */
export function OutsideHoursWarning({ setAside }: { setAside: readonly ScheduleException[] }) {
  if (setAside.length === 0) {
    return (
      <p className="notice" role="status">
        This time is inside the practitioner's usual hours.
      </p>
    );
  }
  return (
    <div className="warning" role="status" id="outside-hours-warning">
      <p>
        <strong>This booking sets the usual rules aside:</strong>
      </p>
      <ul>
        {setAside.map((rule) => (
          <li key={rule}>{scheduleExceptionLabels[rule]}</li>
        ))}
      </ul>
      <p>It is recorded in the audit log under your name.</p>
    </div>
  );
}
