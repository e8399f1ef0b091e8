import { type ActionFunctionArgs, redirect } from "@remix-run/node";
import { todayIn } from "../formatting/clinic-time";
import { csvDownload } from "../server/csv-download.server";
import { requireStaffAction } from "../server/staff-access.server";
import { readReportParams, reportSearch } from "./_staff.reports._index/report-params";

/**
 * The practice report's table as a CSV download (owner and front desk). A plain POST form
 * so the browser saves the file with or without JavaScript, and the API audits every export.
 */
export async function action({ request }: ActionFunctionArgs) {
  const { api } = await requireStaffAction(request, "reports.read");
  const form = await request.formData();
  const search = new URLSearchParams();
  for (const [key, value] of form) if (typeof value === "string") search.set(key, value);
  const settings = await api.settings.get.query();
  const params = readReportParams(search, todayIn(settings.timeZone));
  const reportPath = `/reports?${reportSearch(params.values)}`;
  // A period the page would refuse goes back to it, where the mistake shows by its field.
  if (!params.input) throw redirect(reportPath);
  const input = params.input;
  return csvDownload(() => api.reports.exportCsv.mutate(input), reportPath);
}

/** The export has no page of its own. */
export function loader() {
  return redirect("/reports");
}
