import type { TimeOfDay, WaitlistOfferStatus, WaitlistStatus } from "@clinic/domain";
import { and, asc, count, desc, eq, gte, inArray, lt, lte, sql } from "drizzle-orm";
import type { Executor } from "../database.js";
import { practitioners, services, waitlistEntries, waitlistOffers } from "../schema.js";

export type WaitlistEntryRow = typeof waitlistEntries.$inferSelect;
export type WaitlistOfferRow = typeof waitlistOffers.$inferSelect;

export interface NewWaitlistEntry {
  serviceId: string;
  /** NULL: anyone who offers the service. */
  practitionerId: string | null;
  fromDate: string;
  toDate: string;
  timesOfDay: TimeOfDay[];
  name: string;
  email: string;
  phone: string;
  createdAt: Date;
}

/** Adds a patient to the waitlist, waiting. */
export async function insertWaitlistEntry(
  db: Executor,
  entry: NewWaitlistEntry,
): Promise<WaitlistEntryRow> {
  const [row] = await db
    .insert(waitlistEntries)
    .values({ ...entry, status: "waiting", updatedAt: entry.createdAt })
    .returning();
  return row!;
}

/** A waitlist entry with the names staff and patients read. */
export interface WaitlistEntryView extends WaitlistEntryRow {
  service: { id: string; slug: string; name: string; durationMinutes: number };
  practitioner: { id: string; slug: string; name: string } | null;
}

const entryView = {
  entry: waitlistEntries,
  service: {
    id: services.id,
    slug: services.slug,
    name: services.name,
    durationMinutes: services.durationMinutes,
  },
  practitioner: { id: practitioners.id, slug: practitioners.slug, name: practitioners.name },
};

type EntryViewRow = {
  entry: WaitlistEntryRow;
  service: WaitlistEntryView["service"];
  practitioner: { id: string; slug: string; name: string } | null;
};

const toView = (row: EntryViewRow): WaitlistEntryView => ({
  ...row.entry,
  service: row.service,
  practitioner: row.practitioner,
});

/** One entry with its service and practitioner; `lock` holds the entry's row for the transaction. */
export async function findWaitlistEntry(
  db: Executor,
  id: string,
  options: { lock?: boolean } = {},
): Promise<WaitlistEntryView | null> {
  const query = db
    .select(entryView)
    .from(waitlistEntries)
    .innerJoin(services, eq(services.id, waitlistEntries.serviceId))
    .leftJoin(practitioners, eq(practitioners.id, waitlistEntries.practitionerId))
    .where(eq(waitlistEntries.id, id));
  const [row] = options.lock ? await query.for("update", { of: waitlistEntries }) : await query;
  return row ? toView(row) : null;
}

export interface WaitlistListItem extends WaitlistEntryView {
  /** How many times were offered to the entry so far. */
  offerCount: number;
  /** The offer waiting for an answer, if any. */
  openOffer: { id: string; startsAt: Date; expiresAt: Date } | null;
}

/** Staff's list: entries of one status (all when omitted), soonest first date first, paged. */
export async function listWaitlistEntries(
  db: Executor,
  filter: { status?: WaitlistStatus | undefined; limit: number; offset: number },
): Promise<{ items: WaitlistListItem[]; total: number }> {
  const where = filter.status ? eq(waitlistEntries.status, filter.status) : undefined;
  const [totalRow] = await db.select({ total: count() }).from(waitlistEntries).where(where);
  const rows = await db
    .select({
      ...entryView,
      offerCount:
        sql<number>`(select count(*) from ${waitlistOffers} where ${waitlistOffers.entryId} = ${waitlistEntries.id})`.mapWith(
          Number,
        ),
    })
    .from(waitlistEntries)
    .innerJoin(services, eq(services.id, waitlistEntries.serviceId))
    .leftJoin(practitioners, eq(practitioners.id, waitlistEntries.practitionerId))
    .where(where)
    .orderBy(asc(waitlistEntries.fromDate), asc(waitlistEntries.createdAt), asc(waitlistEntries.id))
    .limit(filter.limit)
    .offset(filter.offset);
  const ids = rows.map((row) => row.entry.id);
  const open =
    ids.length === 0
      ? []
      : await db
          .select({
            id: waitlistOffers.id,
            entryId: waitlistOffers.entryId,
            startsAt: waitlistOffers.startsAt,
            expiresAt: waitlistOffers.expiresAt,
          })
          .from(waitlistOffers)
          .where(and(inArray(waitlistOffers.entryId, ids), eq(waitlistOffers.status, "open")));
  const openByEntry = new Map(open.map((offer) => [offer.entryId, offer]));
  return {
    total: totalRow?.total ?? 0,
    items: rows.map((row) => {
      const offer = openByEntry.get(row.entry.id);
      return {
        ...toView(row),
        offerCount: row.offerCount,
        openOffer: offer
          ? { id: offer.id, startsAt: offer.startsAt, expiresAt: offer.expiresAt }
          : null,
      };
    }),
  };
}

