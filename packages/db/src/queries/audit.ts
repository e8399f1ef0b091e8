import { and, desc, eq, gte, lt, type SQL } from "drizzle-orm";
import type { Executor } from "../database.js";
import { auditLog } from "../schema.js";

export interface AuditEntry {
  actor: { id: string; name: string };
  action: string;
  entity: string;
  entityId?: string | null;
  changes?: Record<string, unknown>;
}

/** Records a staff write; call it in the same transaction as the write. */
export async function recordAudit(db: Executor, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    actorId: entry.actor.id,
    actorName: entry.actor.name,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId ?? null,
    changes: entry.changes ?? {},
  });
}

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
  const conditions: (SQL | undefined)[] = [
    filter.actorId ? eq(auditLog.actorId, filter.actorId) : undefined,
    filter.entity ? eq(auditLog.entity, filter.entity) : undefined,
    filter.from ? gte(auditLog.createdAt, filter.from) : undefined,
    filter.to ? lt(auditLog.createdAt, filter.to) : undefined,
  ];
  return db
    .select()
    .from(auditLog)
    .where(and(...conditions))
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(filter.limit)
    .offset(filter.offset);
}
