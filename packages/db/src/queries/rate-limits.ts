import { and, count, eq, gt, lt } from "drizzle-orm";
import type { Executor } from "../database.js";
import { rateLimitHits } from "../schema.js";

/**
 * Counts one request against `max` per `windowMs` for this bucket and key;
 * returns whether it is allowed. Hits live in the database so the limit
 * holds across API instances; a refused request is not counted.
 */
export async function consumeRateLimit(
  db: Executor,
  limit: { bucket: string; key: string; windowMs: number; max: number; now: Date },
): Promise<boolean> {
  const since = new Date(limit.now.getTime() - limit.windowMs);
  const where = and(eq(rateLimitHits.bucket, limit.bucket), eq(rateLimitHits.key, limit.key));
  await db.delete(rateLimitHits).where(and(where, lt(rateLimitHits.createdAt, since)));
  const [row] = await db
    .select({ n: count() })
    .from(rateLimitHits)
    .where(and(where, gt(rateLimitHits.createdAt, since)));
  if ((row?.n ?? 0) >= limit.max) return false;
  await db
    .insert(rateLimitHits)
    .values({ bucket: limit.bucket, key: limit.key, createdAt: limit.now });
  return true;
}
