import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";

/** What went wrong, in words for staff. Never shows error messages or stacks. */
export function RouteError() {
  const error = useRouteError();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  return (
    <section className="error-page" aria-labelledby="error-heading">
      <h1 id="error-heading">{notFound ? "Page not found" : "Something went wrong"}</h1>
      <p>
        {notFound
          ? "There is no page at this address. It may have moved, or the link may be mistyped."
          : "The page could not be shown. Try again in a moment; if it keeps happening, tell the clinic's administrator."}
      </p>
      <p>
        <Link to="/">Go to the dashboard</Link>
      </p>
    </section>
  );
}

export function errorTitle(error: unknown): string {
  return isRouteErrorResponse(error) && error.status === 404 ? "Page not found" : "Error";
}
