import { type ActionFunctionArgs, redirect } from "@remix-run/node";
import { todayIn } from "../formatting/clinic-time";
import { csvDownload } from "../server/csv-download.server";
import { requireStaffAction } from "../server/staff-access.server";
import { bookingsListHref, readBookingsListParams } from "./_staff.bookings._index/bookings-params";

/**
 * The bookings list's matches as a CSV download (owner and front desk). The list posts its
 * filters here with a plain form, so the browser saves the file with or without JavaScript;
 * a POST, not a link, because the API records every export in the audit log.
 */
export async function action({ request }: ActionFunctionArgs) {
  const { api } = await requireStaffAction(request, "lists.export");
  const form = await request.formData();
  const search = new URLSearchParams();
  for (const [key, value] of form) if (typeof value === "string") search.set(key, value);
  const settings = await api.settings.get.query();
  const params = readBookingsListParams(search, todayIn(settings.timeZone));
  const listPath = bookingsListHref(params.values);
  // Filters the list would refuse go back to it, where each mistake is shown by its field.
  if (!params.filter) throw redirect(listPath);
  const filter = params.filter;
  return csvDownload(() => api.bookings.exportCsv.mutate(filter), listPath);
}

/** The export has no page of its own: an address typed or reloaded lands on the list. */
export function loader() {
  return redirect("/bookings");
}
