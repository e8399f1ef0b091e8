import { describe, expect, it } from "vitest";
import {
  currencySchema,
  emailSchema,
  idSchema,
  instantSchema,
  isValidTimeZone,
  localDateSchema,
  personNameSchema,
  phoneSchema,
  priceCentsSchema,
  slugSchema,
  timeOfDaySchema,
  timeZoneSchema,
  urlSchema,
} from "./fields.js";

function messages(result: { success: boolean; error?: { issues: { message: string }[] } }) {
  return result.error?.issues.map((issue) => issue.message) ?? [];
}

describe("emailSchema", () => {
  it("trims and lowercases", () => {
    expect(emailSchema.parse("  Jason.Lee@WestsideSportsChiro.com.AU ")).toBe(
      "jason.lee@westsidesportschiro.com.au",
    );
  });

  it.each([
    "",
    "   ",
    "jason",
    "jason@",
    "@example.com",
    "jason@example",
    "ja son@example.com",
    "a@b@c.com",
  ])("rejects %j with the plain message", (input) => {
    expect(messages(emailSchema.safeParse(input))).toEqual(["Enter a valid email address"]);
  });

  it("rejects addresses longer than 254 characters", () => {
    const long = `${"a".repeat(250)}@example.com`;
    expect(messages(emailSchema.safeParse(long))).toEqual(["Email must be at most 254 characters"]);
  });
});

describe("phoneSchema", () => {
  it.each(["0412 345 678", "(02) 9876 5432", "+61 2 9876 5432", "+61-412-345-678", "13 11 14"])(
    "accepts %j",
    (input) => {
      expect(phoneSchema.safeParse(input).success).toBe(true);
    },
  );

  it("trims", () => {
    expect(phoneSchema.parse("  0412 345 678  ")).toBe("0412 345 678");
  });

  it("rejects letters and misplaced plus signs", () => {
    expect(messages(phoneSchema.safeParse("0412 ABC 678"))).toEqual([
      "Use digits, spaces, brackets, hyphens and an optional leading +",
    ]);
    expect(phoneSchema.safeParse("0412+345678").success).toBe(false);
  });

  it("rejects too few or too many digits with one message", () => {
    expect(messages(phoneSchema.safeParse("12345"))).toEqual(["Enter a valid phone number"]);
    expect(messages(phoneSchema.safeParse("(--) ---"))).toEqual(["Enter a valid phone number"]);
    expect(messages(phoneSchema.safeParse("+1 (2) 3-4"))).toEqual(["Enter a valid phone number"]);
    expect(messages(phoneSchema.safeParse("1234567890123456"))).toEqual([
      "Enter a valid phone number",
    ]);
  });

  it("rejects more than 30 characters", () => {
    expect(messages(phoneSchema.safeParse("0412 345 678 ".repeat(3)))).toEqual([
      "Phone number must be at most 30 characters",
    ]);
  });
});

describe("isValidTimeZone", () => {
  it.each([
    "Australia/Sydney",
    "Australia/Perth",
    "America/New_York",
    "Europe/London",
    "UTC",
    "Etc/UTC",
  ])("accepts %s", (zone) => {
    expect(isValidTimeZone(zone)).toBe(true);
  });

  it.each([
    "Mars/Base",
    "Australia/Atlantis",
    "EST",
    "AEST",
    "PST",
    "GMT",
    "EST5EDT",
    "",
    "Sydney",
    " Australia/Sydney",
  ])("rejects %j", (zone) => {
    expect(isValidTimeZone(zone)).toBe(false);
  });

  it("backs timeZoneSchema", () => {
    expect(timeZoneSchema.parse("Australia/Sydney")).toBe("Australia/Sydney");
    expect(messages(timeZoneSchema.safeParse("Mars/Base"))).toEqual(["Unknown time zone"]);
  });
});

describe("timeOfDaySchema", () => {
  it.each(["00:00", "09:30", "12:00", "23:59", "24:00"])("accepts %s", (time) => {
    expect(timeOfDaySchema.safeParse(time).success).toBe(true);
  });

  it.each(["9:00", "09:0", "24:01", "25:00", "23:60", "0930", "09:30:00", "", " 09:30", "٠٩:٣٠"])(
    "rejects %j",
    (time) => {
      expect(messages(timeOfDaySchema.safeParse(time))).toEqual([
        "Use a 24-hour time such as 09:30",
      ]);
    },
  );
});

