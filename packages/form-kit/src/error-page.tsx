import { isRouteErrorResponse, useRouteError } from "@remix-run/react";
import type { ReactNode } from "react";

/** The statuses with a page of their own; anything else is shown as 500. */
export type ErrorStatus = 401 | 403 | 404 | 409 | 500;

export interface ErrorCopy {
  title: string;
  message: string;
  /** The line above the title; "Error 404" ("Error" for 500) unless an app words it. */
  eyebrow?: string;
}

/** What each status means, in words for people; apps may reword any of them. */
export const defaultErrorCopy: Record<ErrorStatus, ErrorCopy> = {
  401: {
    title: "Please sign in",
    message: "You need to be signed in to see this page. Your session may have ended.",
  },
  403: {
    title: "You don't have access",
    message:
      "Your account isn't allowed to see this page. If you need it, ask the person who manages accounts.",
  },
  404: {
    title: "Page not found",
    message: "There is no page at this address. It may have moved, or the link may be mistyped.",
  },
  409: {
    title: "That changed in the meantime",
    message: "Someone else changed this at the same moment. Go back, reload and try again.",
  },
  500: {
    title: "Something went wrong",
    message: "The page could not be shown. Try again in a moment.",
  },
};

/** The status a route error stands for: a thrown response's own, else 500. */
export function errorStatusOf(error: unknown): ErrorStatus {
  if (isRouteErrorResponse(error)) {
    const status = error.status;
    if (status === 401 || status === 403 || status === 404 || status === 409) return status;
  }
  return 500;
}

/** The page title for a route error ("Page not found", "You don't have access", …). */
export function errorTitle(error: unknown, copy: Partial<Record<ErrorStatus, ErrorCopy>> = {}) {
  const status = errorStatusOf(error);
  return (copy[status] ?? defaultErrorCopy[status]).title;
}

export interface ErrorPageProps {
  status: ErrorStatus;
  copy?: Partial<Record<ErrorStatus, ErrorCopy>>;
  className?: string;
  /** Where to go from here (links), under the message. */
  children?: ReactNode;
}

/** A page that says what happened, by status. Never shows error messages or stacks. */
export function ErrorPage({
  status,
  copy = {},
  className = "error-page",
  children,
}: ErrorPageProps) {
  const { title, message, eyebrow } = copy[status] ?? defaultErrorCopy[status];
  return (
    <section className={className} aria-labelledby="error-heading">
      <p className="eyebrow">{eyebrow ?? (status === 500 ? "Error" : `Error ${status}`)}</p>
      <h1 id="error-heading">{title}</h1>
      <p className="lead">{message}</p>
      {children}
    </section>
  );
}

/** A route's `ErrorBoundary`: the error page for whatever the route threw. */
export function StatusErrorBoundary(props: Omit<ErrorPageProps, "status">) {
  return <ErrorPage status={errorStatusOf(useRouteError())} {...props} />;
}
