import type { StaffUser } from "@clinic/domain";
import { and, count, eq, gt, lt, sql } from "drizzle-orm";
import type { Executor } from "../database.js";
import { signInFailures, staffSessions, staffUsers } from "../schema.js";

type StaffRow = typeof staffUsers.$inferSelect;

function toStaffUser(row: StaffRow): StaffUser {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    practitionerId: row.practitionerId,
    active: row.active,
  };
}

export async function findStaffByEmail(
  db: Executor,
  email: string,
): Promise<(StaffUser & { passwordHash: string }) | null> {
  const [row] = await db
    .select()
    .from(staffUsers)
    .where(sql`lower(${staffUsers.email}) = ${email.toLowerCase()}`)
    .limit(1);
  return row ? { ...toStaffUser(row), passwordHash: row.passwordHash } : null;
}

export async function createStaffUser(
  db: Executor,
  user: Omit<StaffUser, "id" | "active"> & { passwordHash: string },
): Promise<StaffUser> {
  const [row] = await db.insert(staffUsers).values(user).returning();
  return toStaffUser(row!);
}

export async function createStaffSession(
  db: Executor,
  session: { userId: string; tokenHash: string; expiresAt: Date },
): Promise<void> {
  await db.insert(staffSessions).values(session);
}

/**
 * The active user behind an unexpired session, touching its last-seen time and
 * sliding its expiry so an idle session lapses but a busy one does not.
 */
export async function findSessionUser(
  db: Executor,
  tokenHash: string,
  now: Date,
  idleTimeoutMs: number,
): Promise<{ user: StaffUser; expiresAt: Date } | null> {
  const [row] = await db
    .select({ user: staffUsers, sessionId: staffSessions.id, expiresAt: staffSessions.expiresAt })
    .from(staffSessions)
    .innerJoin(staffUsers, eq(staffUsers.id, staffSessions.userId))
    .where(
      and(
        eq(staffSessions.tokenHash, tokenHash),
        gt(staffSessions.expiresAt, now),
        eq(staffUsers.active, true),
      ),
    )
    .limit(1);
  if (!row) return null;
  const expiresAt = new Date(now.getTime() + idleTimeoutMs);
  await db
    .update(staffSessions)
    .set({ lastSeenAt: now, expiresAt })
    .where(eq(staffSessions.id, row.sessionId));
  return { user: toStaffUser(row.user), expiresAt };
}

export async function deleteStaffSession(db: Executor, tokenHash: string): Promise<void> {
  await db.delete(staffSessions).where(eq(staffSessions.tokenHash, tokenHash));
}

export async function deleteExpiredSessions(db: Executor, now: Date): Promise<void> {
  await db.delete(staffSessions).where(lt(staffSessions.expiresAt, now));
}

export async function recordSignInFailure(db: Executor, email: string): Promise<void> {
  await db.insert(signInFailures).values({ email: email.toLowerCase() });
}

export async function countRecentSignInFailures(
  db: Executor,
  email: string,
  since: Date,
): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(signInFailures)
    .where(and(eq(signInFailures.email, email.toLowerCase()), gt(signInFailures.createdAt, since)));
  return row?.n ?? 0;
}

export async function clearSignInFailures(db: Executor, email: string): Promise<void> {
  await db.delete(signInFailures).where(eq(signInFailures.email, email.toLowerCase()));
}
