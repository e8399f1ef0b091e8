import type { StaffUser } from "@clinic/domain";
import { and, asc, count, desc, eq, gt, isNull, lt, ne, or, sql } from "drizzle-orm";
import type { Executor } from "../database.js";
import { practitioners, signInFailures, staffSessions, staffUsers } from "../schema.js";

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

/** Starts a session `at` the API's clock (its first activity). */
export async function createStaffSession(
  db: Executor,
  session: { userId: string; tokenHash: string; expiresAt: Date; at: Date },
): Promise<void> {
  const { at, ...values } = session;
  await db.insert(staffSessions).values({ ...values, createdAt: at, lastSeenAt: at });
}

/** Records that a user used the admin `at` (never moving their last activity back). */
export async function touchStaffActivity(db: Executor, userId: string, at: Date): Promise<void> {
  await db
    .update(staffUsers)
    .set({ lastActiveAt: at })
    .where(
      and(
        eq(staffUsers.id, userId),
        or(isNull(staffUsers.lastActiveAt), lt(staffUsers.lastActiveAt, at)),
      ),
    );
}

/**
 * How often a busy session writes: its last-seen time, its sliding expiry and the user's last
 * activity move at most once a minute, not on every request.
 */
export const SESSION_TOUCH_INTERVAL_MS = 60_000;

/**
 * The active user behind an unexpired session. A session last touched over a minute ago
 * gets its last-seen time and expiry moved on (so an idle session lapses but a busy one does
 * not), and its user's last activity with it.
 */
export async function findSessionUser(
  db: Executor,
  tokenHash: string,
  now: Date,
  idleTimeoutMs: number,
): Promise<{ user: StaffUser; expiresAt: Date } | null> {
  const [row] = await db
    .select({
      user: staffUsers,
      sessionId: staffSessions.id,
      expiresAt: staffSessions.expiresAt,
      lastSeenAt: staffSessions.lastSeenAt,
    })
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
  if (now.getTime() - row.lastSeenAt.getTime() < SESSION_TOUCH_INTERVAL_MS) {
    return { user: toStaffUser(row.user), expiresAt: row.expiresAt };
  }
  const expiresAt = new Date(now.getTime() + idleTimeoutMs);
  await db
    .update(staffSessions)
    .set({ lastSeenAt: now, expiresAt })
    .where(eq(staffSessions.id, row.sessionId));
  await touchStaffActivity(db, row.user.id, now);
  return { user: toStaffUser(row.user), expiresAt };
}

export async function deleteStaffSession(db: Executor, tokenHash: string): Promise<void> {
  await db.delete(staffSessions).where(eq(staffSessions.tokenHash, tokenHash));
}

/**
 * Records a failed sign-in at `at`, the API's clock (which the throttle's window is measured on),
 * with the client address it came from.
 */
export async function recordSignInFailure(
  db: Executor,
  attempt: { email: string; address: string },
  at: Date,
): Promise<void> {
  await db
    .insert(signInFailures)
    .values({ email: attempt.email.toLowerCase(), address: attempt.address, createdAt: at });
}

/**
 * Failed sign-ins from `address` since `since`: all of them (whatever the email), and those
 * for `email`. One pass over the address index.
 */
export async function countRecentSignInFailures(
  db: Executor,
  attempt: { email: string; address: string },
  since: Date,
): Promise<{ fromAddress: number; forEmailFromAddress: number }> {
  const [row] = await db
    .select({
      fromAddress: count(),
      forEmailFromAddress:
        sql<number>`count(*) filter (where ${signInFailures.email} = ${attempt.email.toLowerCase()})`.mapWith(
          Number,
        ),
    })
    .from(signInFailures)
    .where(and(eq(signInFailures.address, attempt.address), gt(signInFailures.createdAt, since)));
  return { fromAddress: row?.fromAddress ?? 0, forEmailFromAddress: row?.forEmailFromAddress ?? 0 };
}

