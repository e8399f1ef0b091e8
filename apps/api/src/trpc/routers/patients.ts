import {
  idInputSchema,
  patientEraseInputSchema,
  patientSearchInputSchema,
  patientsExportInputSchema,
} from "@clinic/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { exportPatientsCsv } from "../../exports/csv-exports.js";
import { erasePatientData, exportPatientData } from "../../patients/data-rights.js";
import { patientDetail, patientSearch } from "../../patients/patients.js";
import { exportProcedure, permissionProcedure } from "../trpc.js";

export const patientsRouter = {
  /**
   * Patients whose name, email or phone contains `query` (case-insensitive),
   * by name, 25 a page, with booking counts and next and last visits.
   */
  search: permissionProcedure("patients.read")
    .input(patientSearchInputSchema)
    .query(({ ctx, input }) => patientSearch(ctx, input)),

  /**
   * Every patient, or those `query` matches, as a CSV file by name (at most 10,000 rows).
   * A mutation: every export is audited.
   */
  exportCsv: exportProcedure
    .input(patientsExportInputSchema)
    .mutation(({ ctx, input }) => exportPatientsCsv(ctx, input)),

  /** A patient's contact details and booking history, newest first. */
  detail: permissionProcedure("patients.read")
    .input(idInputSchema)
    .query(({ ctx, input }) => patientDetail(ctx, input.id)),

  /**
   * Everything held about a patient, as one document for a download; a mutation because it
   * is audited (who took a copy of whose data, and when).
   */
  exportData: permissionProcedure("patients.export")
    .input(idInputSchema)
    .mutation(({ ctx, input }) => exportPatientData(ctx, input.id)),

  /**
   * Erases a patient's personal details for good (bookings stay, de-identified, for the
   * figures); `confirmName` must be their name as staff see it.
   */
  erase: permissionProcedure("patients.erase")
    .input(patientEraseInputSchema)
    .mutation(({ ctx, input }) => erasePatientData(ctx, input)),
} satisfies TRPCRouterRecord;
