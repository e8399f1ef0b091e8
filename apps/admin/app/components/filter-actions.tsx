import { Link } from "@remix-run/react";

/**
 * The end of a list page's filter form (a GET form: the filters live in the address): apply
 * them, or go back to the list as it first shows.
 */
export function FilterActions({
  clearTo,
  submitLabel = "Filter",
}: {
  /** The list's own address, without filters. */
  clearTo: string;
  submitLabel?: string;
}) {
  return (
    <div className="button-row">
      <button type="submit" className="button button--primary">
        {submitLabel}
      </button>
      <Link to={clearTo} className="button button--quiet">
        Clear
      </Link>
    </div>
  );
}
