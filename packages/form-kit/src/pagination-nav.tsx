import { Link } from "@remix-run/react";

export interface PaginationNavProps {
  page: number;
  pageCount: number;
  /** The address of page `n`, with the list's other parameters kept. */
  href: (page: number) => string;
  /** What the earlier and later pages hold, e.g. "Newer articles" / "Older articles". */
  previousLabel?: string;
  nextLabel?: string;
  /** Class for the two links (e.g. a button style). */
  linkClassName?: string;
  /** The navigation's accessible name. */
  label?: string;
}

/** "← Newer · Page 2 of 5 · Older →" under a list; nothing when everything fits on one page. */
export function PaginationNav({
  page,
  pageCount,
  href,
  previousLabel = "Newer",
  nextLabel = "Older",
  linkClassName,
  label = "Pages",
}: PaginationNavProps) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label={label} className="pagination">
      {page > 1 ? (
        <Link to={href(page - 1)} rel="prev" className={linkClassName}>
          <span aria-hidden="true">←</span> {previousLabel}
        </Link>
      ) : (
        <span />
      )}
      <span className="pagination__status">
        Page {Math.min(page, pageCount)} of {pageCount}
      </span>
      {page < pageCount ? (
        <Link to={href(page + 1)} rel="next" className={linkClassName}>
          {nextLabel} <span aria-hidden="true">→</span>
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
