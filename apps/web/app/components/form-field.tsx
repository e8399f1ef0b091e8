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

/** A labelled form control with an optional hint and its errors underneath. */
export function Field({
  label,
  htmlFor,
  hint,
  hintId,
  errorId,
  errors,
  children,
}: {
  label: ReactNode;
  htmlFor: string;
  hint?: ReactNode;
  hintId?: string;
  errorId: string;
  errors: string[] | undefined;
  children: ReactNode;
}) {
  return (
    <div className={errors?.length ? "field field--invalid" : "field"}>
      <label htmlFor={htmlFor} className="field__label">
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
      {children}
      <FieldErrors id={errorId} errors={errors} />
    </div>
  );
}
