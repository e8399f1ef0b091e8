import { type ErrorCopy, type ErrorStatus, StatusErrorBoundary } from "@clinic/form-kit";
import { Link } from "@remix-run/react";

/** What each error page tells a visitor, in the site's words; never the error itself. */
export const SITE_ERROR_COPY: Record<ErrorStatus, ErrorCopy> = {
  401: {
    title: "This page needs a sign-in",
    message:
      "It isn't part of the public site. If a link brought you here, it may be meant for clinic staff.",
  },
  403: {
    title: "You don't have access",
    message:
      "This page isn't open to the public. If you need something from us, give the clinic a call.",
  },
  404: {
    title: "Page not found",
    message:
      "Sorry, we couldn't find that page. It may have moved, or the link may be out of date.",
  },
  409: {
    title: "That changed in the meantime",
    message: "Something changed while you were on this page. Go back, reload it and try again.",
  },
  500: {
    eyebrow: "Something went wrong",
    title: "We couldn't show this page",
    message:
      "Please try again in a moment. If you need us in the meantime, give the clinic a call.",
  },
};

/** The error page of any route: what happened, by status, and where to go from here. */
export function SiteErrorBoundary() {
  return (
    <StatusErrorBoundary copy={SITE_ERROR_COPY} className="container page error-page">
      <ul className="error-page__links">
        <li>
          <Link to="/" className="button button--primary">
            Go to the start page
          </Link>
        </li>
        <li>
          <Link to="/services" className="button button--secondary">
            See our treatments
          </Link>
        </li>
      </ul>
    </StatusErrorBoundary>
  );
}
