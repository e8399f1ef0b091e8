import { getClinicSettings, recordAudit, saveClinicSettings } from "@clinic/db";
import { clinicSettingsSchema } from "@clinic/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { changedFields } from "../audit-changes.js";
import { permissionProcedure, publicProcedure } from "../trpc.js";

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

  /** Staff: every setting, the email sender included. */
  staffGet: permissionProcedure("settings.read").query(({ ctx }) => getClinicSettings(ctx.db)),

  /**
   * Owner: replaces the clinic's settings (validated whole: a real IANA time
   * zone, booking policy within its ranges). Returns the saved settings.
   */
  update: permissionProcedure("settings.write")
    .input(clinicSettingsSchema)
    .mutation(({ ctx, input }) =>
      ctx.db.transaction(async (tx) => {
        const before = await getClinicSettings(tx);
        await saveClinicSettings(tx, input);
        await recordAudit(tx, {
          actor: { id: ctx.user.id, name: ctx.user.name },
          action: "settings.update",
          entity: "settings",
          entityId: null,
          changes: changedFields({ ...before }, { ...input }),
        });
        return getClinicSettings(tx);
      }),
    ),
} satisfies TRPCRouterRecord;
