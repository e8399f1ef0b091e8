import { getClinicSettings } from "@clinic/db";
import type { TRPCRouterRecord } from "@trpc/server";
import { publicProcedure } from "../trpc.js";

export const settingsRouter = {
  /** What the public site shows about the clinic; the email sender stays internal. */
  get: publicProcedure.query(async ({ ctx }) => {
    const {
      emailSenderName: _name,
      emailSenderAddress: _address,
      ...settings
    } = await getClinicSettings(ctx.db);
    return settings;
  }),
} satisfies TRPCRouterRecord;