/** How many entries each status holds, for the list's tabs. */
export async function countWaitlistEntriesByStatus(
  db: Executor,
): Promise<Record<WaitlistStatus, number>> {
  const rows = await db
    .select({ status: waitlistEntries.status, total: count() })
    .from(waitlistEntries)
    .groupBy(waitlistEntries.status);
  const counts: Record<WaitlistStatus, number> = { waiting: 0, booked: 0, removed: 0 };
  for (const row of rows) counts[row.status as WaitlistStatus] = row.total;
  return counts;
}

/**
 * The waitlist entries made with this email address (lowercased, as the domain stores it),
 * newest first, with their service and practitioner: for the patient's own pages.
 */
export async function listWaitlistEntriesForPatient(
  db: Executor,
  patient: { email: string },
): Promise<WaitlistEntryView[]> {
  const rows = await db
    .select(entryView)
    .from(waitlistEntries)
    .innerJoin(services, eq(services.id, waitlistEntries.serviceId))
    .leftJoin(practitioners, eq(practitioners.id, waitlistEntries.practitionerId))
    .where(eq(waitlistEntries.email, patient.email.trim().toLowerCase()))
    .orderBy(desc(waitlistEntries.createdAt), desc(waitlistEntries.id));
  return rows.map(toView);
}

/** Changes an entry's wishes, contact details or status. */
export async function updateWaitlistEntry(
  db: Executor,
  id: string,
  patch: Partial<
    Pick<
      WaitlistEntryRow,
      | "practitionerId"
      | "fromDate"
      | "toDate"
      | "timesOfDay"
      | "name"
      | "email"
      | "phone"
      | "status"
      | "bookingId"
    >
  > & { updatedAt: Date },
): Promise<void> {
  await db.update(waitlistEntries).set(patch).where(eq(waitlistEntries.id, id));
}

/** Entries still waiting whose last day is `today` or later, oldest first (first come, first offered). */
export async function listWaitingEntries(
  db: Executor,
  options: { today: string },
): Promise<WaitlistEntryRow[]> {
  return db
    .select()
    .from(waitlistEntries)
    .where(and(eq(waitlistEntries.status, "waiting"), gte(waitlistEntries.toDate, options.today)))
    .orderBy(asc(waitlistEntries.createdAt), asc(waitlistEntries.id));
}

/** Marks every open offer whose time to answer has passed as expired; returns how many. */
export async function expireWaitlistOffers(db: Executor, now: Date): Promise<number> {
  const rows = await db
    .update(waitlistOffers)
    .set({ status: "expired", resolvedAt: now })
    .where(and(eq(waitlistOffers.status, "open"), lte(waitlistOffers.expiresAt, now)))
    .returning({ id: waitlistOffers.id });
  return rows.length;
}

/** Every offer made to an entry, newest first. */
export async function listOffersForEntry(
  db: Executor,
  entryId: string,
): Promise<WaitlistOfferRow[]> {
  return db
    .select()
    .from(waitlistOffers)
    .where(eq(waitlistOffers.entryId, entryId))
    .orderBy(desc(waitlistOffers.createdAt), desc(waitlistOffers.id));
}

