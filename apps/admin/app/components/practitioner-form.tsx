import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { practitionerFormSchema } from "../forms/catalog-forms";
import { FormErrors } from "./field-errors";
import { CheckboxField, TextAreaField, TextField } from "./form-controls";
import { SubmitButton } from "./submit-button";
import { type FormDefaults, useSchemaForm } from "./use-schema-form";

/** The practitioner's profile fields, for adding one and for editing one. */
export function PractitionerDetailsForm({
  lastResult,
  defaultValue,
  submitLabel,
  showActive,
  sortOrderHint = "Lower numbers are listed first.",
}: {
  lastResult: SubmissionResult<string[]> | null | undefined;
  defaultValue: FormDefaults<typeof practitionerFormSchema>;
  submitLabel: string;
  /** New practitioners choose here; existing ones are (de)activated with their own button. */
  showActive: boolean;
  sortOrderHint?: string;
}) {
  const [form, fields] = useSchemaForm(practitionerFormSchema, {
    id: "practitioner",
    lastResult,
    defaultValue,
  });
  return (
    <Form method="post" className="form" {...getFormProps(form)}>
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value="save" />
      <div className="form-grid">
        <TextField meta={fields.name} label="Name" autoComplete="off" />
        <TextField meta={fields.title} label="Title" hint="e.g. Sports chiropractor" />
        <TextField
          meta={fields.slug}
          label="Web address (slug)"
          hint="Lowercase words joined by hyphens; left empty, it is made from the name."
        />
        <TextField
          meta={fields.sortOrder}
          type="number"
          label="Display order"
          hint={sortOrderHint}
          min={0}
          max={1000}
        />
      </div>
      <TextAreaField
        meta={fields.bio}
        label="Bio"
        hint="Markdown: headings, lists and links."
        rows={10}
      />
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
