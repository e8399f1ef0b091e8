import { type PostStatus, readingMinutes, type ShownImage, type StoredImage } from "@clinic/domain";
import { and, asc, count, desc, eq, gt, inArray, lte, ne, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../database.js";
import { posts, postTags, practitioners } from "../schema.js";

export interface PublicPostSummary {
  id: string;
  slug: string;
  title: string;
  excerpt: string;
  publishedAt: Date;
  tags: string[];
  readingMinutes: number;
  /** An older external cover address (not shown: the site's CSP loads only its own images). */
  coverImageUrl: string | null;
  /** An uploaded cover with its variants and alt text (decision 021). */
  cover: ShownImage | null;
  author: { slug: string; name: string } | null;
}

export interface PublicPost extends PublicPostSummary {
  body: string;
}

// Scheduled posts become visible by themselves once their time has come (see isPostVisible).
const visibleAt = (now: Date): SQL =>
  and(ne(posts.status, "draft"), lte(posts.publishedAt, now)) as SQL;

/**
 * When the public list of posts next changes by itself: the earliest time a scheduled post
 * becomes visible after `now`, or null when none is waiting.
 */
export async function nextPostAppearance(db: Executor, now: Date): Promise<Date | null> {
  const [row] = await db
    .select({ at: sql<Date | null>`min(${posts.publishedAt})`.mapWith(posts.publishedAt) })
    .from(posts)
    .where(and(ne(posts.status, "draft"), gt(posts.publishedAt, now)));
  return row?.at ?? null;
}

async function tagsFor(db: Executor, postIds: string[]): Promise<Map<string, string[]>> {
  const byPost = new Map<string, string[]>();
  if (postIds.length === 0) return byPost;
  const rows = await db
    .select()
    .from(postTags)
    .where(inArray(postTags.postId, postIds))
    .orderBy(asc(postTags.tag));
  for (const row of rows) byPost.set(row.postId, [...(byPost.get(row.postId) ?? []), row.tag]);
  return byPost;
}

const publicColumns = {
  id: posts.id,
  slug: posts.slug,
  title: posts.title,
  excerpt: posts.excerpt,
  body: posts.body,
  publishedAt: posts.publishedAt,
  coverImageUrl: posts.coverImageUrl,
  coverImage: posts.coverImage,
  coverImageAlt: posts.coverImageAlt,
  authorSlug: practitioners.slug,
  authorName: practitioners.name,
};

const shown = (image: StoredImage | null, alt: string | null): ShownImage | null =>
  image ? { ...image, alt: alt ?? "" } : null;

type PublicRow = {
  [K in keyof typeof publicColumns]: (typeof publicColumns)[K]["_"]["data"] | null;
};

function toPublicPost(row: PublicRow, tags: string[]): PublicPost {
  return {
    id: row.id!,
    slug: row.slug!,
    title: row.title!,
    excerpt: row.excerpt!,
    body: row.body!,
    publishedAt: row.publishedAt!,
    tags,
    readingMinutes: readingMinutes(row.body!),
    coverImageUrl: row.coverImageUrl,
    cover: shown(row.coverImage, row.coverImageAlt),
    author:
      row.authorSlug && row.authorName ? { slug: row.authorSlug, name: row.authorName } : null,
  };
}

export async function listVisiblePosts(
  db: Executor,
  options: { now: Date; page: number; pageSize: number; tag?: string | undefined },
): Promise<{ items: PublicPostSummary[]; total: number }> {
  const where = and(
    visibleAt(options.now),
    options.tag
      ? sql`exists (select 1 from ${postTags} where ${postTags.postId} = ${posts.id} and ${postTags.tag} = ${options.tag})`
      : undefined,
  );
  const [totalRow] = await db.select({ total: count() }).from(posts).where(where);
  const rows = await db
    .select(publicColumns)
    .from(posts)
    .leftJoin(practitioners, eq(practitioners.id, posts.authorId))
    .where(where)
    .orderBy(desc(posts.publishedAt), asc(posts.slug))
    .limit(options.pageSize)
    .offset((options.page - 1) * options.pageSize);
  const tags = await tagsFor(
    db,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((row) => {
      const { body: _body, ...summary } = toPublicPost(row, tags.get(row.id) ?? []);
      return summary;
    }),
    total: totalRow?.total ?? 0,
  };
}

export async function findVisiblePost(
  db: Executor,
  slug: string,
  now: Date,
): Promise<PublicPost | null> {
  const [row] = await db
    .select(publicColumns)
    .from(posts)
    .leftJoin(practitioners, eq(practitioners.id, posts.authorId))
    .where(and(visibleAt(now), eq(posts.slug, slug)))
    .limit(1);
  if (!row) return null;
  const tags = await tagsFor(db, [row.id]);
  return toPublicPost(row, tags.get(row.id) ?? []);
}

/** Staff views and writes: posts of every status. */

export interface StaffPostSummary {
  id: string;
  slug: string;
  title: string;
  excerpt: string;
  status: PostStatus;
  publishedAt: Date | null;
  coverImageUrl: string | null;
  /** An uploaded cover with its variants and alt text (decision 021). */
  cover: ShownImage | null;
  authorId: string | null;
  author: { id: string; slug: string; name: string } | null;
  tags: string[];
  createdAt: Date;
  updatedAt: Date;
}

export interface StaffPost extends StaffPostSummary {
  body: string;
}

export interface PostValues {
  slug: string;
  title: string;
  excerpt: string;
  body: string;
  authorId: string | null;
  coverImageUrl: string | null;
}

const staffColumns = {
  id: posts.id,
  slug: posts.slug,
  title: posts.title,
  excerpt: posts.excerpt,
  status: posts.status,
  publishedAt: posts.publishedAt,
  coverImageUrl: posts.coverImageUrl,
  coverImage: posts.coverImage,
  coverImageAlt: posts.coverImageAlt,
  authorId: posts.authorId,
  authorSlug: practitioners.slug,
  authorName: practitioners.name,
  createdAt: posts.createdAt,
  updatedAt: posts.updatedAt,
};

type StaffRow = {
  [K in keyof typeof staffColumns]: (typeof staffColumns)[K]["_"]["data"] | null;
};

function toStaffSummary(row: StaffRow, tags: string[]): StaffPostSummary {
  return {
    id: row.id!,
    slug: row.slug!,
    title: row.title!,
    excerpt: row.excerpt!,
    status: row.status!,
    publishedAt: row.publishedAt,
    coverImageUrl: row.coverImageUrl,
    cover: shown(row.coverImage, row.coverImageAlt),
    authorId: row.authorId,
    author:
      row.authorId && row.authorSlug && row.authorName
        ? { id: row.authorId, slug: row.authorSlug, name: row.authorName }
        : null,
    tags,
    createdAt: row.createdAt!,
    updatedAt: row.updatedAt!,
  };
}

/** Every post matching the filter: drafts first by last edit, then by publish time, newest first. */
export async function listStaffPosts(
  db: Executor,
  filter: {
    status?: PostStatus | undefined;
    authorId?: string | undefined;
    tag?: string | undefined;
    page: number;
    pageSize: number;
  },
): Promise<{ items: StaffPostSummary[]; total: number }> {
  const where = and(
    filter.status ? eq(posts.status, filter.status) : undefined,
    filter.authorId ? eq(posts.authorId, filter.authorId) : undefined,
    filter.tag
      ? sql`exists (select 1 from ${postTags} where ${postTags.postId} = ${posts.id} and ${postTags.tag} = ${filter.tag})`
      : undefined,
  );
  const [totalRow] = await db.select({ total: count() }).from(posts).where(where);
  const rows = await db
    .select(staffColumns)
    .from(posts)
    .leftJoin(practitioners, eq(practitioners.id, posts.authorId))
    .where(where)
    .orderBy(sql`${posts.publishedAt} desc nulls first`, desc(posts.updatedAt), asc(posts.slug))
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize);
  const tags = await tagsFor(
    db,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((row) => toStaffSummary(row, tags.get(row.id) ?? [])),
    total: totalRow?.total ?? 0,
  };
}

