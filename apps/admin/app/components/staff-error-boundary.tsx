import { StatusErrorBoundary } from "@clinic/form-kit";
import { Link } from "@remix-run/react";
import { staffErrorCopy } from "../formatting/error-copy";

/**
 * Every admin route's `ErrorBoundary`: a page per status (403 "You don't have access", 404,
 * …) in staff words, with the way back to the dashboard. Never shows error messages or stacks.
 */
export function ErrorBoundary() {
  return (
    <StatusErrorBoundary copy={staffErrorCopy}>
      <p>
        <Link to="/">Go to the dashboard</Link>
      </p>
    </StatusErrorBoundary>
  );
}
