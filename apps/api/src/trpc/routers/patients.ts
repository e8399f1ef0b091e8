import { findPatientWithBookings, searchPatients } from "@clinic/db";
import { idInputSchema, PATIENTS_PAGE_SIZE, patientSearchInputSchema } from "@clinic/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { NotFoundError } from "../../errors.js";
import { permissionProcedure } from "../trpc.js";

export const patientsRouter = {
  /**
   * Patients whose name, email or phone contains `query` (case-insensitive),
   * by name, 25 a page, with booking counts and next and last visits.
   */
  search: permissionProcedure("patients.read")
    .input(patientSearchInputSchema)
    .query(async ({ ctx, input }) => {
      const result = await searchPatients(ctx.db, {
        query: input.query,
        limit: PATIENTS_PAGE_SIZE,
        offset: (input.page - 1) * PATIENTS_PAGE_SIZE,
        now: ctx.now(),
      });
      return {
        ...result,
        page: input.page,
        pageSize: PATIENTS_PAGE_SIZE,
        pageCount: Math.max(1, Math.ceil(result.total / PATIENTS_PAGE_SIZE)),
      };
    }),

  /** A patient's contact details and booking history, newest first. */
  detail: permissionProcedure("patients.read")
    .input(idInputSchema)
    .query(async ({ ctx, input }) => {
      const found = await findPatientWithBookings(ctx.db, input.id);
      if (!found) throw new NotFoundError("We couldn't find that patient");
      return found;
    }),
} satisfies TRPCRouterRecord;
