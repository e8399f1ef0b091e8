import { idInputSchema } from "@clinic/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { devMailboxMessage, devMailboxStatus, listDevMailbox } from "../../email/dev-mailbox.js";
import { permissionProcedure } from "../trpc.js";

/**
 * Owner, and only while no SMTP server is configured: the outbox read as a mailbox, so a
 * developer can follow a manage link without it ever being logged (decision 011).
 */
export const devMailboxRouter = {
  status: permissionProcedure("devMailbox.read").query(({ ctx }) => devMailboxStatus(ctx)),
  list: permissionProcedure("devMailbox.read")
    .input(z.object({ limit: z.number().int().min(1).max(200).default(50) }).default({ limit: 50 }))
    .query(({ ctx, input }) => listDevMailbox(ctx, input)),
  get: permissionProcedure("devMailbox.read")
    .input(idInputSchema)
    .query(({ ctx, input }) => devMailboxMessage(ctx, input.id)),
} satisfies TRPCRouterRecord;