describe("localDateSchema", () => {
  it("accepts real calendar dates", () => {
    expect(localDateSchema.safeParse("2026-04-05").success).toBe(true);
    expect(localDateSchema.safeParse("2028-02-29").success).toBe(true);
  });

  it.each([
    "2026-02-29",
    "2026-13-01",
    "2026-04-31",
    "2026-4-5",
    "05/04/2026",
    "2026-04-05T10:00:00Z",
  ])("rejects %j", (date) => {
    expect(messages(localDateSchema.safeParse(date))).toEqual(["Use a date such as 2026-04-05"]);
  });
});

describe("slugSchema", () => {
  it("accepts lowercase words joined by single hyphens", () => {
    expect(slugSchema.parse("initial-assessment-2")).toBe("initial-assessment-2");
  });

  it.each([
    "",
    "Upper",
    "double--hyphen",
    "-leading",
    "trailing-",
    "under_score",
    "spa ce",
    "café",
  ])("rejects %j", (slug) => {
    expect(slugSchema.safeParse(slug).success).toBe(false);
  });

  it("limits length to 100", () => {
    expect(slugSchema.safeParse("a".repeat(100)).success).toBe(true);
    expect(messages(slugSchema.safeParse("a".repeat(101)))).toEqual([
      "Slug must be at most 100 characters",
    ]);
  });
});

describe("idSchema", () => {
  it("accepts a random UUID and rejects other strings", () => {
    expect(idSchema.safeParse("3f1c2a9e-8b7d-4c6e-9a5f-1b2c3d4e5f60").success).toBe(true);
    expect(messages(idSchema.safeParse("42"))).toEqual(["Must be a valid id"]);
  });
});

describe("priceCentsSchema", () => {
  it("accepts whole cents from 0 to 1,000,000", () => {
    expect(priceCentsSchema.safeParse(0).success).toBe(true);
    expect(priceCentsSchema.safeParse(9500).success).toBe(true);
    expect(priceCentsSchema.safeParse(1_000_000).success).toBe(true);
  });

  it("rejects fractions, negatives and too much", () => {
    expect(messages(priceCentsSchema.safeParse(95.5))).toEqual(["Price must be in whole cents"]);
    expect(messages(priceCentsSchema.safeParse(-1))).toEqual(["Price can't be negative"]);
    expect(messages(priceCentsSchema.safeParse(1_000_001))).toEqual([
      "Price must be at most 10,000.00",
    ]);
  });
});

describe("other fields", () => {
  it("currencySchema takes three capital letters", () => {
    expect(currencySchema.safeParse("AUD").success).toBe(true);
    expect(currencySchema.safeParse("aud").success).toBe(false);
    expect(currencySchema.safeParse("AU").success).toBe(false);
  });

  it("urlSchema takes http(s) addresses only", () => {
    expect(urlSchema.safeParse("https://westsidesportschiro.com.au").success).toBe(true);
    expect(urlSchema.safeParse("http://localhost:3000").success).toBe(true);
    expect(messages(urlSchema.safeParse("ftp://example.com"))).toEqual([
      "Enter a web address starting with http(s)://",
    ]);
    expect(urlSchema.safeParse("javascript:alert(1)").success).toBe(false);
  });

  it("personNameSchema trims and requires a name", () => {
    expect(personNameSchema.parse("  Joey Lee ")).toBe("Joey Lee");
    expect(messages(personNameSchema.safeParse("   "))).toEqual(["Name is required"]);
  });
});

describe("instantSchema and localDateSchema bounds", () => {
  // Valid JavaScript dates whose arithmetic throws or that PostgreSQL can't store (issue 10).
  it.each([
    "0001-01-01T00:00:00Z",
    "+275760-09-13T00:00:00Z",
    "-271821-04-20T00:00:00Z",
    "1999-12-31T23:59:59.999Z",
    "3000-01-01T00:00:00Z",
  ])("refuses the instant %s with the year range", (iso) => {
    expect(messages(instantSchema("Choose a time").safeParse(new Date(iso)))).toEqual([
      "Choose a time between the years 2000 and 2999",
    ]);
  });

  it("accepts instants inside the years and names a missing one plainly", () => {
    expect(instantSchema().safeParse(new Date("2000-01-01T00:00:00Z")).success).toBe(true);
    expect(instantSchema().safeParse(new Date("2999-12-31T23:59:59.999Z")).success).toBe(true);
    expect(messages(instantSchema("Choose a time").safeParse(new Date(Number.NaN)))).toEqual([
      "Choose a time",
    ]);
  });

  it.each(["0001-01-01", "1999-12-31", "3000-01-01", "9999-12-31"])(
    "refuses the local date %s with the year range",
    (date) => {
      expect(messages(localDateSchema.safeParse(date))).toEqual([
        "Use a date between the years 2000 and 2999",
      ]);
    },
  );
});
