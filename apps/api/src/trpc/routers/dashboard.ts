import { dashboardSummary } from "@clinic/db";
import type { TRPCRouterRecord } from "@trpc/server";
import { staffProcedure } from "../trpc.js";

export const dashboardRouter = {
  summary: staffProcedure.query(({ ctx }) => dashboardSummary(ctx.db, ctx.now())),
} satisfies TRPCRouterRecord;
