import { requireRecord } from "@clinic/form-kit/server";
import type { ActionFunctionArgs } from "@remix-run/node";
import { requireStaffAction } from "../server/staff-access.server";

/**
 * A patient's data as a JSON download (decision 018): the patient page's "Download" button
 * posts here with a plain form, so the browser saves the answer, with or without JavaScript.
 * A POST, not a link: the API records every export in the audit log.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const { api } = await requireStaffAction(request, "patients.export");
  const { fileName, ...data } = await requireRecord(
    () => api.patients.exportData.mutate({ id: params.id ?? "" }),
    "Patient",
  );
  return new Response(`${JSON.stringify(data, null, 2)}\n`, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "no-store",
    },
  });
}
