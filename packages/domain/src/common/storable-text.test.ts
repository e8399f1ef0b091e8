import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { clinicClosureInputSchema, timeOffInputSchema } from "../availability/working-hours.js";
import { bookingNotesSchema, patientInputSchema } from "../bookings/booking.js";
import { cancelByTokenInputSchema, createBookingInputSchema } from "../bookings/booking-input.js";
import {
  patientSearchInputSchema,
  staffCancelBookingInputSchema,
  staffCreateBookingInputSchema,
} from "../bookings/staff-booking-input.js";
import { enquiryInputSchema } from "../enquiries/enquiry.js";
import { enquiryNoteBodySchema, enquiryReplySchema } from "../enquiries/enquiry-inbox.js";
import { postContentSchema } from "../posts/post-editor.js";
import { practitionerInputSchema } from "../practitioners/practitioner.js";
import { reviewInputSchema } from "../reviews/review.js";
import { serviceInputSchema } from "../services/service.js";
import { updateClinicSettingsSchema } from "../settings/settings.js";
import { staffAccountCreateSchema } from "../staff/staff-accounts.js";
import { multiLineText, singleLineText, unstorableTextProblem } from "./storable-text.js";

describe("unstorableTextProblem", () => {
  it("accepts ordinary text, accents and emoji (surrogate pairs)", () => {
    for (const text of ["Zoë O'Brien-Núñez", "Great session 💪🏽", "日本語", ""]) {
      expect(unstorableTextProblem(text, { multiline: false })).toBeNull();
    }
  });

  it("names NUL, which PostgreSQL can't store, in any kind of text", () => {
    for (const multiline of [false, true]) {
      expect(unstorableTextProblem("a\u0000b", { multiline })).toMatch(/NUL character \(U\+0000\)/);
    }
  });

  it("keeps tabs and line breaks in multi-line text only", () => {
    const text = "Line one\r\nLine two\n\tindented";
    expect(unstorableTextProblem(text, { multiline: true })).toBeNull();
    expect(unstorableTextProblem("Jason\nLee", { multiline: false })).toBe("Keep this on one line");
    expect(unstorableTextProblem("Jason\tLee", { multiline: false })).toMatch(/U\+0009/);
  });

  it("names other control characters and DEL by code point", () => {
    expect(unstorableTextProblem("bell\u0007", { multiline: true })).toMatch(/U\+0007/);
    expect(unstorableTextProblem("esc\u001b[31m", { multiline: true })).toMatch(/U\+001B/);
    expect(unstorableTextProblem("del\u007f", { multiline: true })).toMatch(/U\+007F/);
  });

  it("refuses lone surrogates, which can't be encoded as UTF-8", () => {
    expect(unstorableTextProblem("half \ud83d emoji", { multiline: true })).toMatch(/U\+D83D/);
    expect(unstorableTextProblem("\udcaa at the start", { multiline: true })).toMatch(/U\+DCAA/);
    expect(unstorableTextProblem("ends high \ud83d", { multiline: true })).toMatch(
      /lone surrogate/,
    );
  });
});

describe("singleLineText and multiLineText", () => {
  it("chain like z.string(), with one message for one mistake", () => {
    const name = singleLineText().trim().min(1, "Name is required").max(5, "Too long");
    expect(name.parse("  Jo  ")).toBe("Jo");
    const issues = name.safeParse("far too long\u0000").error?.issues ?? [];
    expect(issues.map((i) => i.message)).toEqual([
      "Contains a NUL character (U+0000), which can't be stored; remove it",
    ]);
    expect(multiLineText().parse("a\nb")).toBe("a\nb");
  });
});

const ID = "6f9619ff-8b86-4d11-b42d-00c04fc964ff";
const patient = { name: "Pat Example", email: "pat@example.com", phone: "0400 000 000" };

type Field = [path: string, kind: "single" | "multi"];

/** Every free-text field of one schema family refuses NUL and (single-line) line breaks, naming the field. */
function checkFamily(schema: z.ZodType, valid: Record<string, unknown>, fields: Field[]) {
  it("accepts the valid input", () => {
    expect(schema.safeParse(valid).error?.issues ?? []).toEqual([]);
  });
  it.each(fields)("%s refuses NUL with a message on that field", (path) => {
    const issues = schema.safeParse(withValue(valid, path, (v) => `${v}\u0000`)).error?.issues;
    expect(issues?.map((i) => [i.path.join("."), i.message])).toEqual([
      [path, expect.stringMatching(/NUL character/)],
    ]);
  });
  it.each(fields)("%s (%s-line) treats line breaks accordingly", (path, kind) => {
    const result = schema.safeParse(withValue(valid, path, (v) => `${v}\nmore`));
    if (kind === "multi") expect(result.success).toBe(true);
    else expect(result.error?.issues.map((i) => i.path.join("."))).toEqual([path]);
  });
}

function withValue(
  input: Record<string, unknown>,
  path: string,
  change: (value: unknown) => string,
): Record<string, unknown> {
  const [head, ...rest] = path.split(".");
  const current = input[head!];
  return {
    ...input,
    [head!]:
      rest.length === 0
        ? change(current)
        : withValue(current as Record<string, unknown>, rest.join("."), change),
  };
}

