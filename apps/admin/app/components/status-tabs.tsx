import { Link } from "@remix-run/react";

/** A list's filter by status, as links; the one shown is marked as the current page. */
export function StatusTabs<Value extends string | null>({
  label,
  tabs,
  current,
  href,
}: {
  /** What the tabs filter, e.g. "Filter reviews by status". */
  label: string;
  tabs: readonly { value: Value; label: string }[];
  current: Value;
  href: (value: Value) => string;
}) {
  return (
    <nav aria-label={label}>
      <ul className="tabs">
        {tabs.map((tab) => (
          <li key={tab.label}>
            <Link to={href(tab.value)} aria-current={tab.value === current ? "page" : undefined}>
              {tab.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
