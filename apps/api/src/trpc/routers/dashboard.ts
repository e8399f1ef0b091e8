import { dashboardSummary } from "@clinic/db";
import type { TRPCRouterRecord } from "@trpc/server";
import { permissionProcedure } from "../trpc.js";

export const dashboardRouter = {
  summary: permissionProcedure("dashboard.read").query(({ ctx }) =>
    dashboardSummary(ctx.db, ctx.now()),
  ),
} satisfies TRPCRouterRecord;
