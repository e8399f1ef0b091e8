import {
  countAuditEntries,
  listAuditEntities,
  listAuditEntries,
  patientNamesByIds,
} from "@clinic/db";
import type { StaffContext } from "../context.js";

const PAGE_SIZE = 50;

interface AuditLogFilter {
  actorId?: string | undefined;
  entity?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
}

/**
 * The audit log, newest first, 50 a page, filtered by actor, entity
 * ("booking", "post", "staff_user", …) and a time range [from, to), with the
 * entities that have entries (for the filter). Each entry names its actor as
 * they were called when they acted; `patients` names the patients the page refers to by id
 * (null: erased).
 */
export async function auditLogPage(ctx: StaffContext, input: AuditLogFilter & { page: number }) {
  const { page, ...filter } = input;
  const [items, total, entities] = await Promise.all([
    listAuditEntries(ctx.db, { ...filter, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
    countAuditEntries(ctx.db, filter),
    listAuditEntities(ctx.db),
  ]);
  const patients = await patientNamesByIds(ctx.db, [...patientIdsIn(items)]);
  return { items, total, page, pageSize: PAGE_SIZE, entities, patients };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The patients a page of entries names by id: the record of a patient entry and any
 * `patientId` change. Names are looked up as the page is read, never stored in the log, so
 * an erased patient's name is gone from it too.
 */
function patientIdsIn(
  items: readonly { entity: string; entityId: string | null; changes: unknown }[],
): Set<string> {
  const ids = new Set<string>();
  const add = (value: unknown) => {
    if (typeof value === "string" && UUID.test(value)) ids.add(value);
  };
  for (const item of items) {
    if (item.entity === "patient") add(item.entityId);
    const change = (item.changes as Record<string, { from?: unknown; to?: unknown }> | null)
      ?.patientId;
    if (change && typeof change === "object") {
      add(change.from);
      add(change.to);
    }
  }
  return ids;
}
