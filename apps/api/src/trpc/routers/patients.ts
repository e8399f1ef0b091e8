import { idInputSchema, patientSearchInputSchema } from "@clinic/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { patientDetail, patientSearch } from "../../patients/patients.js";
import { permissionProcedure } from "../trpc.js";

export const patientsRouter = {
  /**
   * Patients whose name, email or phone contains `query` (case-insensitive),
   * by name, 25 a page, with booking counts and next and last visits.
   */
  search: permissionProcedure("patients.read")
    .input(patientSearchInputSchema)
    .query(({ ctx, input }) => patientSearch(ctx, input)),

  /** A patient's contact details and booking history, newest first. */
  detail: permissionProcedure("patients.read")
    .input(idInputSchema)
    .query(({ ctx, input }) => patientDetail(ctx, input.id)),
} satisfies TRPCRouterRecord;