/**
 * Forgets an email's failures: those from `address` (a successful sign-in there), or all of
 * them (a password reset). A success never clears other addresses' failures.
 */
export async function clearSignInFailures(
  db: Executor,
  email: string,
  address?: string,
): Promise<void> {
  const forEmail = eq(signInFailures.email, email.toLowerCase());
  await db
    .delete(signInFailures)
    .where(address === undefined ? forEmail : and(forEmail, eq(signInFailures.address, address)));
}

/** Account management (owners), and the sessions a change must end. */

export interface StaffAccount extends StaffUser {
  practitionerName: string | null;
  createdAt: Date;
  /** When they last used the admin (their own record, or a session's), or null if never. */
  lastSeenAt: Date | null;
}

export async function listStaffAccounts(
  db: Executor,
  filter: { id?: string } = {},
): Promise<StaffAccount[]> {
  const rows = await db
    .select({
      user: staffUsers,
      practitionerName: practitioners.name,
      lastSeenAt:
        // Sessions from before the user's own record was kept count too (greatest skips nulls).
        sql<Date | null>`greatest(${staffUsers.lastActiveAt}, (select max(${staffSessions.lastSeenAt}) from ${staffSessions} where ${staffSessions.userId} = ${staffUsers.id}))`.mapWith(
          (value: string | Date | null) => (value === null ? null : new Date(value)),
        ),
    })
    .from(staffUsers)
    .leftJoin(practitioners, eq(practitioners.id, staffUsers.practitionerId))
    .where(filter.id ? eq(staffUsers.id, filter.id) : undefined)
    .orderBy(desc(staffUsers.active), asc(staffUsers.name), asc(staffUsers.email));
  return rows.map((row) => ({
    ...toStaffUser(row.user),
    practitionerName: row.practitionerName,
    createdAt: row.user.createdAt,
    lastSeenAt: row.lastSeenAt,
  }));
}

/** One account with its password hash; `lock` holds the row for the rest of the transaction. */
export async function findStaffById(
  db: Executor,
  id: string,
  options: { lock?: boolean } = {},
): Promise<(StaffUser & { passwordHash: string }) | null> {
  const query = db.select().from(staffUsers).where(eq(staffUsers.id, id));
  const [row] = options.lock ? await query.for("update") : await query;
  return row ? { ...toStaffUser(row), passwordHash: row.passwordHash } : null;
}

/**
 * The ids of the active owners, locked: two owners demoting each other at
 * once queue here, and the second sees the first's change.
 */
export async function lockActiveOwnerIds(db: Executor): Promise<string[]> {
  const rows = await db
    .select({ id: staffUsers.id })
    .from(staffUsers)
    .where(and(eq(staffUsers.role, "owner"), eq(staffUsers.active, true)))
    .orderBy(asc(staffUsers.id))
    .for("update");
  return rows.map((r) => r.id);
}

export async function updateStaffUser(
  db: Executor,
  id: string,
  values: Partial<Pick<StaffRow, "name" | "role" | "practitionerId" | "active" | "passwordHash">>,
): Promise<void> {
  await db.update(staffUsers).set(values).where(eq(staffUsers.id, id));
}

/** Ends a user's sessions, all of them or all but the one with `exceptTokenHash`; returns how many. */
export async function deleteSessionsOfUser(
  db: Executor,
  userId: string,
  exceptTokenHash?: string,
): Promise<number> {
  const rows = await db
    .delete(staffSessions)
    .where(
      and(
        eq(staffSessions.userId, userId),
        exceptTokenHash ? ne(staffSessions.tokenHash, exceptTokenHash) : undefined,
      ),
    )
    .returning({ id: staffSessions.id });
  return rows.length;
}

/** How many staff accounts are linked to a practitioner. */
export async function countStaffLinkedTo(db: Executor, practitionerId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(staffUsers)
    .where(eq(staffUsers.practitionerId, practitionerId));
  return row?.n ?? 0;
}
