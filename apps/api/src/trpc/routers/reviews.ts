import { approvedRatingSummary, listApprovedReviews } from "@clinic/db";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { publicProcedure } from "../trpc.js";

export const reviewsRouter = {
  /** Approved reviews only, newest first; pending and rejected ones are never public. */
  list: publicProcedure
    .input(
      z
        .object({
          featured: z.boolean().optional(),
          limit: z.number().int().min(1).max(200).default(100),
        })
        .default({ limit: 100 }),
    )
    .query(({ ctx, input }) => listApprovedReviews(ctx.db, input)),

  summary: publicProcedure.query(({ ctx }) => approvedRatingSummary(ctx.db)),
} satisfies TRPCRouterRecord;
