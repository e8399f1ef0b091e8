import { smsSettingsInputSchema } from "@clinic/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { smsSettingsView, smsStatus, updateSmsSettings } from "../../sms/sms-settings.js";
import { permissionProcedure, publicProcedure } from "../trpc.js";

/** Text reminders (decision 030): their settings, and whether the clinic sends them at all. */
export const smsRouter = {
  /** Public: whether texts are on, so the booking form offers reminders only when they are. */
  status: publicProcedure.query(({ ctx }) => smsStatus(ctx)),

  /** Staff: on or off, the sender, the reminder's template with a preview, the placeholders. */
  settings: permissionProcedure("settings.read").query(({ ctx }) => smsSettingsView(ctx)),

  /** Owner: saves the reminder's template and the phone country; audited. */
  updateSettings: permissionProcedure("settings.write")
    .meta({ access: "staff", permission: "settings.write", publicContent: "unchanged" })
    .input(smsSettingsInputSchema)
    .mutation(({ ctx, input }) => updateSmsSettings(ctx, input)),
} satisfies TRPCRouterRecord;
