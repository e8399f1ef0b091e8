import { and, asc, count, desc, eq, gte, lt, type SQL } from "drizzle-orm";
import type { Executor } from "../database.js";
import { auditLog } from "../schema.js";

export interface AuditEntry {
  /** When, by the API's clock (the one its filters and retention are measured on). */
  at: Date;
  actor: { id: string; name: string };
  action: string;
  entity: string;
  entityId?: string | null;
  changes?: Record<string, unknown>;
}

/** Records a staff write; call it in the same transaction as the write. */
export async function recordAudit(db: Executor, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    createdAt: entry.at,
    actorId: entry.actor.id,
    actorName: entry.actor.name,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId ?? null,
    changes: entry.changes ?? {},
  });
}

function auditConditions(filter: {
  actorId?: string | undefined;
  entity?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
}): SQL | undefined {
  return and(
    filter.actorId ? eq(auditLog.actorId, filter.actorId) : undefined,
    filter.entity ? eq(auditLog.entity, filter.entity) : undefined,
    filter.from ? gte(auditLog.createdAt, filter.from) : undefined,
    filter.to ? lt(auditLog.createdAt, filter.to) : undefined,
  );
}

/** Entries newest first, with the actor's name as it was when they acted. */
export async function listAuditEntries(
  db: Executor,
  filter: {
    actorId?: string | undefined;
    entity?: string | undefined;
    from?: Date | undefined;
    to?: Date | undefined;
    limit: number;
    offset: number;
  },
) {
  return db
    .select()
    .from(auditLog)
    .where(auditConditions(filter))
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(filter.limit)
    .offset(filter.offset);
}

/** How many entries match the filter, for paging. */
export async function countAuditEntries(
  db: Executor,
  filter: {
    actorId?: string | undefined;
    entity?: string | undefined;
    from?: Date | undefined;
    to?: Date | undefined;
  },
): Promise<number> {
  const [row] = await db.select({ n: count() }).from(auditLog).where(auditConditions(filter));
  return row?.n ?? 0;
}

/** The entities that have entries, for the audit log's filter. */
export async function listAuditEntities(db: Executor): Promise<string[]> {
  const rows = await db
    .selectDistinct({ entity: auditLog.entity })
    .from(auditLog)
    .orderBy(asc(auditLog.entity));
  return rows.map((r) => r.entity);
}
