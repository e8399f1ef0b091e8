import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { webhookEndpointFormSchema, webhookEventOptions } from "../forms/webhook-forms";
import { CopyButton } from "./calendar-feed-panel";
import { FieldErrors, FormErrors } from "./field-errors";
import { CheckboxField, TextField } from "./form-controls";
import { SubmitButton } from "./submit-button";
import { type FormDefaults, useSchemaForm } from "./use-schema-form";

/** An endpoint's fields, for adding one and for editing one. */
export function WebhookEndpointForm({
  lastResult,
  defaultValue,
  submitLabel,
}: {
  lastResult: SubmissionResult<string[]> | null | undefined;
  defaultValue: FormDefaults<typeof webhookEndpointFormSchema>;
  submitLabel: string;
}) {
  const [form, fields] = useSchemaForm(webhookEndpointFormSchema, {
    id: "webhook-endpoint",
    lastResult,
    defaultValue,
  });
  const initial = fields.events.initialValue;
  const chosen = new Set(
    (Array.isArray(initial) ? initial : initial ? [initial] : []).filter(
      (v): v is string => typeof v === "string",
    ),
  );
  const eventErrors = fields.events.errors;
  return (
    <Form method="post" className="form" {...getFormProps(form)}>
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value="save" />
      <TextField
        meta={fields.url}
        type="url"
        label="Endpoint URL"
        hint="The https:// address of the system that receives the events."
        autoComplete="off"
      />
      <TextField
        meta={fields.description}
        label="Description (optional)"
        hint="What it is for, e.g. “Practice management sync”."
        autoComplete="off"
      />
      <fieldset
        className="checkbox-list"
        aria-describedby={eventErrors?.length ? fields.events.errorId : undefined}
      >
        <legend>Events to send</legend>
        <ul>
          {webhookEventOptions.map((option) => (
            <li key={option.value} className="checkbox">
              <input
                type="checkbox"
                id={`event-${option.value}`}
                name={fields.events.name}
                value={option.value}
                defaultChecked={chosen.has(option.value)}
              />
              <label htmlFor={`event-${option.value}`}>
                {option.label} <span className="small muted">({option.value})</span>
              </label>
            </li>
          ))}
        </ul>
        <FieldErrors id={fields.events.errorId} errors={eventErrors} />
      </fieldset>
      <CheckboxField
        meta={fields.enabled}
        label="Enabled: send events now (untick to pause)"
        hint="A paused endpoint gets no events; test events still go."
      />
      <div className="button-row">
        <SubmitButton className="button button--primary">{submitLabel}</SubmitButton>
      </div>
    </Form>
  );
}

/** A signing secret, shown the one time it exists in the clear. */
export function WebhookSecretPanel({ secret, intro }: { secret: string; intro: string }) {
  return (
    <section className="panel" aria-labelledby="webhook-secret-heading">
      <h2 id="webhook-secret-heading">Signing secret</h2>
      <p role="status">{intro} Copy it now: it is shown only this once.</p>
      <div className="field">
        <label htmlFor="webhook-secret">Secret</label>
        <input
          id="webhook-secret"
          name="webhook-secret"
          type="text"
          readOnly
          value={secret}
          onFocus={(event) => event.currentTarget.select()}
          className="feed-url"
        />
      </div>
      <div className="button-row">
        <CopyButton value={secret} label="Copy secret" />
      </div>
      <p className="small muted">
        Your receiver checks the <code>Clinic-Signature</code> header with it (HMAC-SHA256 of{" "}
        <code>timestamp.body</code>); <code>verifyWebhookSignature</code> in{" "}
        <code>@clinic/domain</code> does it for you.
      </p>
    </section>
  );
}