describe("enquiries", () => {
  checkFamily(
    enquiryInputSchema,
    { name: "Pat", email: "pat@example.com", phone: null, message: "Do you treat heel pain?" },
    [
      ["name", "single"],
      ["message", "multi"],
    ],
  );
});

describe("enquiry notes and replies", () => {
  checkFamily(
    enquiryReplySchema.extend({ note: enquiryNoteBodySchema }),
    { subject: "Your enquiry", body: "Yes, we do.", note: "Called back" },
    [
      ["subject", "single"],
      ["body", "multi"],
      ["note", "multi"],
    ],
  );
});

describe("reviews", () => {
  checkFamily(
    reviewInputSchema,
    {
      authorName: "Sam",
      rating: 5,
      body: "Back to running in a week.",
      email: null,
      practitionerId: null,
    },
    [
      ["authorName", "single"],
      ["body", "multi"],
    ],
  );
});

describe("online bookings", () => {
  checkFamily(
    createBookingInputSchema.extend({ reason: cancelByTokenInputSchema.shape.reason }),
    {
      serviceId: ID,
      practitionerId: "any",
      start: new Date("2027-03-01T00:00:00Z"),
      patient,
      notes: "Left knee",
      idempotencyKey: "a".repeat(20),
      reason: "Feeling better",
    },
    [
      ["patient.name", "single"],
      ["notes", "multi"],
      ["reason", "multi"],
    ],
  );
  it("keeps NUL out of email and phone too", () => {
    for (const field of ["email", "phone"] as const) {
      const bad = { ...patient, [field]: `${patient[field]}\u0000` };
      expect(patientInputSchema.safeParse(bad).error?.issues[0]?.path).toEqual([field]);
    }
    expect(bookingNotesSchema.safeParse("\u0000").success).toBe(false);
  });
});

describe("staff bookings and patients", () => {
  checkFamily(
    staffCreateBookingInputSchema.extend({
      reason: staffCancelBookingInputSchema.shape.reason,
      query: patientSearchInputSchema.shape.query,
    }),
    {
      serviceId: ID,
      practitionerId: ID,
      start: new Date("2027-03-01T00:00:00Z"),
      patient,
      notes: "Phoned in",
      reason: "Clinic closed",
      query: "pat",
    },
    [
      ["patient.name", "single"],
      ["notes", "multi"],
      ["reason", "multi"],
      ["query", "single"],
    ],
  );
});

describe("posts", () => {
  checkFamily(
    postContentSchema,
    {
      slug: "running",
      title: "Why runners",
      excerpt: "Short",
      body: "Long text",
      authorId: null,
      tags: [],
      coverImageUrl: "https://example.com/a.jpg",
    },
    [
      ["title", "single"],
      ["excerpt", "multi"],
      ["body", "multi"],
      ["coverImageUrl", "single"],
    ],
  );
});

describe("services", () => {
  checkFamily(
    serviceInputSchema,
    {
      slug: "massage",
      name: "Massage",
      summary: "Deep tissue",
      description: "More words",
      durationMinutes: 30,
      bufferBeforeMinutes: 0,
      bufferAfterMinutes: 5,
      priceCents: 9000,
      patientType: "any",
      active: true,
      sortOrder: 0,
      practitionerIds: [],
    },
    [
      ["name", "single"],
      ["summary", "multi"],
      ["description", "multi"],
    ],
  );
});

describe("practitioners and staff accounts", () => {
  checkFamily(
    practitionerInputSchema.extend({ account: staffAccountCreateSchema }),
    {
      slug: "jason-lee",
      name: "Jason Lee",
      title: "Chiropractor",
      bio: "Runs marathons",
      photoUrl: "/uploads/jason.jpg",
      active: true,
      sortOrder: 0,
      account: {
        email: "fran@example.com",
        name: "Fran Desk",
        role: "front_desk",
        password: "long-enough-password",
      },
    },
    [
      ["name", "single"],
      ["title", "single"],
      ["bio", "multi"],
      ["photoUrl", "single"],
      ["account.name", "single"],
    ],
  );
});

describe("settings", () => {
  checkFamily(
    updateClinicSettingsSchema,
    {
      name: "Westside Sports Chiro",
      tagline: "Move well",
      emailSenderName: "Westside",
      websiteUrl: "https://example.com",
      address: {
        street: "1 Main St",
        suburb: "Parramatta",
        state: "NSW",
        postcode: "2150",
        country: "Australia",
      },
    },
    [
      ["name", "single"],
      ["tagline", "single"],
      ["emailSenderName", "single"],
      ["websiteUrl", "single"],
      ["address.street", "single"],
      ["address.suburb", "single"],
      ["address.state", "single"],
      ["address.postcode", "single"],
      ["address.country", "single"],
    ],
  );
});

describe("time off and closures", () => {
  checkFamily(
    timeOffInputSchema.safeExtend({ closureReason: clinicClosureInputSchema.shape.reason }),
    {
      practitionerId: ID,
      startDate: "2027-03-01",
      endDate: "2027-03-02",
      startTime: null,
      endTime: null,
      reason: "Conference",
      closureReason: "Public holiday",
    },
    [
      ["reason", "single"],
      ["closureReason", "single"],
    ],
  );
});
