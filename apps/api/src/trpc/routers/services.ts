import { idInputSchema, serviceInputSchema, slugSchema } from "@clinic/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import {
  createService,
  deleteStaffService,
  publicServiceBySlug,
  publicServices,
  setServiceActive,
  staffService,
  staffServices,
  updateStaffService,
} from "../../catalog/services.js";
import { permissionProcedure, publicReadProcedure } from "../trpc.js";

export const servicesRouter = {
  /** Active services with the practitioners offering them, as the public sees them. */
  list: publicReadProcedure.query(({ ctx }) => publicServices(ctx)),

  bySlug: publicReadProcedure
    .input(z.object({ slug: slugSchema }))
    .query(({ ctx, input }) => publicServiceBySlug(ctx, input.slug)),

  /** Staff: every service, inactive ones included, with its practitioners and booking count. */
  staffList: permissionProcedure("catalog.read").query(({ ctx }) => staffServices(ctx)),

  /** Staff: one service by id (NOT_FOUND otherwise). */
  get: permissionProcedure("catalog.read")
    .input(idInputSchema)
    .query(({ ctx, input }) => staffService(ctx, input.id)),

  /**
   * Adds a service (price in cents, minutes for duration and buffers) offered
   * by `practitionerIds`; a slug already used is a field error on `slug`.
   */
  create: permissionProcedure("catalog.write")
    .input(serviceInputSchema)
    .mutation(({ ctx, input }) => createService(ctx, input)),

  /** Edits a service, including which practitioners offer it (`practitionerIds` replaces the set). */
  update: permissionProcedure("catalog.write")
    .input(serviceInputSchema.extend({ id: idInputSchema.shape.id }))
    .mutation(({ ctx, input }) => updateStaffService(ctx, input)),

  /** Stops offering a service online, keeping its bookings; returns its upcoming bookings count. */
  deactivate: permissionProcedure("catalog.write")
    .input(idInputSchema)
    .mutation(({ ctx, input }) => setServiceActive(ctx, input.id, false)),

  /** Offers a deactivated service again. */
  reactivate: permissionProcedure("catalog.write")
    .input(idInputSchema)
    .mutation(({ ctx, input }) => setServiceActive(ctx, input.id, true)),

  /** Deletes a service for good, only if it was never booked (CONFLICT otherwise: deactivate it). */
  remove: permissionProcedure("catalog.write")
    .input(idInputSchema)
    .mutation(({ ctx, input }) => deleteStaffService(ctx, input.id)),
} satisfies TRPCRouterRecord;
