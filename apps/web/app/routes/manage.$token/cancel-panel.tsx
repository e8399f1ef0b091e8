import { getFormProps, getTextareaProps, type SubmissionResult, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form, Link } from "@remix-run/react";
import { Field, FormErrors } from "../../components/form-field";
import { useSubmitting } from "../../components/public-form";
import { cancelFormSchema } from "../../forms/booking-form";
import { managePath } from "../../links/manage-link";

/** "Cancel this appointment?": an optional reason, then a confirmation or a way back. */
export function CancelPanel({
  token,
  lastResult,
}: {
  token: string;
  /** The cancel action's reply: why it was refused, with the reason kept. */
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const submitting = useSubmitting();
  const [form, fields] = useForm({
    id: "cancel-booking",
    lastResult,
    constraint: getZodConstraint(cancelFormSchema),
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: cancelFormSchema }),
  });
  const { key: reasonKey, ...reasonProps } = getTextareaProps(fields.reason, {
    ariaDescribedBy: "reason-hint",
  });
  return (
    <section className="card cancel-panel" aria-labelledby="cancel-title">
      <h2 id="cancel-title" className="card__title">
        Cancel this appointment?
      </h2>
      <Form method="post" className="form" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <Field
          label="Reason (optional)"
          field={fields.reason}
          hint="It helps us, but you don't have to say."
          hintId="reason-hint"
        >
          <textarea key={reasonKey} {...reasonProps} rows={3} />
        </Field>
        <div className="button-row">
          <button type="submit" className="button button--danger" disabled={submitting}>
            Yes, cancel my appointment
          </button>
          <Link to={managePath(token)} className="button button--secondary" preventScrollReset>
            Keep my appointment
          </Link>
        </div>
      </Form>
    </section>
  );
}
