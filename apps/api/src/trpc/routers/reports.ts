import { practiceReportInputSchema } from "@clinic/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { exportPracticeReportCsv, practiceReport } from "../../reports/practice-report.js";
import { permissionProcedure } from "../trpc.js";

export const reportsRouter = {
  /**
   * The practice report for the ISO week or month holding `from`, or `from`…`to` (custom, at
   * most 366 days), all practitioners or one: utilisation, no-show and late-cancellation rates,
   * new and returning patients, bookings by service and channel, estimated revenue.
   */
  practice: permissionProcedure("reports.read")
    .input(practiceReportInputSchema)
    .query(({ ctx, input }) => practiceReport(ctx, input)),

  /** The report's per-practitioner table as a CSV file. A mutation: every export is audited. */
  exportCsv: permissionProcedure("reports.read")
    .meta({ access: "staff", permission: "reports.read", publicContent: "unchanged" })
    .input(practiceReportInputSchema)
    .mutation(({ ctx, input }) => exportPracticeReportCsv(ctx, input)),
} satisfies TRPCRouterRecord;
