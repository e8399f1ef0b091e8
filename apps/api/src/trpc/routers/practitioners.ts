import { listPublicPractitioners } from "@clinic/db";
import { slugSchema } from "@clinic/domain";
import { TRPCError, type TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { publicProcedure } from "../trpc.js";

export const practitionersRouter = {
  list: publicProcedure.query(({ ctx }) => listPublicPractitioners(ctx.db)),

  bySlug: publicProcedure.input(z.object({ slug: slugSchema })).query(async ({ ctx, input }) => {
    const [practitioner] = await listPublicPractitioners(ctx.db, { slug: input.slug });
    if (!practitioner) {
      throw new TRPCError({ code: "NOT_FOUND", message: "We couldn't find that practitioner" });
    }
    return practitioner;
  }),
} satisfies TRPCRouterRecord;
