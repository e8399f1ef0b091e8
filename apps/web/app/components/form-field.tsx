import type { ReactNode } from "react";

/** A field's error messages, in the element its input's aria-describedby points at. */
export function FieldErrors({ id, errors }: { id: string; errors: string[] | undefined }) {
  return (
    <div id={id} className="field__error">
      {errors?.map((message) => (
        <p key={message}>{message}</p>
      ))}
    </div>
  );
}

/** The messages about the whole form (e.g. the API's refusal), where its aria-describedby points. */
export function FormErrors({
  id,
  errors,
  children,
}: {
  id: string;
  errors: string[] | undefined;
  /** What the visitor can do about it, under the messages. */
  children?: ReactNode;
}) {
  if (!errors?.length) return null;
  return (
    <div className="notice notice--error" role="alert" id={id}>
      {errors.map((message) => (
        <p key={message}>{message}</p>
      ))}
      {children}
    </div>
  );
}

/** What a labelled control needs of its conform field. */
export interface FieldState {
  id: string;
  errorId: string;
  errors: string[] | undefined;
}

/** An email input's extras: the browser's autofill, and no capital or spelling fix-ups. */
export const EMAIL_INPUT = {
  autoComplete: "email",
  autoCapitalize: "none",
  spellCheck: false,
} as const;

/** A labelled form control with an optional hint and its errors underneath. */
export function Field({
  label,
  field,
  hint,
  hintId,
  children,
}: {
  label: ReactNode;
  field: FieldState;
  hint?: ReactNode;
  hintId?: string;
  children: ReactNode;
}) {
  return (
    <div className={field.errors?.length ? "field field--invalid" : "field"}>
      <label htmlFor={field.id} className="field__label">
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
      {children}
      <FieldErrors id={field.errorId} errors={field.errors} />
    </div>
  );
}
