import {
  deletePost,
  findStaffPost,
  findVisiblePost,
  insertPost,
  listStaffPosts,
  listVisiblePosts,
  nextPostAppearance,
  type StaffPost,
  setPostTags,
  updatePost,
} from "@clinic/db";
import {
  canOn,
  type ImageUpload,
  type PostContent,
  type PostStatusChange,
  type postStaffFilterSchema,
  postStatusChange,
} from "@clinic/domain";
import type { z } from "zod";
import { audit, changedFields, createdFields, deletedFields } from "../audit/audit.js";
import { requireAccessTo } from "../auth/access.js";
import { cachedRead } from "../cache/public-cache.js";
import type { AppContext, StaffContext } from "../context.js";
import { FieldError, NotFoundError, SLUG_TAKEN, withUniqueField } from "../errors.js";
import { uploadImage } from "../uploads/image-pipeline.js";

const NOT_FOUND = "We couldn't find that post";

/** Visible posts (published, or scheduled and due), newest first. */
export async function publicPosts(
  ctx: AppContext,
  input: { page: number; pageSize: number; tag?: string | undefined },
) {
  const key = `posts:${input.page}:${input.pageSize}:${input.tag ?? ""}`;
  return cachedRead(ctx, key, async (now) => {
    const [result, until] = await Promise.all([
      listVisiblePosts(ctx.db, { now, ...input }),
      nextPostAppearance(ctx.db, now),
    ]);
    return {
      value: { ...result, page: input.page, pageSize: input.pageSize },
      until: until?.getTime(),
    };
  });
}

export async function publicPostBySlug(ctx: AppContext, slug: string) {
  // A slug with no visible post is kept too (null), until a scheduled post may make it one.
  const post = await cachedRead(ctx, `post:${slug}`, async (now) => {
    const [found, until] = await Promise.all([
      findVisiblePost(ctx.db, slug, now),
      nextPostAppearance(ctx.db, now),
    ]);
    return { value: found, until: until?.getTime() };
  });
  if (!post) throw new NotFoundError(NOT_FOUND);
  return post;
}

function canWrite(ctx: StaffContext, authorId: string | null): boolean {
  return canOn(ctx.user, "posts.write", authorId);
}

/**
 * Posts of every status (drafts first, then newest), filtered by status,
 * author or tag. Each item says whether the user may edit it.
 */
export async function staffPosts(ctx: StaffContext, filter: z.infer<typeof postStaffFilterSchema>) {
  const result = await listStaffPosts(ctx.db, filter);
  return {
    items: result.items.map((post) => ({ ...post, canEdit: canWrite(ctx, post.authorId) })),
    total: result.total,
    page: filter.page,
    pageSize: filter.pageSize,
  };
}

async function mustFind(ctx: StaffContext, id: string): Promise<StaffPost> {
  const post = await findStaffPost(ctx.db, id);
  if (!post) throw new NotFoundError(NOT_FOUND);
  return post;
}

/** One post of any status, with its markdown body and whether the user may edit it. */
export async function staffPost(ctx: StaffContext, id: string) {
  const post = await mustFind(ctx, id);
  return { ...post, canEdit: canWrite(ctx, post.authorId) };
}

function editableFields(post: StaffPost): PostContent {
  return {
    slug: post.slug,
    title: post.title,
    excerpt: post.excerpt,
    body: post.body,
    authorId: post.authorId,
    tags: post.tags,
    coverImageUrl: post.coverImageUrl,
  };
}

// The body can be long: the log notes its length, not the text.
const bodyLength = (body: string) => `${body.length} characters`;

/**
 * Starts a draft. `authorId` defaults to the user's own practitioner;
 * practitioners may only write as themselves.
 */
export async function createPost(
  ctx: StaffContext,
  input: Omit<PostContent, "authorId"> & { authorId?: string | null | undefined },
) {
  const values = { ...input, authorId: input.authorId ?? ctx.user.practitionerId ?? null };
  requireAccessTo(ctx.user, "posts.write", values.authorId);
  const { id } = await withUniqueField("slug", SLUG_TAKEN, () =>
    ctx.db.transaction(async (tx) => {
      const row = await insertPost(tx, values);
      await audit(tx, ctx, {
        action: "post.create",
        entityId: row.id,
        changes: createdFields({ ...values, body: bodyLength(values.body) }),
      });
      return row;
    }),
  );
  return mustFind(ctx, id);
}

/** Edits a post's content; practitioners only their own, and can't hand it to someone else. */
export async function updateStaffPost(ctx: StaffContext, input: PostContent & { id: string }) {
  const { id, ...fields } = input;
  await withUniqueField("slug", SLUG_TAKEN, () =>
    ctx.db.transaction(async (tx) => {
      const before = await findStaffPost(tx, id, { lock: true });
      if (!before) throw new NotFoundError(NOT_FOUND);
      requireAccessTo(ctx.user, "posts.write", before.authorId);
      if (fields.authorId !== before.authorId) {
        requireAccessTo(ctx.user, "posts.write", fields.authorId);
      }
      const { tags, ...columns } = fields;
      await updatePost(tx, id, columns);
      await setPostTags(tx, id, tags);
      const changes = changedFields(editableFields(before), fields);
      if (changes.body) {
        changes.body = { from: bodyLength(before.body), to: bodyLength(fields.body) };
      }
      await audit(tx, ctx, { action: "post.update", entityId: id, changes });
    }),
  );
  return mustFind(ctx, id);
}

