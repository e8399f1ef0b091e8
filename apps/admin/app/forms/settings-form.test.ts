import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import { settingsFormSchema, timeZoneChoices } from "./settings-form";

describe("timeZoneChoices", () => {
  it("lists IANA zones such as Australia/Sydney, sorted, without bare abbreviations", () => {
    const zones = timeZoneChoices("Australia/Sydney");
    expect(zones).toContain("Australia/Sydney");
    expect(zones).toContain("UTC");
    expect(zones).not.toContain("EST");
    expect([...zones].sort((a, b) => a.localeCompare(b))).toEqual(zones);
    expect(new Set(zones).size).toBe(zones.length);
  });
});

describe("settingsFormSchema", () => {
  const valid = {
    name: "Westside Sports Chiro",
    email: "hello@westside.example",
    phone: "02 9000 0000",
    address: { street: "1 Main St", suburb: "Sydney", country: "Australia" },
    timeZone: "Australia/Sydney",
    currency: "AUD",
    bookingPolicy: {
      slotStepMinutes: 15,
      minNoticeMinutes: 120,
      horizonDays: 60,
      cancellationWindowHours: 24,
    },
    emailSenderName: "Westside",
    emailSenderAddress: "bookings@westside.example",
    websiteUrl: "https://westside.example",
    sentEmailRetentionDays: 30,
  };

  it("accepts a form with the optional fields left empty", () => {
    const parsed = settingsFormSchema.parse(valid);
    expect(parsed.tagline).toBe("");
    expect(parsed.address.state).toBe("");
  });

  it("holds the booking policy to its limits", () => {
    const result = settingsFormSchema.safeParse({
      ...valid,
      bookingPolicy: { ...valid.bookingPolicy, cancellationWindowHours: 24 * 15 },
    });
    expect(result.error?.issues[0]?.path).toEqual(["bookingPolicy", "cancellationWindowHours"]);
  });

  /** The form as a browser posts it, with `changes` over a valid filling-in. */
  const posted = (changes: Record<string, string>) => {
    const data = new FormData();
    for (const [name, value] of Object.entries({
      name: valid.name,
      email: valid.email,
      phone: valid.phone,
      "address.street": valid.address.street,
      "address.suburb": valid.address.suburb,
      "address.country": valid.address.country,
      timeZone: valid.timeZone,
      currency: valid.currency,
      "bookingPolicy.slotStepMinutes": "15",
      "bookingPolicy.minNoticeMinutes": "120",
      "bookingPolicy.horizonDays": "60",
      "bookingPolicy.cancellationWindowHours": "24",
      emailSenderName: valid.emailSenderName,
      emailSenderAddress: valid.emailSenderAddress,
      websiteUrl: valid.websiteUrl,
      sentEmailRetentionDays: "30",
      inactiveRetentionYears: "",
      ...changes,
    })) {
      data.set(name, value);
    }
    return parseWithZod(data, { schema: settingsFormSchema });
  };

  it("reads the days to keep sent emails from the form, within 1 to 3650", () => {
    const form = (days: string) => posted({ sentEmailRetentionDays: days });
    const ok = form("90");
    expect(ok.status === "success" && ok.value.sentEmailRetentionDays).toBe(90);
    const errors = (days: string) => {
      const submission = form(days);
      return submission.status === "error" ? submission.error : null;
    };
    expect(errors("0")).toEqual({ sentEmailRetentionDays: ["At least one day"] });
    expect(errors("3651")).toEqual({ sentEmailRetentionDays: ["At most ten years"] });
  });

  it("keeps inactive patients and enquiries when the years are left empty, else 1 to 50", () => {
    const years = (value: string) => posted({ inactiveRetentionYears: value });
    const off = years("");
    expect(off.status === "success" && off.value.inactiveRetentionYears).toBeNull();
    const seven = years("7");
    expect(seven.status === "success" && seven.value.inactiveRetentionYears).toBe(7);
    const tooMany = years("51");
    expect(tooMany.status === "error" && tooMany.error).toEqual({
      inactiveRetentionYears: ["At most 50 years"],
    });
  });

  it("reads the public holidays region, upper-cased, and none when left empty", () => {
    const region = (value: string) => posted({ holidayRegion: value });
    const none = region("");
    expect(none.status === "success" && none.value.holidayRegion).toBeNull();
    const nsw = region(" au-nsw ");
    expect(nsw.status === "success" && nsw.value.holidayRegion).toBe("AU-NSW");
    const typed = region("New South Wales");
    expect(typed.status === "error" && Object.keys(typed.error ?? {})).toEqual(["holidayRegion"]);
  });
});
