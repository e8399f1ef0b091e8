import {
  deleteService,
  type Executor,
  findStaffService,
  insertService,
  listPublicServices,
  listStaffServices,
  type StaffService,
  setServicePractitioners,
  unknownPractitionerIds,
  updateService,
} from "@clinic/db";
import type { ServiceInput } from "@clinic/domain";
import { audit, changedFields, createdFields } from "../audit/audit.js";
import { cachedRead } from "../cache/public-cache.js";
import type { AppContext, StaffContext } from "../context.js";
import { FieldError, NotFoundError, SLUG_TAKEN, withUniqueField } from "../errors.js";
import { type CatalogKind, deleteCatalogEntry, setCatalogActive } from "./catalog-lifecycle.js";

const NOT_FOUND = "We couldn't find that service";

/** Active services with the practitioners offering them, as the public sees them. */
export function publicServices(ctx: AppContext) {
  return cachedRead(ctx, "services", async () => ({ value: await listPublicServices(ctx.db) }));
}

export async function publicServiceBySlug(ctx: AppContext, slug: string) {
  // The list holds every public service, as the query by slug would find it.
  const service = (await publicServices(ctx)).find((s) => s.slug === slug);
  if (!service) throw new NotFoundError(NOT_FOUND);
  return service;
}

/** Every service, inactive ones included, with its practitioners and booking count. */
export function staffServices(ctx: StaffContext) {
  return listStaffServices(ctx.db);
}

export async function staffService(ctx: StaffContext, id: string): Promise<StaffService> {
  const service = await findStaffService(ctx.db, id);
  if (!service) throw new NotFoundError(NOT_FOUND);
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
    throw new FieldError("practitionerIds", "Choose practitioners from the clinic's list");
  }
  await setServicePractitioners(tx, serviceId, practitionerIds);
}

/**
 * Adds a service (price in cents, minutes for duration and buffers) offered
 * by `practitionerIds`; a slug already used is a field error on `slug`.
 */
export async function createService(ctx: StaffContext, input: ServiceInput) {
  const { practitionerIds, ...fields } = input;
  const { id } = await withUniqueField("slug", SLUG_TAKEN, () =>
    ctx.db.transaction(async (tx) => {
      const row = await insertService(tx, fields);
      await linkPractitioners(tx, row.id, practitionerIds);
      await audit(tx, ctx, {
        action: "service.create",
        entityId: row.id,
        changes: createdFields({ ...fields, practitionerIds: [...practitionerIds].sort() }),
      });
      return row;
    }),
  );
  return staffService(ctx, id);
}

/** Edits a service, including which practitioners offer it (`practitionerIds` replaces the set). */
export async function updateStaffService(ctx: StaffContext, input: ServiceInput & { id: string }) {
  const { id, practitionerIds, ...fields } = input;
  const before = await staffService(ctx, id);
  const changes = changedFields(editableFields(before), {
    ...fields,
    practitionerIds: [...new Set(practitionerIds)].sort(),
  });
  await withUniqueField("slug", SLUG_TAKEN, () =>
    ctx.db.transaction(async (tx) => {
      if (!(await updateService(tx, id, fields))) throw new NotFoundError(NOT_FOUND);
      await linkPractitioners(tx, id, practitionerIds);
      await audit(tx, ctx, { action: "service.update", entityId: id, changes });
    }),
  );
  return staffService(ctx, id);
}

const serviceKind: CatalogKind<StaffService> = {
  entity: "service",
  notFound: NOT_FOUND,
  ref: (serviceId) => ({ serviceId }),
  find: findStaffService,
  setActive: (tx, id, active) => updateService(tx, id, { active }),
  remove: deleteService,
  hasBookings: (name) =>
    `${name ?? "This service"} has bookings, so it can't be deleted. Deactivate it instead.`,
  auditFields: editableFields,
};

/**
 * Stops (or resumes) offering a service online, keeping its bookings;
 * returns how many upcoming bookings it has.
 */
export function setServiceActive(ctx: StaffContext, id: string, active: boolean) {
  return setCatalogActive(ctx, serviceKind, id, active);
}

/** Deletes a service for good, only if it was never booked (a conflict otherwise: deactivate it). */
export function deleteStaffService(ctx: StaffContext, id: string) {
  return deleteCatalogEntry(ctx, serviceKind, id);
}
