import {
  getClinicSettings,
  listActiveWorkingHours,
  recordAudit,
  saveClinicSettings,
} from "@clinic/db";
import { clinicSettingsSchema, openingHours } from "@clinic/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { changedFields } from "../../audit/audit.js";
import { permissionProcedure, publicProcedure } from "../trpc.js";

export const settingsRouter = {
  /**
   * What the public site shows about the clinic, with its opening hours (when
   * any practitioner works); the email sender stays internal.
   */
  get: publicProcedure.query(async ({ ctx }) => {
    const [clinic, hours] = await Promise.all([
      getClinicSettings(ctx.db),
      listActiveWorkingHours(ctx.db),
    ]);
    const { emailSenderName: _name, emailSenderAddress: _address, ...settings } = clinic;
    return { ...settings, openingHours: openingHours(hours) };
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
          at: ctx.now(),
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
