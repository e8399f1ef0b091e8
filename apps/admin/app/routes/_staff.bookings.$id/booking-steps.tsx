import { getFormProps, getTextareaProps } from "@conform-to/react";
import { Form, Link, useActionData } from "@remix-run/react";
import { FieldErrors, FormErrors } from "../../components/field-errors";
import { OutsideHoursTime } from "../../components/outside-hours";
import { SlotPicker } from "../../components/slot-picker";
import { SubmitButton } from "../../components/submit-button";
import { useSchemaForm } from "../../components/use-schema-form";
import { dateTimeLabel } from "../../formatting/clinic-time";
import { cancelErrors, cancelFormSchema } from "../../forms/booking-forms";
import type { bookingAction, loadBooking } from "./booking.server";

type BookingData = Awaited<ReturnType<typeof loadBooking>>;
type BookingDetail = BookingData["booking"];
type SlotPickerData = BookingData["picker"];
type MoveData = BookingData["move"];

/**
 * The patient's manage link, for staff to read out or text (a patient without email gets no
 * confirmation). Shown on request only: each reading is recorded in the audit log.
 */
export function ManageLinkPanel({ hasEmail }: { hasEmail: boolean }) {
  const actionData = useActionData<typeof bookingAction>();
  const answer = actionData && "intent" in actionData && actionData.intent === "manageLink";
  const manageUrl = answer && "manageUrl" in actionData ? actionData.manageUrl : null;
  const error = answer && "error" in actionData ? actionData.error : null;
  return (
    <section className="panel section" aria-labelledby="manage-link-heading">
      <h2 id="manage-link-heading">Patient's booking link</h2>
      <p className="muted">
        {hasEmail
          ? "The patient's emails carry this link."
          : "The patient has no email address: read or text them this link."}{" "}
        With it they can see, move or cancel the booking. Showing it is recorded in the audit log.
      </p>
      {manageUrl ? (
        <div className="field">
          <label htmlFor="manage-link">Booking link</label>
          <input id="manage-link" type="text" readOnly value={manageUrl} />
        </div>
      ) : (
        <Form method="post">
          <input type="hidden" name="intent" value="manageLink" />
          <SubmitButton className="button button--quiet">Show the booking link</SubmitButton>
        </Form>
      )}
      {error ? <FormErrors errors={[error]} /> : null}
    </section>
  );
}

export function BookingActions({
  booking,
  mode,
  here,
}: {
  booking: {
    status: string;
    actions: { cancel: boolean; reschedule: boolean; markAttendance: boolean };
  };
  mode: string | null;
  here: string;
}) {
  const { actions } = booking;
  if (!actions.cancel && !actions.reschedule && !actions.markAttendance) return null;
  return (
    <section className="panel section" aria-labelledby="actions-heading">
      <h2 id="actions-heading">Actions</h2>
      <div className="actions">
        {actions.markAttendance ? (
          <Form method="post" className="actions">
            <input type="hidden" name="intent" value="status" />
            {booking.status !== "completed" ? (
              <SubmitButton className="button button--primary" name="status" value="completed">
                Mark completed
              </SubmitButton>
            ) : null}
            {booking.status !== "no_show" ? (
              <SubmitButton className="button button--quiet" name="status" value="no_show">
                Mark no-show
              </SubmitButton>
            ) : null}
          </Form>
        ) : null}
        {actions.reschedule && mode !== "reschedule" ? (
          <Link to={`${here}?step=reschedule`} className="button button--quiet">
            Reschedule
          </Link>
        ) : null}
        {actions.cancel && mode !== "cancel" ? (
          <Link to={`${here}?step=cancel`} className="button button--quiet">
            Cancel booking
          </Link>
        ) : null}
      </div>
    </section>
  );
}

