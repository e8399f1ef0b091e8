import { createHash, randomBytes } from "node:crypto";
import { createStaffSession, type Database, deleteStaffSession, findSessionUser } from "@clinic/db";
import type { StaffUser } from "@clinic/domain";

/** Sessions lapse after this long without use; use slides the expiry (at most once a minute). */
const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Creates a session and returns its token; only the token's hash is stored. */
export async function startSession(
  db: Database,
  userId: string,
  now: Date,
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + SESSION_IDLE_MS);
  await createStaffSession(db, { userId, tokenHash: hashToken(token), expiresAt, at: now });
  return { token, expiresAt };
}

export async function resolveSession(
  db: Database,
  token: string,
  now: Date,
): Promise<StaffUser | null> {
  const found = await findSessionUser(db, hashToken(token), now, SESSION_IDLE_MS);
  return found?.user ?? null;
}

export function endSession(db: Database, token: string): Promise<void> {
  return deleteStaffSession(db, hashToken(token));
}