/**
 * Publishes now, schedules for a future time, or takes back to a draft a
 * post the user may write; the public site follows at once (or on time).
 */
export async function changePostStatus(ctx: StaffContext, id: string, change: PostStatusChange) {
  const next = postStatusChange(change, ctx.now());
  if ("error" in next) throw new FieldError("publishedAt", next.error);
  await ctx.db.transaction(async (tx) => {
    const post = await findStaffPost(tx, id, { lock: true });
    if (!post) throw new NotFoundError(NOT_FOUND);
    requireAccessTo(ctx.user, "posts.write", post.authorId);
    await updatePost(tx, id, next);
    await audit(tx, ctx, {
      action: `post.${change.action}`,
      entityId: id,
      changes: changedFields(
        { status: post.status, publishedAt: post.publishedAt },
        { status: next.status, publishedAt: next.publishedAt },
      ),
    });
  });
  return mustFind(ctx, id);
}

/** Deletes a post for good (practitioners only their own). */
export async function deleteStaffPost(ctx: StaffContext, id: string) {
  await ctx.db.transaction(async (tx) => {
    const post = await findStaffPost(tx, id, { lock: true });
    if (!post) throw new NotFoundError(NOT_FOUND);
    requireAccessTo(ctx.user, "posts.write", post.authorId);
    await deletePost(tx, id);
    await audit(tx, ctx, {
      action: "post.delete",
      entityId: id,
      changes: deletedFields({ slug: post.slug, title: post.title, status: post.status }),
    });
  });
  return { id, deleted: true as const };
}

/**
 * Sets a post's cover to an uploaded JPEG, PNG or WebP (at most 8 MB) with its alt text,
 * resized to its variants by the image pipeline (decision 021); practitioners only on their own
 * posts. An older external cover address is cleared: the site shows only its own images.
 */
export async function uploadPostCover(ctx: StaffContext, input: ImageUpload & { id: string }) {
  // Checked before the work of resizing, and again under the row's lock.
  requireAccessTo(ctx.user, "posts.write", (await mustFind(ctx, input.id)).authorId);
  const { image } = await uploadImage(ctx.images, input, (cover) =>
    ctx.db.transaction(async (tx) => {
      const before = await findStaffPost(tx, input.id, { lock: true });
      if (!before) throw new NotFoundError(NOT_FOUND);
      requireAccessTo(ctx.user, "posts.write", before.authorId);
      await updatePost(tx, input.id, {
        coverImage: cover,
        coverImageAlt: input.alt,
        coverImageUrl: null,
      });
      await audit(tx, ctx, {
        action: "post.update_cover",
        entityId: input.id,
        changes: {
          cover: { from: before.cover?.key ?? before.coverImageUrl, to: cover.key },
          coverImageAlt: { from: before.cover?.alt ?? null, to: input.alt },
        },
      });
    }),
  );
  return { id: input.id, cover: { ...image, alt: input.alt } };
}

/** Changes the alt text of a post's uploaded cover (a field error when there is none). */
export async function describePostCover(ctx: StaffContext, input: { id: string; alt: string }) {
  return ctx.db.transaction(async (tx) => {
    const before = await findStaffPost(tx, input.id, { lock: true });
    if (!before) throw new NotFoundError(NOT_FOUND);
    requireAccessTo(ctx.user, "posts.write", before.authorId);
    if (!before.cover) throw new FieldError("alt", "Upload a cover first");
    await updatePost(tx, input.id, { coverImageAlt: input.alt });
    await audit(tx, ctx, {
      action: "post.update_cover",
      entityId: input.id,
      changes: { coverImageAlt: { from: before.cover.alt, to: input.alt } },
    });
    return { id: input.id, cover: { ...before.cover, alt: input.alt } };
  });
}

/** Takes a post's cover away (an uploaded one or an older address); its files stay for backups. */
export async function removePostCover(ctx: StaffContext, id: string) {
  await ctx.db.transaction(async (tx) => {
    const before = await findStaffPost(tx, id, { lock: true });
    if (!before) throw new NotFoundError(NOT_FOUND);
    requireAccessTo(ctx.user, "posts.write", before.authorId);
    await updatePost(tx, id, { coverImage: null, coverImageAlt: null, coverImageUrl: null });
    await audit(tx, ctx, {
      action: "post.remove_cover",
      entityId: id,
      changes: { cover: { from: before.cover?.key ?? before.coverImageUrl, to: null } },
    });
  });
  return { id };
}
