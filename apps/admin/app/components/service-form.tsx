import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { patientTypeLabels, serviceFormSchema } from "../forms/catalog-forms";
import { MONEY_INPUT_HINT } from "../forms/money-input";
import { FieldErrors, FormErrors } from "./field-errors";
import { CheckboxField, SelectField, TextAreaField, TextField } from "./form-controls";
import { SubmitButton } from "./submit-button";
import { type FormDefaults, useSchemaForm } from "./use-schema-form";

/** A service's fields, for adding one and for editing one. */
export function ServiceDetailsForm({
  lastResult,
  defaultValue,
  practitioners,
  submitLabel,
  showActive,
}: {
  lastResult: SubmissionResult<string[]> | null | undefined;
  defaultValue: FormDefaults<typeof serviceFormSchema>;
  practitioners: { id: string; name: string; active: boolean }[];
  submitLabel: string;
  showActive: boolean;
}) {
  const [form, fields] = useSchemaForm(serviceFormSchema, {
    id: "service",
    lastResult,
    defaultValue,
  });
  const chosen = new Set(
    (Array.isArray(fields.practitionerIds.initialValue)
      ? fields.practitionerIds.initialValue
      : []
    ).filter((v): v is string => typeof v === "string"),
  );
  const practitionerErrors = fields.practitionerIds.errors;
  return (
    <Form method="post" className="form" {...getFormProps(form)}>
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value="save" />
      <div className="form-grid">
        <TextField meta={fields.name} label="Name" autoComplete="off" />
        <TextField
          meta={fields.slug}
          label="Web address (slug)"
          hint="Left empty, it is made from the name."
        />
        <TextField meta={fields.price} label="Price" hint={MONEY_INPUT_HINT} inputMode="decimal" />
        <SelectField
          meta={fields.patientType}
          label="For"
          options={Object.entries(patientTypeLabels).map(([value, label]) => ({ value, label }))}
        />
        <TextField
          meta={fields.durationMinutes}
          type="number"
          label="Duration (minutes)"
          min={5}
          max={480}
        />
        <TextField
          meta={fields.bufferBeforeMinutes}
          type="number"
          label="Buffer before (minutes)"
          hint="Kept free before each booking."
          min={0}
          max={120}
        />
        <TextField
          meta={fields.bufferAfterMinutes}
          type="number"
          label="Buffer after (minutes)"
          hint="Kept free after each booking."
          min={0}
          max={120}
        />
        <TextField
          meta={fields.sortOrder}
          type="number"
          label="Display order"
          hint="Lower numbers are listed first."
          min={0}
          max={1000}
        />
      </div>
      <TextField meta={fields.summary} label="Summary" hint="One or two sentences for listings." />
      <TextAreaField meta={fields.description} label="Description" hint="Markdown." rows={8} />
      <fieldset
        className="checkbox-list"
        aria-describedby={practitionerErrors?.length ? fields.practitionerIds.errorId : undefined}
      >
        <legend>Offered by</legend>
        <ul>
          {practitioners.map((p) => (
            <li key={p.id} className="checkbox">
              <input
                type="checkbox"
                id={`practitioner-${p.id}`}
                name={fields.practitionerIds.name}
                value={p.id}
                defaultChecked={chosen.has(p.id)}
              />
              <label htmlFor={`practitioner-${p.id}`}>
                {p.name}
                {p.active ? "" : " (inactive)"}
              </label>
            </li>
          ))}
        </ul>
        <FieldErrors id={fields.practitionerIds.errorId} errors={practitionerErrors} />
      </fieldset>
      {showActive ? (
        <CheckboxField
          meta={fields.active}
          label="Active: shown on the website and bookable online"
        />
      ) : null}
      <div className="button-row">
        <SubmitButton className="button button--primary">{submitLabel}</SubmitButton>
      </div>
    </Form>
  );
}
