import { clinicSettingsSchema } from "@clinic/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { publicSettings, staffSettings, updateSettings } from "../../settings/settings.js";
import { permissionProcedure, publicReadProcedure } from "../trpc.js";

export const settingsRouter = {
  /**
   * What the public site shows about the clinic, with its opening hours (when
   * any practitioner works); the email sender stays internal.
   */
  get: publicReadProcedure.query(({ ctx }) => publicSettings(ctx)),

  /** Staff: every setting, the email sender included. */
  staffGet: permissionProcedure("settings.read").query(({ ctx }) => staffSettings(ctx)),

  /**
   * Owner: replaces the clinic's settings (validated whole: a real IANA time
   * zone, booking policy within its ranges). Returns the saved settings.
   */
  update: permissionProcedure("settings.write")
    .input(clinicSettingsSchema)
    .mutation(({ ctx, input }) => updateSettings(ctx, input)),
} satisfies TRPCRouterRecord;
