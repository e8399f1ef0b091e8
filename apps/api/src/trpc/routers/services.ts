import {
  countBookingsOf,
  countUpcomingBookingsOf,
  deleteService,
  type Executor,
  findStaffService,
  insertService,
  listPublicServices,
  listStaffServices,
  lockCatalogRow,
  recordAudit,
  type StaffService,
  setServicePractitioners,
  unknownPractitionerIds,
  updateService,
} from "@clinic/db";
import { idSchema, type ServiceInput, serviceInputSchema, slugSchema } from "@clinic/domain";
import { TRPCError, type TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { changedFields } from "../audit-changes.js";
import { SLUG_TAKEN, withUniqueField } from "../db-errors.js";
import { fieldError } from "../field-error.js";
import { permissionProcedure, publicProcedure, type StaffContext } from "../trpc.js";

const NOT_FOUND = "We couldn't find that service";

const byId = z.object({ id: idSchema });

async function mustFind(ctx: StaffContext, id: string): Promise<StaffService> {
  const service = await findStaffService(ctx.db, id);
  if (!service) throw new TRPCError({ code: "NOT_FOUND", message: NOT_FOUND });
  return service;
}

/** The service as the editor sees it, practitioner ids sorted so audit diffs compare sets. */
function editableFields(s: StaffService): ServiceInput {
  return {
    slug: s.slug,
    name: s.name,
    summary: s.summary,
    description: s.description,
    durationMinutes: s.durationMinutes,
    bufferBeforeMinutes: s.bufferBeforeMinutes,
    bufferAfterMinutes: s.bufferAfterMinutes,
    priceCents: s.priceCents,
    patientType: s.patientType,
    active: s.active,
    sortOrder: s.sortOrder,
    practitionerIds: s.practitioners.map((p) => p.id).sort(),
  };
}

async function linkPractitioners(tx: Executor, serviceId: string, practitionerIds: string[]) {
  const unknown = await unknownPractitionerIds(tx, practitionerIds);
  if (unknown.length > 0) {
    throw fieldError("practitionerIds", "Choose practitioners from the clinic's list");
  }
  await setServicePractitioners(tx, serviceId, practitionerIds);
}

async function setActive(ctx: StaffContext, id: string, active: boolean) {
  const before = await mustFind(ctx, id);
  await ctx.db.transaction(async (tx) => {
    await updateService(tx, id, { active });
    await recordAudit(tx, {
      at: ctx.now(),
      actor: { id: ctx.user.id, name: ctx.user.name },
      action: active ? "service.reactivate" : "service.deactivate",
      entity: "service",
      entityId: id,
      changes: { active: { from: before.active, to: active } },
    });
  });
  return {
    id,
    active,
    upcomingBookings: await countUpcomingBookingsOf(ctx.db, { serviceId: id }, ctx.now()),
  };
}

export const servicesRouter = {
  /** Active services with the practitioners offering them, as the public sees them. */
  list: publicProcedure.query(({ ctx }) => listPublicServices(ctx.db)),

  bySlug: publicProcedure.input(z.object({ slug: slugSchema })).query(async ({ ctx, input }) => {
    const [service] = await listPublicServices(ctx.db, { slug: input.slug });
    if (!service) throw new TRPCError({ code: "NOT_FOUND", message: NOT_FOUND });
    return service;
  }),

  /** Staff: every service, inactive ones included, with its practitioners and booking count. */
  staffList: permissionProcedure("catalog.read").query(({ ctx }) => listStaffServices(ctx.db)),

  /** Staff: one service by id (NOT_FOUND otherwise). */
  get: permissionProcedure("catalog.read")
    .input(byId)
    .query(({ ctx, input }) => mustFind(ctx, input.id)),

  /**
   * Adds a service (price in cents, minutes for duration and buffers) offered
   * by `practitionerIds`; a slug already used is a field error on `slug`.
   */
  create: permissionProcedure("catalog.write")
    .input(serviceInputSchema)
    .mutation(async ({ ctx, input }) => {
      const { practitionerIds, ...fields } = input;
      const { id } = await withUniqueField("slug", SLUG_TAKEN, () =>
        ctx.db.transaction(async (tx) => {
          const row = await insertService(tx, fields);
          await linkPractitioners(tx, row.id, practitionerIds);
          await recordAudit(tx, {
            at: ctx.now(),
            actor: { id: ctx.user.id, name: ctx.user.name },
            action: "service.create",
            entity: "service",
            entityId: row.id,
            changes: { after: { ...fields, practitionerIds: [...practitionerIds].sort() } },
          });
          return row;
        }),
      );
      return mustFind(ctx, id);
    }),

  /** Edits a service, including which practitioners offer it (`practitionerIds` replaces the set). */
  update: permissionProcedure("catalog.write")
    .input(serviceInputSchema.extend({ id: idSchema }))
    .mutation(async ({ ctx, input }) => {
      const { id, practitionerIds, ...fields } = input;
      const before = await mustFind(ctx, id);
      const changes = changedFields(editableFields(before), {
        ...fields,
        practitionerIds: [...new Set(practitionerIds)].sort(),
      });
      await withUniqueField("slug", SLUG_TAKEN, () =>
        ctx.db.transaction(async (tx) => {
          if (!(await updateService(tx, id, fields))) {
            throw new TRPCError({ code: "NOT_FOUND", message: NOT_FOUND });
          }
          await linkPractitioners(tx, id, practitionerIds);
          await recordAudit(tx, {
            at: ctx.now(),
            actor: { id: ctx.user.id, name: ctx.user.name },
            action: "service.update",
            entity: "service",
            entityId: id,
            changes,
          });
        }),
      );
      return mustFind(ctx, id);
    }),

  /** Stops offering a service online, keeping its bookings; returns its upcoming bookings count. */
  deactivate: permissionProcedure("catalog.write")
    .input(byId)
    .mutation(({ ctx, input }) => setActive(ctx, input.id, false)),

  /** Offers a deactivated service again. */
  reactivate: permissionProcedure("catalog.write")
    .input(byId)
    .mutation(({ ctx, input }) => setActive(ctx, input.id, true)),

  /** Deletes a service for good, only if it was never booked (CONFLICT otherwise: deactivate it). */
  remove: permissionProcedure("catalog.write")
    .input(byId)
    .mutation(async ({ ctx, input }) => {
      await ctx.db.transaction(async (tx) => {
        // Locked first, so a booking made meanwhile waits and then fails its foreign key.
        if (!(await lockCatalogRow(tx, { serviceId: input.id }))) {
          throw new TRPCError({ code: "NOT_FOUND", message: NOT_FOUND });
        }
        const before = await findStaffService(tx, input.id);
        if ((await countBookingsOf(tx, { serviceId: input.id })) > 0) {
          throw new TRPCError({
            code: "CONFLICT",
            message: `${before?.name ?? "This service"} has bookings, so it can't be deleted. Deactivate it instead.`,
          });
        }
        await deleteService(tx, input.id);
        await recordAudit(tx, {
          at: ctx.now(),
          actor: { id: ctx.user.id, name: ctx.user.name },
          action: "service.delete",
          entity: "service",
          entityId: input.id,
          changes: { before: before ? editableFields(before) : null },
        });
      });
      return { id: input.id, deleted: true as const };
    }),
} satisfies TRPCRouterRecord;