export interface NewWaitlistOffer {
  entryId: string;
  startsAt: Date;
  tokenHash: string;
  expiresAt: Date;
  offeredById: string | null;
  createdAt: Date;
}

/**
 * Records an offer unless the entry was already offered that start, or already has an open
 * offer (both unique indexes): null then, and the caller sends nothing. Two instances
 * matching at once can both try; one row, and so one email, results.
 */
export async function insertWaitlistOffer(
  db: Executor,
  offer: NewWaitlistOffer,
): Promise<WaitlistOfferRow | null> {
  const [row] = await db
    .insert(waitlistOffers)
    .values({ ...offer, status: "open" })
    .onConflictDoNothing()
    .returning();
  return row ?? null;
}

/** An offer by its claim link's hash, with its entry; `lock` holds the offer's row. */
export async function findWaitlistOfferByTokenHash(
  db: Executor,
  tokenHash: string,
  options: { lock?: boolean } = {},
): Promise<WaitlistOfferRow | null> {
  const query = db.select().from(waitlistOffers).where(eq(waitlistOffers.tokenHash, tokenHash));
  const [row] = options.lock ? await query.for("update") : await query;
  return row ?? null;
}

/** Closes an offer with what became of it (and the booking, once claimed). */
export async function resolveWaitlistOffer(
  db: Executor,
  id: string,
  outcome: {
    status: Exclude<WaitlistOfferStatus, "open">;
    at: Date;
    bookingId?: string;
    /** Close it whatever it says now (a claim that booked wins over "taken" or "expired"). */
    fromAny?: boolean;
  },
): Promise<void> {
  await db
    .update(waitlistOffers)
    .set({
      status: outcome.status,
      resolvedAt: outcome.at,
      ...(outcome.bookingId ? { bookingId: outcome.bookingId } : {}),
    })
    .where(
      outcome.fromAny
        ? eq(waitlistOffers.id, id)
        : and(eq(waitlistOffers.id, id), eq(waitlistOffers.status, "open")),
    );
}

/** Withdraws an entry's open offer (staff offer another time, or remove the entry). */
export async function withdrawOpenWaitlistOffer(
  db: Executor,
  entryId: string,
  at: Date,
): Promise<void> {
  await db
    .update(waitlistOffers)
    .set({ status: "withdrawn", resolvedAt: at })
    .where(and(eq(waitlistOffers.entryId, entryId), eq(waitlistOffers.status, "open")));
}

export interface OfferedStart {
  id: string;
  startsAt: Date;
  expiresAt: Date;
  status: string;
}

/** The starts already offered to these entries (never offered again), by entry. */
export async function offeredStartsByEntry(
  db: Executor,
  entryIds: string[],
): Promise<Map<string, OfferedStart[]>> {
  const byEntry = new Map<string, OfferedStart[]>();
  if (entryIds.length === 0) return byEntry;
  const rows = await db
    .select({
      id: waitlistOffers.id,
      entryId: waitlistOffers.entryId,
      startsAt: waitlistOffers.startsAt,
      expiresAt: waitlistOffers.expiresAt,
      status: waitlistOffers.status,
    })
    .from(waitlistOffers)
    .where(inArray(waitlistOffers.entryId, entryIds));
  for (const { entryId, ...offer } of rows) {
    const list = byEntry.get(entryId) ?? [];
    list.push(offer);
    byEntry.set(entryId, list);
  }
  return byEntry;
}

/**
 * Deletes entries (and their offers) whose last day is before `beforeDate`: once their dates
 * have passed, nothing more can be offered and their contact details needn't be kept.
 */
export async function deletePastWaitlistEntries(db: Executor, beforeDate: string): Promise<number> {
  const rows = await db
    .delete(waitlistEntries)
    .where(lt(waitlistEntries.toDate, beforeDate))
    .returning({ id: waitlistEntries.id });
  return rows.length;
}
