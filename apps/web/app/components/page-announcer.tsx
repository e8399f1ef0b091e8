import { useLocation } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";

/**
 * After a client-side navigation to a new page or step (a new path, or a new
 * main heading: the booking steps share paths), moves focus to the page's h1
 * and announces it, as a full page load would have. Moving between days of
 * the picker keeps its heading, so focus stays on the day chosen. The first
 * load is left alone: the browser has already put the reader at the top.
 */
export function PageAnnouncer() {
  const location = useLocation();
  const [message, setMessage] = useState("");
  const last = useRef<{ path: string; heading: string } | null>(null);
  useEffect(() => {
    const heading = document.querySelector<HTMLHeadingElement>("#main h1");
    const current = { path: location.pathname, heading: heading?.textContent?.trim() ?? "" };
    const previous = last.current;
    last.current = current;
    if (!previous || !heading) return;
    if (previous.path === current.path && previous.heading === current.heading) return;
    heading.tabIndex = -1;
    heading.focus();
    setMessage(current.heading);
    // location.key: every navigation, even to the same path.
  }, [location.key, location.pathname]);
  return (
    <div
      className="visually-hidden"
      aria-live="polite"
      aria-atomic="true"
      data-testid="page-announcer"
    >
      {message}
    </div>
  );
}
