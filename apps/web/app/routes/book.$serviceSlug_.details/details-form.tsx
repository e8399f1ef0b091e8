import {
  getFormProps,
  getInputProps,
  getTextareaProps,
  type SubmissionResult,
} from "@conform-to/react";
import { Form, Link } from "@remix-run/react";
import { EMAIL_INPUT, Field, FieldErrors, FormErrors } from "../../components/form-field";
import { useCheckedForm, useSubmitting } from "../../components/public-form";
import { useClinic } from "../../components/use-clinic";
import {
  type BookingDraft,
  bookingDetailsErrors,
  bookingDetailsSchema,
} from "../../forms/booking-form";

/**
 * The patient's details, with the choices of the earlier steps in hidden fields. A refusal
 * of the whole booking (the time, the practitioner) shows above the fields, with a way back.
 */
export function DetailsForm({
  choice,
  draft,
  changeTimeHref,
  lastResult,
  smsEnabled,
}: {
  choice: {
    serviceId: string;
    practitioner: { id: string; slug: string };
    start: string;
    /** One key per rendered form: a double submit or a retry makes one booking, not two. */
    idempotencyKey: string;
  };
  /** What the patient typed before losing the race for their time. */
  draft: BookingDraft | null;
  changeTimeHref: string;
  lastResult: SubmissionResult<string[]> | undefined;
  /** The clinic sends texts: offer a text reminder (decision 030). */
  smsEnabled: boolean;
}) {
  const clinic = useClinic();
  const submitting = useSubmitting();
  const [form, fields] = useCheckedForm({
    id: "booking-details",
    schema: bookingDetailsSchema,
    missing: bookingDetailsErrors,
    lastResult,
    defaultValue: draft ?? undefined,
  });
  const { key: nameKey, ...nameProps } = getInputProps(fields.name, { type: "text" });
  const { key: emailKey, ...emailProps } = getInputProps(fields.email, {
    type: "email",
    ariaDescribedBy: "email-hint",
  });
  const { key: phoneKey, ...phoneProps } = getInputProps(fields.phone, { type: "tel" });
  const { key: notesKey, ...notesProps } = getTextareaProps(fields.notes, {
    ariaDescribedBy: "notes-hint",
  });
  const { key: consentKey, ...consentProps } = getInputProps(fields.contactConsent, {
    type: "checkbox",
  });
  const { key: smsKey, ...smsProps } = getInputProps(fields.smsReminders, {
    type: "checkbox",
    ariaDescribedBy: "sms-hint",
  });

  return (
    <Form method="post" className="form" {...getFormProps(form)}>
      <FormErrors id={form.errorId} errors={form.errors}>
        <p>
          <Link to={changeTimeHref}>Choose another time</Link>
        </p>
      </FormErrors>
      <input type="hidden" name="serviceId" value={choice.serviceId} />
      <input type="hidden" name="practitionerId" value={choice.practitioner.id} />
      <input type="hidden" name="practitioner" value={choice.practitioner.slug} />
      <input type="hidden" name="start" value={choice.start} />
      <input type="hidden" name="idempotencyKey" value={choice.idempotencyKey} />
      <Field label="Full name" field={fields.name}>
        <input key={nameKey} {...nameProps} autoComplete="name" />
      </Field>
      <Field
        label="Email"
        field={fields.email}
        hint="Your confirmation goes here."
        hintId="email-hint"
      >
        <input key={emailKey} {...emailProps} {...EMAIL_INPUT} />
      </Field>
      <Field label="Phone" field={fields.phone}>
        <input key={phoneKey} {...phoneProps} autoComplete="tel" />
      </Field>
      <Field
        label="Notes (optional)"
        field={fields.notes}
        hint="Anything we should know before you arrive, such as an injury or a referral."
        hintId="notes-hint"
      >
        <textarea key={notesKey} {...notesProps} rows={4} />
      </Field>
      {smsEnabled ? (
        <div
          className={
            fields.smsReminders.errors?.length
              ? "field field--checkbox field--invalid"
              : "field field--checkbox"
          }
        >
          <input key={smsKey} {...smsProps} />
          <label htmlFor={fields.smsReminders.id}>Text me a reminder the day before</label>
          <p id="sms-hint" className="field__hint">
            To the mobile number above. Reply STOP at any time to stop texts.
          </p>
          <FieldErrors id={fields.smsReminders.errorId} errors={fields.smsReminders.errors} />
        </div>
      ) : null}
      <div className="field field--checkbox">
        <input key={consentKey} {...consentProps} />
        <label htmlFor={fields.contactConsent.id}>
          {clinic.name} may contact me about this appointment and my care by email or phone
        </label>
      </div>
      <button type="submit" className="button button--primary button--large" disabled={submitting}>
        {submitting ? "Booking…" : "Confirm booking"}
      </button>
    </Form>
  );
}
