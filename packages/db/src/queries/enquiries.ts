import type { EnquiryInput, EnquiryStatus } from "@clinic/domain";
import { asc, count, desc, eq, sql } from "drizzle-orm";
import type { Executor } from "../database.js";
import { enquiries, enquiryNotes, staffUsers } from "../schema.js";

/** Stores an enquiry from the contact form as new. */
export async function insertEnquiry(
  db: Executor,
  enquiry: EnquiryInput & { createdAt: Date },
): Promise<{ id: string; createdAt: Date }> {
  const [row] = await db
    .insert(enquiries)
    .values({ ...enquiry, status: "new", updatedAt: enquiry.createdAt })
    .returning({ id: enquiries.id, createdAt: enquiries.createdAt });
  return row!;
}

export type EnquiryRow = typeof enquiries.$inferSelect;
export type EnquiryNoteKind = "note" | "reply";

export interface EnquiryNote {
  id: string;
  kind: EnquiryNoteKind;
  body: string;
  createdAt: Date;
  author: { id: string; name: string } | null;
}

/** The inbox: newest first, each with how many notes and replies it has. */
export async function listEnquiries(
  db: Executor,
  filter: { status?: EnquiryStatus | undefined; limit: number; offset: number },
): Promise<{ items: (EnquiryRow & { noteCount: number; replyCount: number })[]; total: number }> {
  const where = filter.status ? eq(enquiries.status, filter.status) : undefined;
  const [totalRow] = await db.select({ total: count() }).from(enquiries).where(where);
  const rows = await db
    .select({
      enquiry: enquiries,
      noteCount:
        sql<number>`(select count(*) from ${enquiryNotes} where ${enquiryNotes.enquiryId} = ${enquiries.id} and ${enquiryNotes.kind} = 'note')`.mapWith(
          Number,
        ),
      replyCount:
        sql<number>`(select count(*) from ${enquiryNotes} where ${enquiryNotes.enquiryId} = ${enquiries.id} and ${enquiryNotes.kind} = 'reply')`.mapWith(
          Number,
        ),
    })
    .from(enquiries)
    .where(where)
    .orderBy(desc(enquiries.createdAt), desc(enquiries.id))
    .limit(filter.limit)
    .offset(filter.offset);
  return {
    items: rows.map((r) => ({ ...r.enquiry, noteCount: r.noteCount, replyCount: r.replyCount })),
    total: totalRow?.total ?? 0,
  };
}

export async function countEnquiriesByStatus(db: Executor): Promise<Record<EnquiryStatus, number>> {
  const rows = await db
    .select({ status: enquiries.status, n: count() })
    .from(enquiries)
    .groupBy(enquiries.status);
  const counts: Record<EnquiryStatus, number> = { new: 0, in_progress: 0, closed: 0 };
  for (const row of rows) counts[row.status] = row.n;
  return counts;
}

/** One enquiry; `lock` holds the row for the rest of the transaction. */
export async function findEnquiry(
  db: Executor,
  id: string,
  options: { lock?: boolean } = {},
): Promise<EnquiryRow | null> {
  const query = db.select().from(enquiries).where(eq(enquiries.id, id));
  const [row] = options.lock ? await query.for("update") : await query;
  return row ?? null;
}

/** An enquiry's notes and replies, oldest first, with their authors' names. */
export async function listEnquiryNotes(db: Executor, enquiryId: string): Promise<EnquiryNote[]> {
  const rows = await db
    .select({
      id: enquiryNotes.id,
      kind: enquiryNotes.kind,
      body: enquiryNotes.body,
      createdAt: enquiryNotes.createdAt,
      authorId: staffUsers.id,
      authorName: staffUsers.name,
    })
    .from(enquiryNotes)
    .leftJoin(staffUsers, eq(staffUsers.id, enquiryNotes.authorId))
    .where(eq(enquiryNotes.enquiryId, enquiryId))
    .orderBy(asc(enquiryNotes.createdAt), asc(enquiryNotes.id));
  return rows.map(({ authorId, authorName, ...note }) => ({
    ...note,
    kind: note.kind === "reply" ? "reply" : "note",
    author: authorId && authorName ? { id: authorId, name: authorName } : null,
  }));
}

export async function insertEnquiryNote(
  db: Executor,
  note: {
    enquiryId: string;
    authorId: string;
    kind: EnquiryNoteKind;
    body: string;
    createdAt: Date;
  },
): Promise<{ id: string; createdAt: Date }> {
  const [row] = await db
    .insert(enquiryNotes)
    .values(note)
    .returning({ id: enquiryNotes.id, createdAt: enquiryNotes.createdAt });
  return row!;
}

export async function setEnquiryStatus(
  db: Executor,
  id: string,
  status: EnquiryStatus,
  now: Date,
): Promise<void> {
  await db.update(enquiries).set({ status, updatedAt: now }).where(eq(enquiries.id, id));
}
