import { getClinicSettings, getSmsSettings, saveSmsSettings } from "@clinic/db";
import {
  renderSmsTemplate,
  SMS_TEMPLATE_MAX_LENGTH,
  type SmsSettingsInput,
  sampleSmsValues,
  smsPlaceholders,
  smsSegments,
} from "@clinic/domain";
import { isPhoneCountry } from "@clinic/domain/phone-number";
import { audit, changedFields } from "../audit/audit.js";
import type { AppContext, StaffContext } from "../context.js";
import { FieldError } from "../errors.js";
import { SMS_INBOUND_PATH } from "./inbound-routes.js";

/** Whether the clinic sends texts: the public booking form offers reminders only then. */
export function smsStatus(ctx: AppContext) {
  return { enabled: Boolean(ctx.sms) };
}

/**
 * The SMS settings page: whether texts are on (and from which number), the reminder's
 * template with a preview from the clinic's own details, and what each placeholder means.
 */
export async function smsSettingsView(ctx: StaffContext) {
  const [sms, clinic] = await Promise.all([getSmsSettings(ctx.db), getClinicSettings(ctx.db)]);
  // A sample appointment two days from now at its clock's time, in the clinic's zone.
  const at = new Date(ctx.now().getTime() + 2 * 86_400_000);
  const preview = renderSmsTemplate(sms.reminderTemplate, sampleSmsValues(clinic, at));
  return {
    enabled: Boolean(ctx.sms),
    from: ctx.sms?.from ?? null,
    reminderTemplate: sms.reminderTemplate,
    defaultCountry: sms.defaultCountry,
    updatedAt: sms.updatedAt,
    placeholders: Object.entries(smsPlaceholders).map(([name, meaning]) => ({ name, meaning })),
    maxLength: SMS_TEMPLATE_MAX_LENGTH,
    preview: { text: preview, ...smsSegments(preview) },
    clinic: { name: clinic.name, phone: clinic.phone, timeZone: clinic.timeZone },
    /** Where the provider should post replies (STOP, START), on the API's own address. */
    inboundPath: SMS_INBOUND_PATH,
  };
}

/** Saves the reminder's template and phone country (validated by the caller's schema); audited. */
export async function updateSmsSettings(ctx: StaffContext, input: SmsSettingsInput) {
  if (!isPhoneCountry(input.defaultCountry)) {
    throw new FieldError("defaultCountry", "We don't know phone numbers of that country code");
  }
  await ctx.db.transaction(async (tx) => {
    const before = await getSmsSettings(tx);
    await saveSmsSettings(tx, input, ctx.now());
    await audit(tx, ctx, {
      action: "sms_settings.update",
      entityId: null,
      changes: changedFields(
        { reminderTemplate: before.reminderTemplate, defaultCountry: before.defaultCountry },
        { ...input },
      ),
    });
  });
  return smsSettingsView(ctx);
}