export function CancelForm({ here }: { here: string }) {
  const actionData = useActionData<typeof bookingAction>();
  const lastResult = actionData && "reply" in actionData ? actionData.reply : undefined;
  const [form, fields] = useSchemaForm(cancelFormSchema, {
    id: "cancel-booking",
    lastResult,
    error: cancelErrors,
  });
  const { key, ...reasonProps } = getTextareaProps(fields.reason);
  return (
    <section className="panel section" aria-labelledby="cancel-heading">
      <h2 id="cancel-heading">Cancel this booking</h2>
      <Form method="post" className="form" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="intent" value="cancel" />
        <div className="field">
          <label htmlFor={fields.reason.id}>Reason (the patient's email quotes it)</label>
          <textarea key={key} {...reasonProps} rows={3} />
          <FieldErrors id={fields.reason.errorId} errors={fields.reason.errors} />
        </div>
        <div className="actions">
          <SubmitButton className="button button--danger">
            Cancel booking and email the patient
          </SubmitButton>
          <Link to={here} className="button button--quiet">
            Keep the booking
          </Link>
        </div>
      </Form>
    </section>
  );
}

/**
 * Moving the booking: with the same practitioner or another who offers the service, at one of
 * their free times or (said so, and confirmed) outside the usual hours; then a confirmation.
 */
export function RescheduleSection({
  booking,
  picker,
  move,
  here,
}: {
  booking: BookingDetail;
  picker: SlotPickerData;
  move: MoveData;
  here: string;
}) {
  const { timeZone } = booking;
  const { outsideHours } = move;
  const outsideReady =
    outsideHours?.at && outsideHours.check && !outsideHours.check.error
      ? !outsideHours.check.overlapsBooking
      : false;
  const selectedStart = outsideHours
    ? outsideReady
      ? outsideHours.at
      : null
    : picker?.slot?.start;
  const target = move.offering.find((p) => p.id === move.practitionerId) ?? booking.practitioner;
  const toAnother = move.practitionerId !== booking.practitioner.id;
  const stepHref = (params: Record<string, string | undefined>) => {
    const query = new URLSearchParams({ step: "reschedule" });
    for (const [k, v] of Object.entries(params)) if (v) query.set(k, v);
    return `${here}?${query}`;
  };
  const withWhom = toAnother ? move.practitionerId : undefined;
  return (
    <section className="panel section" aria-labelledby="reschedule-heading">
      <h2 id="reschedule-heading">Move to another time</h2>
      {move.offering.length > 1 ? (
        <nav aria-label="Practitioner to move to" className="actions">
          {move.offering.map((p) => (
            <Link
              key={p.id}
              to={stepHref({ practitioner: p.id === booking.practitioner.id ? undefined : p.id })}
              className="button button--quiet"
              aria-current={p.id === move.practitionerId ? "true" : undefined}
            >
              {p.name}
              {p.id === booking.practitioner.id ? " (current)" : ""}
            </Link>
          ))}
        </nav>
      ) : null}
      {outsideHours ? (
        <OutsideHoursTime
          practitionerName={target.name}
          hidden={{
            step: "reschedule",
            outside: "1",
            ...(withWhom ? { practitioner: withWhom } : {}),
          }}
          requested={outsideHours.requested}
          check={outsideHours.check}
          usualTimesHref={stepHref({ practitioner: withWhom })}
        />
      ) : picker ? (
        <>
          <p className="muted">
            Free times with {target.name} for {booking.service.name}, on the clinic's clock (
            {timeZone}).{" "}
            <Link to={stepHref({ practitioner: withWhom, outside: "1" })}>
              Move outside the usual hours
            </Link>
          </p>
          <SlotPicker
            window={picker.window}
            days={picker.days}
            timeZone={timeZone}
            selectedDate={picker.selectedDate}
            selectedStart={selectedStart ?? null}
            headingLevel={3}
            hrefFor={({ from, day, start }) =>
              stepHref({ practitioner: withWhom, from, day, start })
            }
          />
        </>
      ) : null}
      {selectedStart ? (
        <Form method="post" className="form section">
          <input type="hidden" name="intent" value="reschedule" />
          <input type="hidden" name="start" value={selectedStart.toISOString()} />
          {toAnother ? (
            <input type="hidden" name="practitionerId" value={move.practitionerId} />
          ) : null}
          {outsideHours ? <input type="hidden" name="outsideHours" value="on" /> : null}
          <p>
            Move from <strong>{dateTimeLabel(booking.startsAt, timeZone)}</strong> with{" "}
            {booking.practitioner.name} to <strong>{dateTimeLabel(selectedStart, timeZone)}</strong>
            {toAnother ? (
              <>
                {" "}
                with <strong>{target.name}</strong>
              </>
            ) : null}
            ? {booking.patient.email ? "The patient is emailed the new time." : null}
          </p>
          {outsideHours ? (
            <div className="field field--inline">
              <label>
                <input type="checkbox" name="confirmOutsideHours" required /> I mean to move it
                outside the usual hours
              </label>
            </div>
          ) : null}
          <div className="actions">
            <SubmitButton className="button button--primary">Move the booking</SubmitButton>
            <Link to={here} className="button button--quiet">
              Keep the current time
            </Link>
          </div>
        </Form>
      ) : null}
    </section>
  );
}