/** One post by id, any status, with its body; `lock` holds the row for the transaction. */
export async function findStaffPost(
  db: Executor,
  id: string,
  options: { lock?: boolean } = {},
): Promise<StaffPost | null> {
  const query = db
    .select({ ...staffColumns, body: posts.body })
    .from(posts)
    .leftJoin(practitioners, eq(practitioners.id, posts.authorId))
    .where(eq(posts.id, id))
    .limit(1);
  const [row] = options.lock ? await query.for("update", { of: posts }) : await query;
  if (!row) return null;
  const tags = await tagsFor(db, [row.id]);
  return { ...toStaffSummary(row, tags.get(row.id) ?? []), body: row.body };
}

/** Creates a draft. */
export async function insertPost(
  db: Executor,
  values: PostValues & { tags: string[] },
): Promise<{ id: string }> {
  const { tags, ...post } = values;
  const [row] = await db
    .insert(posts)
    .values({ ...post, status: "draft", publishedAt: null })
    .returning({ id: posts.id });
  await setPostTags(db, row!.id, tags);
  return row!;
}

export async function updatePost(
  db: Executor,
  id: string,
  values: Partial<PostValues> & {
    status?: PostStatus;
    publishedAt?: Date | null;
    coverImage?: StoredImage | null;
    coverImageAlt?: string | null;
  },
): Promise<boolean> {
  const rows = await db
    .update(posts)
    .set(values)
    .where(eq(posts.id, id))
    .returning({ id: posts.id });
  return rows.length > 0;
}

/** Makes `tags` exactly the post's tags. */
export async function setPostTags(db: Executor, postId: string, tags: string[]): Promise<void> {
  await db.delete(postTags).where(eq(postTags.postId, postId));
  const unique = [...new Set(tags)];
  if (unique.length > 0) await db.insert(postTags).values(unique.map((tag) => ({ postId, tag })));
}

export async function deletePost(db: Executor, id: string): Promise<boolean> {
  const rows = await db.delete(posts).where(eq(posts.id, id)).returning({ id: posts.id });
  return rows.length > 0;
}
