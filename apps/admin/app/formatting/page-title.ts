/** The document title of an admin page: the page first, so tabs stay tellable apart. */
export function pageTitle(page: string): string {
  return `${page} · Clinic admin`;
}
