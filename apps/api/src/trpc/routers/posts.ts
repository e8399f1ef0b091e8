import {
  idInputSchema,
  idSchema,
  imageAltSchema,
  imageUploadSchema,
  instantSchema,
  postContentSchema,
  postStaffFilterSchema,
  slugSchema,
  tagSchema,
} from "@clinic/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import {
  changePostStatus,
  createPost,
  deleteStaffPost,
  describePostCover,
  publicPostBySlug,
  publicPosts,
  removePostCover,
  staffPost,
  staffPosts,
  updateStaffPost,
  uploadPostCover,
} from "../../posts/posts.js";
import { permissionProcedure, publicReadProcedure } from "../trpc.js";

export const postsRouter = {
  /** Visible posts (published, or scheduled and due), newest first. */
  list: publicReadProcedure
    .input(
      z
        .object({
          page: z.number().int().min(1).max(10_000).default(1),
          pageSize: z.number().int().min(1).max(50).default(10),
          tag: tagSchema.optional(),
        })
        .default({ page: 1, pageSize: 10 }),
    )
    .query(({ ctx, input }) => publicPosts(ctx, input)),

  bySlug: publicReadProcedure
    .input(z.object({ slug: slugSchema }))
    .query(({ ctx, input }) => publicPostBySlug(ctx, input.slug)),

  /**
   * Staff: posts of every status (drafts first, then newest), filtered by
   * status, author or tag. Each item says whether the user may edit it.
   */
  staffList: permissionProcedure("posts.read")
    .input(postStaffFilterSchema)
    .query(({ ctx, input }) => staffPosts(ctx, input)),

  /** Staff: one post of any status, with its markdown body. */
  get: permissionProcedure("posts.read")
    .input(idInputSchema)
    .query(({ ctx, input }) => staffPost(ctx, input.id)),

  /**
   * Starts a draft. `authorId` defaults to the user's own practitioner;
   * practitioners may only write as themselves.
   */
  create: permissionProcedure("posts.write")
    .input(postContentSchema.extend({ authorId: idSchema.nullable().optional() }))
    .mutation(({ ctx, input }) => createPost(ctx, input)),

  /** Edits a post's content; practitioners only their own, and can't hand it to someone else. */
  update: permissionProcedure("posts.write")
    .input(postContentSchema.extend({ id: idSchema }))
    .mutation(({ ctx, input }) => updateStaffPost(ctx, input)),

  /** Publishes a post now (publishedAt = now); it is public at once. */
  publish: permissionProcedure("posts.write")
    .input(idInputSchema)
    .mutation(({ ctx, input }) => changePostStatus(ctx, input.id, { action: "publish" })),

  /** Schedules a post for a future time; it appears by itself then. */
  schedule: permissionProcedure("posts.write")
    .input(idInputSchema.extend({ publishedAt: instantSchema("Choose a date and time") }))
    .mutation(({ ctx, input }) =>
      changePostStatus(ctx, input.id, { action: "schedule", publishedAt: input.publishedAt }),
    ),

  /** Takes a post (published or scheduled) back to a draft; it leaves the public site at once. */
  unpublish: permissionProcedure("posts.write")
    .input(idInputSchema)
    .mutation(({ ctx, input }) => changePostStatus(ctx, input.id, { action: "unpublish" })),

  /** Deletes a post for good (practitioners only their own). */
  /**
   * Sets the post's cover to an uploaded JPEG, PNG or WebP (at most 8 MB) with its alt text,
   * resized to variants in the image store (decision 021).
   */
  uploadCover: permissionProcedure("posts.write")
    .input(imageUploadSchema.extend({ id: idSchema }))
    .mutation(({ ctx, input }) => uploadPostCover(ctx, input)),

  /** Changes the alt text of the post's uploaded cover. */
  describeCover: permissionProcedure("posts.write")
    .input(z.object({ id: idSchema, alt: imageAltSchema }))
    .mutation(({ ctx, input }) => describePostCover(ctx, input)),

  /** Takes the post's cover away. */
  removeCover: permissionProcedure("posts.write")
    .input(idInputSchema)
    .mutation(({ ctx, input }) => removePostCover(ctx, input.id)),

  remove: permissionProcedure("posts.write")
    .input(idInputSchema)
    .mutation(({ ctx, input }) => deleteStaffPost(ctx, input.id)),
} satisfies TRPCRouterRecord;
