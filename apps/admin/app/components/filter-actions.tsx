import { Link } from "@remix-run/react";
import { FieldErrors } from "./field-errors";

/**
 * The end of a list page's filter form (a GET form: the filters live in the address): apply
 * them, or go back to the list as it first shows.
 */
export function FilterActions({
  clearTo,
  submitLabel = "Filter",
  clearLabel = "Clear",
}: {
  /** The list's own address, without filters. */
  clearTo: string;
  submitLabel?: string;
  clearLabel?: string;
}) {
  return (
    <div className="button-row">
      <button type="submit" className="button button--primary">
        {submitLabel}
      </button>
      <Link to={clearTo} className="button button--quiet">
        {clearLabel}
      </Link>
    </div>
  );
}

/**
 * A date in a list page's filter form, its message (if any) next to it and what was typed kept
 * (`value` is the address's, as read back).
 */
export function FilterDateField({
  id,
  name,
  label,
  value,
  error,
}: {
  id: string;
  name: string;
  label: string;
  value: string;
  error: string | undefined;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={name}
        type="date"
        defaultValue={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      <FieldErrors id={`${id}-error`} errors={error ? [error] : undefined} />
    </div>
  );
}
