import { describe, expect, it } from "vitest";
import {
  type ClinicSettings,
  clinicSettingsSchema,
  updateClinicSettingsSchema,
} from "./settings.js";

const settings = (): ClinicSettings => ({
  name: "Westside Sports Chiro",
  tagline: "Move well, play hard",
  email: "hello@westsidesportschiro.com.au",
  phone: "(02) 9876 5432",
  address: {
    street: "12 Example Street",
    suburb: "Parramatta",
    state: "NSW",
    postcode: "2150",
    country: "Australia",
  },
  timeZone: "Australia/Sydney",
  currency: "AUD",
  bookingPolicy: {
    slotStepMinutes: 15,
    minNoticeMinutes: 120,
    horizonDays: 60,
    cancellationWindowHours: 24,
  },
  emailSenderName: "Westside Sports Chiro",
  emailSenderAddress: "bookings@westsidesportschiro.com.au",
  websiteUrl: "https://westsidesportschiro.com.au",
  sentEmailRetentionDays: 30,
  inactiveRetentionYears: null,
  holidayRegion: "AU-NSW",
});

describe("clinicSettingsSchema", () => {
  it("accepts a full valid object unchanged", () => {
    expect(clinicSettingsSchema.parse(settings())).toEqual(settings());
  });

  it("normalises emails", () => {
    const parsed = clinicSettingsSchema.parse({
      ...settings(),
      email: " Hello@WestsideSportsChiro.com.au ",
    });
    expect(parsed.email).toBe("hello@westsidesportschiro.com.au");
  });

  it("reports a bad time zone on the timeZone path", () => {
    for (const timeZone of ["Mars/Base", "EST"]) {
      const result = clinicSettingsSchema.safeParse({ ...settings(), timeZone });
      expect(result.error?.issues.map((i) => [i.path, i.message])).toEqual([
        [["timeZone"], "Unknown time zone"],
      ]);
    }
  });

  it("reports nested booking policy problems on their path", () => {
    const result = clinicSettingsSchema.safeParse({
      ...settings(),
      bookingPolicy: { ...settings().bookingPolicy, slotStepMinutes: 1, horizonDays: 400 },
    });
    expect(result.error?.issues.map((i) => [i.path, i.message])).toEqual([
      [["bookingPolicy", "slotStepMinutes"], "At least 5 minutes"],
      [["bookingPolicy", "horizonDays"], "At most a year"],
    ]);
  });

  it("keeps sent emails between a day and ten years, in whole days", () => {
    for (const [days, message] of [
      [0, "At least one day"],
      [3651, "At most ten years"],
      [1.5, "Whole days only"],
    ] as const) {
      const result = clinicSettingsSchema.safeParse({
        ...settings(),
        sentEmailRetentionDays: days,
      });
      expect(result.error?.issues.map((i) => [i.path, i.message])).toEqual([
        [["sentEmailRetentionDays"], message],
      ]);
    }
    for (const days of [1, 3650]) {
      expect(
        clinicSettingsSchema.parse({ ...settings(), sentEmailRetentionDays: days })
          .sentEmailRetentionDays,
      ).toBe(days);
    }
  });

  it("keeps inactive patients and enquiries for ever, or 1 to 50 whole years", () => {
    for (const [years, message] of [
      [0, "At least one year"],
      [51, "At most 50 years"],
      [2.5, "Whole years only"],
    ] as const) {
      const result = clinicSettingsSchema.safeParse({
        ...settings(),
        inactiveRetentionYears: years,
      });
      expect(result.error?.issues.map((i) => [i.path, i.message])).toEqual([
        [["inactiveRetentionYears"], message],
      ]);
    }
    for (const years of [null, 1, 50]) {
      expect(
        clinicSettingsSchema.parse({ ...settings(), inactiveRetentionYears: years })
          .inactiveRetentionYears,
      ).toBe(years);
    }
    const { inactiveRetentionYears: _off, ...without } = settings();
    expect(clinicSettingsSchema.safeParse(without).success).toBe(false);
  });

  it("rejects a lowercase currency and a non-web address", () => {
    const result = clinicSettingsSchema.safeParse({
      ...settings(),
      currency: "aud",
      websiteUrl: "ftp://x.com",
    });
    expect(result.error?.issues.map((i) => i.path)).toEqual([["currency"], ["websiteUrl"]]);
  });
});

describe("updateClinicSettingsSchema", () => {
  it("accepts any subset, still validating what is given", () => {
    expect(updateClinicSettingsSchema.parse({})).toEqual({});
    expect(updateClinicSettingsSchema.parse({ tagline: " New " })).toEqual({ tagline: "New" });
    expect(updateClinicSettingsSchema.safeParse({ timeZone: "Mars/Base" }).success).toBe(false);
  });
});
