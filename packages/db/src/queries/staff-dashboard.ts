import { and, gte, lt, ne, sql } from "drizzle-orm";
import type { Executor } from "../database.js";
import { bookings } from "../schema.js";

/**
 * How many bookings (not cancelled) start in each of the consecutive ranges
 * `[boundaries[i], boundaries[i + 1])`; one count per range, zero included.
 * The caller picks the boundaries (local midnights, week starts), so counts
 * follow the clinic's zone whatever the database's.
 */
export async function countBookingsByRange(
  db: Executor,
  boundaries: readonly Date[],
): Promise<number[]> {
  if (boundaries.length < 2) return [];
  const columns = Object.fromEntries(
    boundaries
      .slice(1)
      .map((end, i) => [
        `r${i}`,
        sql<number>`(count(*) filter (where ${bookings.startsAt} >= ${boundaries[i]!} and ${bookings.startsAt} < ${end}))::int`,
      ]),
  );
  const [row] = await db
    .select(columns)
    .from(bookings)
    .where(
      and(
        ne(bookings.status, "cancelled"),
        gte(bookings.startsAt, boundaries[0]!),
        lt(bookings.startsAt, boundaries[boundaries.length - 1]!),
      ),
    );
  return boundaries.slice(1).map((_, i) => Number(row?.[`r${i}`] ?? 0));
}
