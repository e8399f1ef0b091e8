import { describe, expect, it } from "vitest";
import {
  auditActionLabel,
  auditChangeRows,
  auditEntityLabel,
  fieldLabel,
  formatAuditValue,
} from "./audit-changes";

const options = { timeZone: "Australia/Sydney" };
const JASON = "6f1c2a8e-4d7b-4c3e-9a51-2b8f0d6e7a10";
const JOEY = "0b9d3e4f-1a2c-4b5d-8e6f-7a8b9c0d1e2f";

describe("auditChangeRows", () => {
  it("reads an edit ({ field: { from, to } }) as one before/after row per field", () => {
    const rows = auditChangeRows(
      { priceCents: { from: 9500, to: 10500 }, active: { from: true, to: false } },
      options,
    );
    expect(rows).toEqual([
      { field: "priceCents", label: "Price", before: "$95.00", after: "$105.00" },
      { field: "active", label: "Active", before: "Yes", after: "No" },
    ]);
  });

  it("shows times in the clinic's zone, and a detail recorded with the change as 'after' only", () => {
    const rows = auditChangeRows(
      {
        startsAt: { from: "2026-04-04T22:30:00.000Z", to: "2026-04-05T00:00:00.000Z" },
        cancellationReason: { from: null, to: "Patient asked" },
      },
      options,
    );
    expect(rows).toEqual([
      {
        field: "startsAt",
        label: "Starts",
        before: "Sun 5 Apr 2026, 8:30 am",
        after: "Sun 5 Apr 2026, 10:00 am",
      },
      {
        field: "cancellationReason",
        label: "Cancellation reason",
        before: null,
        after: "Patient asked",
      },
    ]);
  });

  it("splits a changed nested object into the sub-fields that changed", () => {
    const rows = auditChangeRows(
      {
        bookingPolicy: {
          from: { slotStepMinutes: 15, cancellationWindowHours: 24 },
          to: { slotStepMinutes: 15, cancellationWindowHours: 48 },
        },
      },
      options,
    );
    expect(rows).toEqual([
      {
        field: "bookingPolicy.cancellationWindowHours",
        label: "Booking policy › Cancellation window (hours)",
        before: "24",
        after: "48",
      },
    ]);
  });

  it("lists a creation's values as 'after' only, with ids named", () => {
    const names = new Map([
      [JASON, "Jason Lee"],
      [JOEY, "Joey Lee"],
    ]);
    const rows = auditChangeRows(
      {
        name: { from: null, to: "Rehab session" },
        practitionerIds: { from: null, to: [JASON, JOEY] },
        photoUrl: { from: null, to: "" },
      },
      { ...options, names },
    );
    expect(rows).toEqual([
      { field: "name", label: "Name", before: null, after: "Rehab session" },
      {
        field: "practitionerIds",
        label: "Practitioners",
        before: null,
        after: "Jason Lee, Joey Lee",
      },
      { field: "photoUrl", label: "Photo", before: null, after: "(empty)" },
    ]);
  });

  it("lists a deletion's values as 'before' only, and ignores anything not in the one shape", () => {
    expect(auditChangeRows({ name: { from: "Old service", to: null } }, options)).toEqual([
      { field: "name", label: "Name", before: "Old service", after: null },
    ]);
    expect(auditChangeRows({ endedSessions: 2, after: { name: "x" } }, options)).toEqual([]);
  });

  it("shows status codes as words and leaves out internal references", () => {
    const rows = auditChangeRows(
      {
        noteId: { from: null, to: "d999b9b5-3dd2-43eb-b49a-1403f2504545" },
        outboxMessageId: { from: null, to: "e6ba32f6-cdbd-4071-b7a4-f7ca296f7c99" },
        subject: { from: null, to: "Re: your enquiry" },
        status: { from: "new", to: "in_progress" },
      },
      options,
    );
    expect(rows).toEqual([
      { field: "subject", label: "Subject", before: null, after: "Re: your enquiry" },
      { field: "status", label: "Status", before: "New", after: "In progress" },
    ]);
  });

  it("leaves out fields recorded with the same value before and after", () => {
    const rows = auditChangeRows(
      { status: { from: "pending", to: "approved" }, featured: { from: false, to: false } },
      options,
    );
    expect(rows).toEqual([
      { field: "status", label: "Status", before: "Pending", after: "Approved" },
    ]);
  });

  it("returns nothing for entries without changes", () => {
    expect(auditChangeRows({}, options)).toEqual([]);
    expect(auditChangeRows(null, options)).toEqual([]);
    expect(auditChangeRows("oops", options)).toEqual([]);
  });
});

describe("formatAuditValue", () => {
  it("shortens long text and keeps short text whole", () => {
    const long = "word ".repeat(100);
    const shown = formatAuditValue(long, "bio", options);
    expect(shown.length).toBeLessThanOrEqual(240);
    expect(shown.endsWith("…")).toBe(true);
    expect(formatAuditValue("Sports chiropractor", "title", options)).toBe("Sports chiropractor");
  });

  it("shows empty lists and unknown ids plainly", () => {
    expect(formatAuditValue([], "tags", options)).toBe("(none)");
    expect(formatAuditValue(JASON, "practitionerId", options)).toBe(JASON);
  });
});

describe("labels", () => {
  it("names fields and actions in plain words", () => {
    expect(fieldLabel("emailSenderAddress")).toBe("Email sender address");
    expect(fieldLabel("some_snake_case")).toBe("Some snake case");
    expect(auditActionLabel("practitioner.deactivate")).toBe("Practitioner deactivated");
    expect(auditActionLabel("review.approve")).toBe("Review approved");
    expect(auditActionLabel("settings.update")).toBe("Settings updated");
    expect(auditActionLabel("enquiry.frobnicate")).toBe("Enquiry frobnicate");
  });

  it("names the API's verbs and areas in plain words", () => {
    expect(auditActionLabel("enquiry.set_status")).toBe("Enquiry status changed");
    expect(auditActionLabel("patient.export")).toBe("Patient data exported");
    expect(auditActionLabel("patient.erase")).toBe("Patient details erased");
    expect(auditActionLabel("booking.export_csv")).toBe("Booking list exported as CSV");
    expect(auditActionLabel("api_key.use")).toBe("API key used");
    expect(auditActionLabel("api_key.revoke")).toBe("API key turned off");
    expect(auditActionLabel("enquiry.add_note")).toBe("Enquiry note added");
    expect(auditActionLabel("practitioner.update_photo")).toBe("Practitioner photo changed");
    expect(auditActionLabel("practitioner.set_weekly_hours")).toBe(
      "Practitioner weekly hours changed",
    );
    expect(auditActionLabel("staff_user.reset_password")).toBe("Staff account password reset");
    expect(auditActionLabel("staff_user.change_password")).toBe("Staff account password changed");
    expect(auditActionLabel("webhook_endpoint.rotate_secret")).toBe(
      "Webhook endpoint secret rotated",
    );
    expect(auditActionLabel("time_off.create")).toBe("Time off created");
    expect(auditActionLabel("clinic_closure.delete")).toBe("Clinic closure deleted");
    expect(auditEntityLabel("settings")).toBe("Settings");
  });
});
