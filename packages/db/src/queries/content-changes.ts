import { sql } from "drizzle-orm";
import type { Executor } from "../database.js";

/**
 * The PostgreSQL channel on which API instances tell each other that public
 * content (catalog, settings, posts, reviews, schedules, bookings) changed, so
 * each drops what it cached (apps/api/src/cache, decision 015).
 */
export const CONTENT_CHANGES_CHANNEL = "clinic_content_changes";

/**
 * Announces a committed change on the channel; `source` names the sender so an
 * instance can skip its own announcements. Send it after the change's commit
 * (a NOTIFY inside a transaction is only delivered when that commits).
 */
export async function announceContentChange(db: Executor, source: string): Promise<void> {
  await db.execute(sql`select pg_notify(${CONTENT_CHANGES_CHANNEL}, ${source})`);
}
