import { and, count, eq, gt, lt, sql } from "drizzle-orm";
import type { Executor } from "../database.js";
import { rateLimitHits } from "../schema.js";

// The first half of the two-key advisory locks that serialise one bucket and key; the second
// half is a hash of them. (The one-key form the schema lock uses is a separate space.)
const RATE_LIMIT_LOCK_CLASS = 724_310_502;

/**
 * Counts one request against `max` per `windowMs` for this bucket and key;
 * returns whether it is allowed. Hits live in the database so the limit
 * holds across API instances; a refused request is not counted.
 *
 * Count-then-insert is a race: concurrent requests all count below `max` and
 * all insert. So it runs in a transaction that first takes an advisory lock
 * on the bucket and key: requests for one key queue for a moment (requests
 * for other keys don't), and each counts what the previous one committed.
 * Inside a caller's transaction it becomes a savepoint, and the lock lasts
 * until that transaction ends.
 */
export async function consumeRateLimit(
  db: Executor,
  limit: { bucket: string; key: string; windowMs: number; max: number; now: Date },
): Promise<boolean> {
  const since = new Date(limit.now.getTime() - limit.windowMs);
  const where = and(eq(rateLimitHits.bucket, limit.bucket), eq(rateLimitHits.key, limit.key));
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`select pg_advisory_xact_lock(${RATE_LIMIT_LOCK_CLASS}::int, hashtext(${`${limit.bucket}\n${limit.key}`}))`,
    );
    await tx.delete(rateLimitHits).where(and(where, lt(rateLimitHits.createdAt, since)));
    const [row] = await tx
      .select({ n: count() })
      .from(rateLimitHits)
      .where(and(where, gt(rateLimitHits.createdAt, since)));
    if ((row?.n ?? 0) >= limit.max) return false;
    await tx
      .insert(rateLimitHits)
      .values({ bucket: limit.bucket, key: limit.key, createdAt: limit.now });
    return true;
  });
}
