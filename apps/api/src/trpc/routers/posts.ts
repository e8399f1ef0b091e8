import { findVisiblePost, listVisiblePosts } from "@clinic/db";
import { slugSchema, tagSchema } from "@clinic/domain";
import { TRPCError, type TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { publicProcedure } from "../trpc.js";

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
    if (!post) throw new TRPCError({ code: "NOT_FOUND", message: "We couldn't find that post" });
    return post;
  }),
} satisfies TRPCRouterRecord;
