import { countAuditEntries, listAuditEntities, listAuditEntries } from "@clinic/db";
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
 * they were called when they acted.
 */
export async function auditLogPage(ctx: StaffContext, input: AuditLogFilter & { page: number }) {
  const { page, ...filter } = input;
  const [items, total, entities] = await Promise.all([
    listAuditEntries(ctx.db, { ...filter, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
    countAuditEntries(ctx.db, filter),
    listAuditEntities(ctx.db),
  ]);
  return { items, total, page, pageSize: PAGE_SIZE, entities };
}
