import { errorTitle } from "@clinic/form-kit";
import { staffErrorCopy } from "./error-copy";

/** The document title of an admin page: the page first, so tabs stay tellable apart. */
function pageTitle(page: string): string {
  return `${page} · Clinic admin`;
}

/**
 * A route's `meta`: its page title, or when the route failed the error page's ("You don't have
 * access", "Page not found", …), so the tab says what the page says.
 */
export function pageMeta(error: unknown, page: string) {
  return [{ title: pageTitle(error ? errorTitle(error, staffErrorCopy) : page) }];
}
