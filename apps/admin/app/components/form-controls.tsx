import {
  type FieldMetadata,
  getInputProps,
  getSelectProps,
  getTextareaProps,
} from "@conform-to/react";
import type {
  InputHTMLAttributes,
  ReactNode,
  SelectHTMLAttributes,
  TextareaHTMLAttributes,
} from "react";
import { FieldErrors } from "./field-errors";

/**
 * Labelled form controls on conform's field metadata: the label, an optional hint, and the
 * field's errors, all tied to the control (aria-describedby, aria-invalid).
 */

// biome-ignore lint/suspicious/noExplicitAny: a control accepts a field of any schema
type AnyField = FieldMetadata<any, any, string[]>;

function Hint({ id, hint }: { id: string; hint: ReactNode }) {
  return (
    <p id={id} className="field__hint">
      {hint}
    </p>
  );
}

export function TextField({
  meta,
  label,
  hint,
  type = "text",
  ...rest
}: {
  meta: AnyField;
  label: string;
  hint?: ReactNode;
  type?: "text" | "email" | "password" | "number" | "url" | "datetime-local" | "date" | "search";
} & Omit<InputHTMLAttributes<HTMLInputElement>, "type">) {
  const hintId = `${meta.id}-hint`;
  const { key, ...props } = getInputProps(meta, {
    type,
    ariaDescribedBy: hint ? hintId : undefined,
  });
  return (
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      {hint ? <Hint id={hintId} hint={hint} /> : null}
      <input key={key} {...props} {...rest} />
      <FieldErrors id={meta.errorId} errors={meta.errors} />
    </div>
  );
}

export function TextAreaField({
  meta,
  label,
  hint,
  ...rest
}: {
  meta: AnyField;
  label: string;
  hint?: ReactNode;
} & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const hintId = `${meta.id}-hint`;
  const { key, ...props } = getTextareaProps(meta, {
    ariaDescribedBy: hint ? hintId : undefined,
  });
  return (
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      {hint ? <Hint id={hintId} hint={hint} /> : null}
      <textarea key={key} rows={6} {...props} {...rest} />
      <FieldErrors id={meta.errorId} errors={meta.errors} />
    </div>
  );
}

export function SelectField({
  meta,
  label,
  hint,
  options,
  ...rest
}: {
  meta: AnyField;
  label: string;
  hint?: ReactNode;
  options: readonly { value: string; label: string }[];
} & SelectHTMLAttributes<HTMLSelectElement>) {
  const hintId = `${meta.id}-hint`;
  const { key, ...props } = getSelectProps(meta, {
    ariaDescribedBy: hint ? hintId : undefined,
  });
  return (
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      {hint ? <Hint id={hintId} hint={hint} /> : null}
      <select key={key} {...props} {...rest}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldErrors id={meta.errorId} errors={meta.errors} />
    </div>
  );
}

export function CheckboxField({
  meta,
  label,
  hint,
}: {
  meta: AnyField;
  label: string;
  hint?: ReactNode;
}) {
  const hintId = `${meta.id}-hint`;
  const { key, ...props } = getInputProps(meta, {
    type: "checkbox",
    ariaDescribedBy: hint ? hintId : undefined,
  });
  return (
    <div className="field field--checkbox">
      <div className="checkbox">
        <input key={key} {...props} />
        <label htmlFor={meta.id}>{label}</label>
      </div>
      {hint ? <Hint id={hintId} hint={hint} /> : null}
      <FieldErrors id={meta.errorId} errors={meta.errors} />
    </div>
  );
}
