import { idSchema, instantSchema, singleLineText } from "@clinic/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { auditLogPage } from "../../audit/audit-log.js";
import { permissionProcedure } from "../trpc.js";

export const auditRouter = {
  /**
   * Owner: the audit log, newest first, 50 a page, filtered by actor, entity
   * ("booking", "post", "staff_user", …) and a time range [from, to). Each
   * entry names its actor as they were called when they acted.
   */
  list: permissionProcedure("audit.read")
    .input(
      z
        .object({
          actorId: idSchema.optional(),
          entity: singleLineText().trim().min(1).max(50).optional(),
          from: instantSchema().optional(),
          to: instantSchema().optional(),
          page: z.number().int().min(1).max(10_000).default(1),
        })
        .refine((f) => !f.from || !f.to || f.from < f.to, {
          message: "The end must be after the start",
          path: ["to"],
        }),
    )
    .query(({ ctx, input }) => auditLogPage(ctx, input)),
} satisfies TRPCRouterRecord;
