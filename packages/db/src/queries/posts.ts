import { readingMinutes } from "@clinic/domain";
import { and, asc, count, desc, eq, inArray, lte, ne, type SQL, sql } from "drizzle-orm";
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
  coverImageUrl: string | null;
  author: { slug: string; name: string } | null;
}

export interface PublicPost extends PublicPostSummary {
  body: string;
}

// Scheduled posts become visible by themselves once their time has come (see isPostVisible).
const visibleAt = (now: Date): SQL =>
  and(ne(posts.status, "draft"), lte(posts.publishedAt, now)) as SQL;

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
  authorSlug: practitioners.slug,
  authorName: practitioners.name,
};

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
