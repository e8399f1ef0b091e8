import { getFormProps, getInputProps, getTextareaProps } from "@conform-to/react";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FieldErrors, FormErrors } from "../../components/field-errors";
import { SubmitButton } from "../../components/submit-button";
import { useSchemaForm } from "../../components/use-schema-form";
import { newBookingErrors, newBookingFormSchema } from "../../forms/booking-forms";
import type { loadNewBooking, newBookingAction } from "./new-booking.server";

/** The last step: the patient's details, for the time chosen. */
export function PatientForm({
  serviceId,
  practitionerId,
  start,
  carried,
  pickAgainHref,
  outsideHours,
}: {
  serviceId: string;
  practitionerId: string;
  start: Date;
  carried: Record<string, string>;
  pickAgainHref: string;
  /** Booking outside the usual hours: staff tick a box to say they mean it. */
  outsideHours: boolean;
}) {
  const { idempotencyKey: freshKey } = useLoaderData<typeof loadNewBooking>();
  const actionData = useActionData<typeof newBookingAction>();
  const [form, fields] = useSchemaForm(newBookingFormSchema, {
    id: "new-booking",
    lastResult: actionData?.reply,
    defaultValue: { patient: { name: carried.name, email: carried.email, phone: carried.phone } },
    error: newBookingErrors,
  });
  const patient = fields.patient.getFieldset();
  const input = (field: typeof patient.name, type: "text" | "email" | "tel") => {
    const { key, ...props } = getInputProps(field, { type });
    return { key, props };
  };
  const name = input(patient.name, "text");
  const email = input(patient.email, "email");
  const phone = input(patient.phone, "tel");
  const { key: notesKey, ...notesProps } = getTextareaProps(fields.notes);
  const { key: confirmKey, ...confirmProps } = getInputProps(fields.confirmOutsideHours, {
    type: "checkbox",
  });
  const smsHintId = `${fields.smsReminders.id}-hint`;
  const { key: smsKey, ...smsProps } = getInputProps(fields.smsReminders, {
    type: "checkbox",
    ariaDescribedBy: smsHintId,
  });
  return (
    <section className="panel section" aria-labelledby="patient-heading">
      <h2 id="patient-heading">Patient details</h2>
      <Form method="post" className="form" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        {actionData?.conflict ? (
          <p>
            <Link to={pickAgainHref}>Pick another time</Link>
          </p>
        ) : null}
        <input type="hidden" name="serviceId" value={serviceId} />
        <input type="hidden" name="practitionerId" value={practitionerId} />
        <input type="hidden" name="start" value={start.toISOString()} />
        <input type="hidden" name="idempotencyKey" value={actionData?.idempotencyKey ?? freshKey} />
        {outsideHours ? <input type="hidden" name="outsideHours" value="on" /> : null}
        <FieldErrors id={fields.start.errorId} errors={fields.start.errors} />
        <div className="form-row">
          <div className="field">
            <label htmlFor={patient.name.id}>Name</label>
            <input key={name.key} {...name.props} autoComplete="off" />
            <FieldErrors id={patient.name.errorId} errors={patient.name.errors} />
          </div>
          <div className="field">
            <label htmlFor={patient.email.id}>Email (if they have one)</label>
            <input key={email.key} {...email.props} autoComplete="off" />
            <FieldErrors id={patient.email.errorId} errors={patient.email.errors} />
          </div>
          <div className="field">
            <label htmlFor={patient.phone.id}>Phone</label>
            <input key={phone.key} {...phone.props} autoComplete="off" />
            <FieldErrors id={patient.phone.errorId} errors={patient.phone.errors} />
          </div>
        </div>
        <div className="field">
          <label htmlFor={fields.notes.id}>Notes (optional)</label>
          <textarea key={notesKey} {...notesProps} rows={3} />
          <FieldErrors id={fields.notes.errorId} errors={fields.notes.errors} />
        </div>
        <div className="field field--inline">
          <label>
            <input key={smsKey} {...smsProps} /> Text a reminder to this mobile number
          </label>
          <p id={smsHintId} className="field__hint">
            Only if the patient agrees: a text a day before, as well as any email. They can reply
            STOP at any time.
          </p>
          <FieldErrors id={fields.smsReminders.errorId} errors={fields.smsReminders.errors} />
        </div>
        <p className="muted">
          Give a phone number, an email address or both. With an email, the patient is emailed a
          confirmation with a link to change or cancel; without one, read them the link from the
          booking's page.
        </p>
        {outsideHours ? (
          <div className="field field--inline">
            <label>
              <input key={confirmKey} {...confirmProps} /> I mean to book this outside the usual
              hours
            </label>
            <FieldErrors
              id={fields.confirmOutsideHours.errorId}
              errors={fields.confirmOutsideHours.errors}
            />
          </div>
        ) : null}
        <div className="actions">
          <SubmitButton className="button button--primary">Book the appointment</SubmitButton>
        </div>
      </Form>
    </section>
  );
}
