import { addressSchema, clinicSettingsSchema, isValidTimeZone } from "@clinic/domain";

/**
 * The settings form: the domain's schema, with the fields a form may leave empty defaulting to
 * "" (an empty retention in years meaning "keep them", an empty holiday region "none").
 */
export const settingsFormSchema = clinicSettingsSchema.extend({
  tagline: clinicSettingsSchema.shape.tagline.default(""),
  inactiveRetentionYears: clinicSettingsSchema.shape.inactiveRetentionYears.default(null),
  holidayRegion: clinicSettingsSchema.shape.holidayRegion.default(null),
  address: addressSchema.extend({
    state: addressSchema.shape.state.default(""),
    postcode: addressSchema.shape.postcode.default(""),
  }),
});

/**
 * The time zones to choose from: the runtime's IANA zones (`Intl.supportedValuesOf`) that the
 * domain accepts, with the current one kept even if this runtime doesn't list it.
 */
export function timeZoneChoices(current: string): string[] {
  const zones = Intl.supportedValuesOf("timeZone").filter(isValidTimeZone);
  if (!zones.includes("UTC")) zones.push("UTC");
  if (current && !zones.includes(current)) zones.push(current);
  return zones.sort((a, b) => a.localeCompare(b));
}
