import { listPublicServices } from "@clinic/db";
import { slugSchema } from "@clinic/domain";
import { TRPCError, type TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { publicProcedure } from "../trpc.js";

export const servicesRouter = {
  list: publicProcedure.query(({ ctx }) => listPublicServices(ctx.db)),

  bySlug: publicProcedure.input(z.object({ slug: slugSchema })).query(async ({ ctx, input }) => {
    const [service] = await listPublicServices(ctx.db, { slug: input.slug });
    if (!service)
      throw new TRPCError({ code: "NOT_FOUND", message: "We couldn't find that service" });
    return service;
  }),
} satisfies TRPCRouterRecord;
