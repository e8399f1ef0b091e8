import {
  countBookingsOf,
  countUpcomingBookingsOf,
  type Executor,
  lockCatalogRow,
} from "@clinic/db";
import { audit, deletedFields } from "../audit/audit.js";
import type { StaffContext } from "../context.js";
import { ConflictError, NotFoundError } from "../errors.js";

type CatalogRef = { practitionerId: string } | { serviceId: string };

/**
 * What deactivating, reactivating and deleting need to know of one kind of
 * catalog entry (practitioners, services): the rules are the same for both.
 */
export interface CatalogKind<Entry extends { name: string; active: boolean }> {
  entity: "practitioner" | "service";
  notFound: string;
  ref(id: string): CatalogRef;
  find(db: Executor, id: string): Promise<Entry | null>;
  setActive(tx: Executor, id: string, active: boolean): Promise<unknown>;
  remove(tx: Executor, id: string): Promise<unknown>;
  /** Refuses deleting an entry that has bookings (named when known). */
  hasBookings(name: string | undefined): string;
  /** Another reason to keep the entry, checked after its bookings; null when there is none. */
  otherDependants?(tx: Executor, id: string): Promise<string | null>;
  /** The fields recorded as deleted. */
  auditFields(entry: Entry): Record<string, unknown>;
}

/**
 * Stops (or resumes) offering an entry online, keeping its bookings and
 * history; returns how many upcoming bookings it still has, for staff to
 * move or cancel.
 */
export async function setCatalogActive<Entry extends { name: string; active: boolean }>(
  ctx: StaffContext,
  kind: CatalogKind<Entry>,
  id: string,
  active: boolean,
) {
  const before = await kind.find(ctx.db, id);
  if (!before) throw new NotFoundError(kind.notFound);
  await ctx.db.transaction(async (tx) => {
    await kind.setActive(tx, id, active);
    await audit(tx, ctx, {
      action: `${kind.entity}.${active ? "reactivate" : "deactivate"}`,
      entityId: id,
      changes: { active: { from: before.active, to: active } },
    });
  });
  return {
    id,
    active,
    upcomingBookings: await countUpcomingBookingsOf(ctx.db, kind.ref(id), ctx.now()),
  };
}

/** Deletes an entry for good, only while nothing depends on it (a conflict otherwise: deactivate it). */
export async function deleteCatalogEntry<Entry extends { name: string; active: boolean }>(
  ctx: StaffContext,
  kind: CatalogKind<Entry>,
  id: string,
) {
  await ctx.db.transaction(async (tx) => {
    // Locked first, so a booking made meanwhile waits and then fails its foreign key.
    if (!(await lockCatalogRow(tx, kind.ref(id)))) throw new NotFoundError(kind.notFound);
    const before = await kind.find(tx, id);
    if ((await countBookingsOf(tx, kind.ref(id))) > 0) {
      throw new ConflictError(kind.hasBookings(before?.name));
    }
    const refusal = await kind.otherDependants?.(tx, id);
    if (refusal) throw new ConflictError(refusal);
    await kind.remove(tx, id);
    await audit(tx, ctx, {
      action: `${kind.entity}.delete`,
      entityId: id,
      changes: before ? deletedFields(kind.auditFields(before)) : {},
    });
  });
  return { id, deleted: true as const };
}
