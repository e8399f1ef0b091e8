import {
  deletePost,
  findStaffPost,
  findVisiblePost,
  insertPost,
  listStaffPosts,
  listVisiblePosts,
  recordAudit,
  type StaffPost,
  setPostTags,
  updatePost,
} from "@clinic/db";
import {
  canOn,
  idInputSchema,
  idSchema,
  type PostStatusChange,
  postContentSchema,
  postStaffFilterSchema,
  postStatusChange,
  slugSchema,
  tagSchema,
} from "@clinic/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { changedFields } from "../../audit/audit.js";
import { requireAccessTo } from "../../auth/access.js";
import type { StaffContext } from "../../context.js";
import { FieldError, NotFoundError, SLUG_TAKEN, withUniqueField } from "../../errors.js";
import { permissionProcedure, publicProcedure } from "../trpc.js";

const NOT_FOUND = "We couldn't find that post";

async function mustFind(ctx: StaffContext, id: string): Promise<StaffPost> {
  const post = await findStaffPost(ctx.db, id);
  if (!post) throw new NotFoundError(NOT_FOUND);
  return post;
}

function editableFields(post: StaffPost) {
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

/** Publishes, schedules or unpublishes a post the user may write, with its audit entry. */
async function changeStatus(ctx: StaffContext, id: string, change: PostStatusChange) {
  const next = postStatusChange(change, ctx.now());
  if ("error" in next) throw new FieldError("publishedAt", next.error);
  await ctx.db.transaction(async (tx) => {
    const post = await findStaffPost(tx, id, { lock: true });
    if (!post) throw new NotFoundError(NOT_FOUND);
    requireAccessTo(ctx.user, "posts.write", post.authorId);
    await updatePost(tx, id, next);
    await recordAudit(tx, {
      at: ctx.now(),
      actor: { id: ctx.user.id, name: ctx.user.name },
      action: `post.${change.action}`,
      entity: "post",
      entityId: id,
      changes: changedFields(
        { status: post.status, publishedAt: post.publishedAt },
        { status: next.status, publishedAt: next.publishedAt },
      ),
    });
  });
  return mustFind(ctx, id);
}

export const postsRouter = {
  /** Visible posts (published, or scheduled and due), newest first. */
  list: publicProcedure
    .input(
      z
        .object({
          page: z.number().int().min(1).max(10_000).default(1),
          pageSize: z.number().int().min(1).max(50).default(10),
          tag: tagSchema.optional(),
        })
        .default({ page: 1, pageSize: 10 }),
    )
    .query(async ({ ctx, input }) => {
      const result = await listVisiblePosts(ctx.db, { now: ctx.now(), ...input });
      return { ...result, page: input.page, pageSize: input.pageSize };
    }),

  bySlug: publicProcedure.input(z.object({ slug: slugSchema })).query(async ({ ctx, input }) => {
    const post = await findVisiblePost(ctx.db, input.slug, ctx.now());
    if (!post) throw new NotFoundError(NOT_FOUND);
    return post;
  }),

  /**
   * Staff: posts of every status (drafts first, then newest), filtered by
   * status, author or tag. Each item says whether the user may edit it.
   */
  staffList: permissionProcedure("posts.read")
    .input(postStaffFilterSchema)
    .query(async ({ ctx, input }) => {
      const result = await listStaffPosts(ctx.db, input);
      return {
        items: result.items.map((post) => ({
          ...post,
          canEdit: canWrite(ctx, post.authorId),
        })),
        total: result.total,
        page: input.page,
        pageSize: input.pageSize,
      };
    }),

  /** Staff: one post of any status, with its markdown body. */
  get: permissionProcedure("posts.read")
    .input(idInputSchema)
    .query(async ({ ctx, input }) => {
      const post = await mustFind(ctx, input.id);
      return { ...post, canEdit: canWrite(ctx, post.authorId) };
    }),

  /**
   * Starts a draft. `authorId` defaults to the user's own practitioner;
   * practitioners may only write as themselves.
   */
  create: permissionProcedure("posts.write")
    .input(postContentSchema.extend({ authorId: idSchema.nullable().optional() }))
    .mutation(async ({ ctx, input }) => {
      const values = { ...input, authorId: input.authorId ?? ctx.user.practitionerId ?? null };
      requireAccessTo(ctx.user, "posts.write", values.authorId);
      const { id } = await withUniqueField("slug", SLUG_TAKEN, () =>
        ctx.db.transaction(async (tx) => {
          const row = await insertPost(tx, values);
          await recordAudit(tx, {
            at: ctx.now(),
            actor: { id: ctx.user.id, name: ctx.user.name },
            action: "post.create",
            entity: "post",
            entityId: row.id,
            changes: { after: { ...values, body: `${values.body.length} characters` } },
          });
          return row;
        }),
      );
      return mustFind(ctx, id);
    }),

  /** Edits a post's content; practitioners only their own, and can't hand it to someone else. */
  update: permissionProcedure("posts.write")
    .input(postContentSchema.extend({ id: idSchema }))
    .mutation(async ({ ctx, input }) => {
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
          // The body can be long: the log notes that it changed, not the text.
          if (changes.body) {
            changes.body = {
              from: `${before.body.length} characters`,
              to: `${fields.body.length} characters`,
            };
          }
          await recordAudit(tx, {
            at: ctx.now(),
            actor: { id: ctx.user.id, name: ctx.user.name },
            action: "post.update",
            entity: "post",
            entityId: id,
            changes,
          });
        }),
      );
      return mustFind(ctx, id);
    }),

  /** Publishes a post now (publishedAt = now); it is public at once. */
  publish: permissionProcedure("posts.write")
    .input(idInputSchema)
    .mutation(({ ctx, input }) => changeStatus(ctx, input.id, { action: "publish" })),

  /** Schedules a post for a future time; it appears by itself then. */
  schedule: permissionProcedure("posts.write")
    .input(idInputSchema.extend({ publishedAt: z.date({ message: "Choose a date and time" }) }))
    .mutation(({ ctx, input }) =>
      changeStatus(ctx, input.id, { action: "schedule", publishedAt: input.publishedAt }),
    ),

  /** Takes a post (published or scheduled) back to a draft; it leaves the public site at once. */
  unpublish: permissionProcedure("posts.write")
    .input(idInputSchema)
    .mutation(({ ctx, input }) => changeStatus(ctx, input.id, { action: "unpublish" })),

  /** Deletes a post for good (practitioners only their own). */
  remove: permissionProcedure("posts.write")
    .input(idInputSchema)
    .mutation(async ({ ctx, input }) => {
      await ctx.db.transaction(async (tx) => {
        const post = await findStaffPost(tx, input.id, { lock: true });
        if (!post) throw new NotFoundError(NOT_FOUND);
        requireAccessTo(ctx.user, "posts.write", post.authorId);
        await deletePost(tx, input.id);
        await recordAudit(tx, {
          at: ctx.now(),
          actor: { id: ctx.user.id, name: ctx.user.name },
          action: "post.delete",
          entity: "post",
          entityId: input.id,
          changes: { before: { slug: post.slug, title: post.title, status: post.status } },
        });
      });
      return { id: input.id, deleted: true as const };
    }),
} satisfies TRPCRouterRecord;

function canWrite(ctx: StaffContext, authorId: string | null): boolean {
  return canOn(ctx.user, "posts.write", authorId);
}
