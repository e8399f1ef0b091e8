import { describe, expect, it } from "vitest";
import {
  DEFAULT_SMS_REMINDER_TEMPLATE,
  formatSmsTime,
  renderSmsTemplate,
  SMS_STOP_LINE,
  smsSegments,
  smsSettingsInputSchema,
  smsTemplateProblems,
  smsTemplateSchema,
} from "./sms-template.js";

const values = {
  service: "Initial assessment",
  practitioner: "Jason Lee",
  time: "Tue 9 Feb, 9:30 am",
  clinic: "Westside Sports Chiro",
  clinic_phone: "02 9000 0000",
};

describe("renderSmsTemplate", () => {
  it("fills every placeholder and adds the STOP line", () => {
    expect(renderSmsTemplate(DEFAULT_SMS_REMINDER_TEMPLATE, values)).toBe(
      `Westside Sports Chiro: a reminder of your Initial assessment with Jason Lee on Tue 9 Feb, 9:30 am. To change it, call 02 9000 0000. ${SMS_STOP_LINE}`,
    );
  });

  it("leaves the STOP line out when the template already says STOP, and fills a placeholder twice", () => {
    expect(renderSmsTemplate("{time} {time}. Reply STOP to end texts", values)).toBe(
      "Tue 9 Feb, 9:30 am Tue 9 Feb, 9:30 am. Reply STOP to end texts",
    );
  });

  it("doesn't read a placeholder's value as a placeholder", () => {
    expect(renderSmsTemplate("{service} at {time}", { ...values, service: "{clinic}" })).toBe(
      `{clinic} at Tue 9 Feb, 9:30 am ${SMS_STOP_LINE}`,
    );
  });
});

describe("template validation", () => {
  it("accepts the default template", () => {
    expect(smsTemplateProblems(DEFAULT_SMS_REMINDER_TEMPLATE)).toEqual([]);
    expect(smsTemplateSchema.parse(`  ${DEFAULT_SMS_REMINDER_TEMPLATE} `)).toBe(
      DEFAULT_SMS_REMINDER_TEMPLATE,
    );
  });

  it("names unknown placeholders and what to use instead", () => {
    const [problem] = smsTemplateProblems("Hi {name}, see you {time} at {Clinic}");
    expect(problem).toMatch(/^Unknown placeholder \{name\}, \{Clinic\}: use \{service\}/);
  });

  it("refuses a lone brace, a missing {time}, an empty or too long text", () => {
    expect(smsTemplateProblems("See you {time} {clinic")).toEqual([
      "A { or } without its partner: placeholders are written like {time}",
    ]);
    expect(smsTemplateProblems("See you soon at {clinic}")).toEqual([
      "Put {time} in the text, so patients know when",
    ]);
    const empty = smsTemplateSchema.safeParse("   ");
    expect(empty.success).toBe(false);
    expect(empty.error?.issues[0]?.message).toBe("Write the reminder's text");
    const long = smsTemplateSchema.safeParse(`{time} ${"x".repeat(320)}`);
    expect(long.error?.issues[0]?.message).toMatch(/under 320 characters/);
  });

  it("refuses control characters, and a country that isn't two letters", () => {
    expect(smsTemplateSchema.safeParse("{time}\u0007 see you").success).toBe(false);
    const bad = smsSettingsInputSchema.safeParse({
      reminderTemplate: DEFAULT_SMS_REMINDER_TEMPLATE,
      defaultCountry: "Australia",
    });
    expect(bad.error?.issues[0]?.path).toEqual(["defaultCountry"]);
    expect(
      smsSettingsInputSchema.parse({ reminderTemplate: "{time}", defaultCountry: " nz " })
        .defaultCountry,
    ).toBe("NZ");
  });
});

describe("formatSmsTime", () => {
  it("says the clinic's wall-clock time, on both sides of a daylight-saving change", () => {
    // Sydney leaves daylight saving on 4 April 2027 at 3:00 am (AEDT → AEST).
    expect(formatSmsTime(new Date("2027-04-03T22:30:00Z"), "Australia/Sydney")).toBe(
      "Sun 4 Apr, 8:30 am",
    );
    expect(formatSmsTime(new Date("2027-04-02T22:30:00Z"), "Australia/Sydney")).toBe(
      "Sat 3 Apr, 9:30 am",
    );
    expect(formatSmsTime(new Date("2027-02-08T22:30:00Z"), "Australia/Sydney")).toBe(
      "Tue 9 Feb, 9:30 am",
    );
  });
});

describe("smsSegments", () => {
  it("counts GSM-7 parts, extension characters as two", () => {
    expect(smsSegments("a".repeat(160))).toEqual({ encoding: "GSM-7", units: 160, segments: 1 });
    expect(smsSegments("a".repeat(161)).segments).toBe(2);
    expect(smsSegments("€").units).toBe(2);
  });

  it("falls back to UCS-2 for other characters", () => {
    expect(smsSegments("See you 🙂")).toMatchObject({ encoding: "UCS-2", segments: 1 });
    expect(smsSegments(`’${"a".repeat(70)}`)).toMatchObject({ encoding: "UCS-2", segments: 2 });
  });
});
