import { patientsExportInputSchema } from "@clinic/domain";
import { type ActionFunctionArgs, redirect } from "@remix-run/node";
import { csvDownload } from "../server/csv-download.server";
import { requireStaffAction } from "../server/staff-access.server";

/**
 * Patients as a CSV download (owner and front desk): everyone, or the patients page's search.
 * A plain form posts here, so the browser saves the file; a POST because the API audits it.
 */
export async function action({ request }: ActionFunctionArgs) {
  const { api } = await requireStaffAction(request, "lists.export");
  const query = String((await request.formData()).get("q") ?? "").trim();
  const listPath = query ? `/patients?${new URLSearchParams({ q: query })}` : "/patients";
  const parsed = patientsExportInputSchema.safeParse({ query: query || undefined });
  // A search the list would refuse goes back to it, where the message is shown.
  if (!parsed.success) throw redirect(listPath);
  return csvDownload(() => api.patients.exportCsv.mutate(parsed.data), listPath);
}

/** The export has no page of its own: an address typed or reloaded lands on the list. */
export function loader() {
  return redirect("/patients");
}
