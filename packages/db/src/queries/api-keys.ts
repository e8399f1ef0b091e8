import type { StaffRole } from "@clinic/domain";
import { and, desc, eq, isNull, lt, or } from "drizzle-orm";
import type { Executor } from "../database.js";
import { apiKeys, practitioners, staffUsers } from "../schema.js";

/** How often a key's `last_used_at` is written at most (like staff sessions' last use). */
export const API_KEY_TOUCH_INTERVAL_MS = 60_000;

export interface ApiKeyRecord {
  id: string;
  name: string;
  role: StaffRole;
  practitionerId: string | null;
  practitionerName: string | null;
  prefix: string;
  createdAt: Date;
  createdByName: string | null;
  expiresAt: Date;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
}

const recordColumns = {
  id: apiKeys.id,
  name: apiKeys.name,
  role: apiKeys.role,
  practitionerId: apiKeys.practitionerId,
  practitionerName: practitioners.name,
  prefix: apiKeys.prefix,
  createdAt: apiKeys.createdAt,
  createdByName: staffUsers.name,
  expiresAt: apiKeys.expiresAt,
  revokedAt: apiKeys.revokedAt,
  lastUsedAt: apiKeys.lastUsedAt,
};

/** Every key, newest first (revoked and expired ones too: the admin shows their state). */
export async function listApiKeys(db: Executor): Promise<ApiKeyRecord[]> {
  const rows = await db
    .select(recordColumns)
    .from(apiKeys)
    .leftJoin(practitioners, eq(practitioners.id, apiKeys.practitionerId))
    .leftJoin(staffUsers, eq(staffUsers.id, apiKeys.createdById))
    .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id));
  return rows.map((row) => ({ ...row, role: row.role as StaffRole }));
}

export async function findApiKey(db: Executor, id: string): Promise<ApiKeyRecord | null> {
  const [row] = await db
    .select(recordColumns)
    .from(apiKeys)
    .leftJoin(practitioners, eq(practitioners.id, apiKeys.practitionerId))
    .leftJoin(staffUsers, eq(staffUsers.id, apiKeys.createdById))
    .where(eq(apiKeys.id, id))
    .limit(1);
  return row ? { ...row, role: row.role as StaffRole } : null;
}

export async function insertApiKey(
  db: Executor,
  values: {
    name: string;
    role: StaffRole;
    practitionerId: string | null;
    prefix: string;
    tokenHash: string;
    createdById: string;
    createdAt: Date;
    expiresAt: Date;
  },
): Promise<{ id: string }> {
  const [row] = await db.insert(apiKeys).values(values).returning({ id: apiKeys.id });
  return row!;
}

/** Marks a key revoked (once: a second revoke keeps the first time); false if there is no such key. */
export async function revokeApiKey(db: Executor, id: string, at: Date): Promise<boolean> {
  const rows = await db
    .update(apiKeys)
    .set({ revokedAt: at })
    .where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
    .returning({ id: apiKeys.id });
  if (rows.length > 0) return true;
  const [existing] = await db.select({ id: apiKeys.id }).from(apiKeys).where(eq(apiKeys.id, id));
  return existing !== undefined;
}

/** A key by its hash, with the account that made it; whether it may be used is the caller's call. */
export async function findApiKeyByHash(db: Executor, tokenHash: string) {
  const [row] = await db
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      role: apiKeys.role,
      practitionerId: apiKeys.practitionerId,
      expiresAt: apiKeys.expiresAt,
      revokedAt: apiKeys.revokedAt,
      lastUsedAt: apiKeys.lastUsedAt,
      creator: {
        id: staffUsers.id,
        email: staffUsers.email,
        name: staffUsers.name,
        active: staffUsers.active,
      },
    })
    .from(apiKeys)
    .innerJoin(staffUsers, eq(staffUsers.id, apiKeys.createdById))
    .where(eq(apiKeys.tokenHash, tokenHash))
    .limit(1);
  return row ? { ...row, role: row.role as StaffRole } : null;
}

/** Records a use at `at`, unless one was recorded within the last minute. */
export async function touchApiKey(db: Executor, id: string, at: Date): Promise<void> {
  await db
    .update(apiKeys)
    .set({ lastUsedAt: at })
    .where(
      and(
        eq(apiKeys.id, id),
        or(
          isNull(apiKeys.lastUsedAt),
          lt(apiKeys.lastUsedAt, new Date(at.getTime() - API_KEY_TOUCH_INTERVAL_MS)),
        ),
      ),
    );
}
