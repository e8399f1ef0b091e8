import { type EnquiryStatus, enquiryStatuses } from "@clinic/domain";
import { type ActionFunctionArgs, redirect } from "@remix-run/node";
import { csvDownload } from "../server/csv-download.server";
import { requireStaffAction } from "../server/staff-access.server";

/**
 * Enquiries as a CSV download (owner and front desk): all of them, or the inbox tab's status.
 * A plain form posts here, so the browser saves the file; a POST because the API audits it.
 */
export async function action({ request }: ActionFunctionArgs) {
  const { api } = await requireStaffAction(request, "lists.export");
  const raw = String((await request.formData()).get("status") ?? "");
  const status = enquiryStatuses.includes(raw as EnquiryStatus)
    ? (raw as EnquiryStatus)
    : undefined;
  const listPath = `/enquiries?${new URLSearchParams({ status: status ?? "all" })}`;
  return csvDownload(() => api.enquiries.exportCsv.mutate({ status }), listPath);
}

/** The export has no page of its own: an address typed or reloaded lands on the inbox. */
export function loader() {
  return redirect("/enquiries");
}
