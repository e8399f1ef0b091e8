import { getFormProps, getTextareaProps } from "@conform-to/react";
import { Form, Link, useActionData } from "@remix-run/react";
import { FieldErrors, FormErrors } from "../../components/field-errors";
import { SlotPicker } from "../../components/slot-picker";
import { SubmitButton } from "../../components/submit-button";
import { useSchemaForm } from "../../components/use-schema-form";
import { dateTimeLabel } from "../../formatting/clinic-time";
import { cancelErrors, cancelFormSchema } from "../../forms/booking-forms";
import type { bookingAction, loadBooking } from "./booking.server";

type BookingData = Awaited<ReturnType<typeof loadBooking>>;
type BookingDetail = BookingData["booking"];
type SlotPickerData = NonNullable<BookingData["picker"]>;

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

/** Moving the booking: the practitioner's free times, then a confirmation of the new time. */
export function RescheduleSection({
  booking,
  picker,
  here,
}: {
  booking: BookingDetail;
  picker: SlotPickerData;
  here: string;
}) {
  const { timeZone } = booking;
  const selectedStart = picker.slot?.start ?? null;
  return (
    <section className="panel section" aria-labelledby="reschedule-heading">
      <h2 id="reschedule-heading">Move to another time</h2>
      <p className="muted">
        Free times with {booking.practitioner.name} for {booking.service.name}, on the clinic's
        clock ({timeZone}).
      </p>
      <SlotPicker
        window={picker.window}
        days={picker.days}
        timeZone={timeZone}
        selectedDate={picker.selectedDate}
        selectedStart={selectedStart}
        headingLevel={3}
        hrefFor={({ from, day, start }) => {
          const params = new URLSearchParams({ step: "reschedule", from });
          if (day) params.set("day", day);
          if (start) params.set("start", start);
          return `${here}?${params}`;
        }}
      />
      {selectedStart ? (
        <Form method="post" className="form section">
          <input type="hidden" name="intent" value="reschedule" />
          <input type="hidden" name="start" value={selectedStart.toISOString()} />
          <p>
            Move from <strong>{dateTimeLabel(booking.startsAt, timeZone)}</strong> to{" "}
            <strong>{dateTimeLabel(selectedStart, timeZone)}</strong>? The patient is emailed the
            new time.
          </p>
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
