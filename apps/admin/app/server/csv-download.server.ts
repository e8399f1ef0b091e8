import { MAX_EXPORT_ROWS } from "@clinic/domain";
import { apiRefusal } from "@clinic/form-kit/server";
import { redirect } from "@remix-run/node";
import { withNotice } from "./notices.server";

/** The notice a list page shows when the API refused an export (too many rows). */
export const EXPORT_REFUSED_NOTICE = "export-refused";

/**
 * A CSV export from the API as a download (the API builds the file, already with its BOM and
 * dated name). An export the API refuses (over its row limit) sends staff back to `listPath`
 * with a notice; anything else is thrown as usual.
 */
export async function csvDownload(
  exportFile: () => Promise<{ fileName: string; csv: string }>,
  listPath: string,
): Promise<Response> {
  try {
    const file = await exportFile();
    return new Response(file.csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${file.fileName}"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    if (apiRefusal(error)?.code === "BAD_REQUEST") {
      throw redirect(withNotice(listPath, EXPORT_REFUSED_NOTICE));
    }
    throw error;
  }
}

/** What a list page says after a refused export. */
export const exportNotices = {
  [EXPORT_REFUSED_NOTICE]: `That export would be over ${MAX_EXPORT_ROWS.toLocaleString("en-AU")} rows. Narrow the filters (for example a shorter date range) and export in parts.`,
} as const;
