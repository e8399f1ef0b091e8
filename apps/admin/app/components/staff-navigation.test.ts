import { describe, expect, it } from "vitest";
import { navigationFor } from "./staff-navigation";

const labels = (role: Parameters<typeof navigationFor>[0]) =>
  navigationFor(role).map((i) => i.label);

describe("navigationFor", () => {
  it("gives the owner every area", () => {
    expect(labels("owner")).toEqual([
      "Dashboard",
      "Calendar",
      "Bookings",
      "Patients",
      "Schedules",
      "Practitioners",
      "Services",
      "Posts",
      "Reviews",
      "Enquiries",
      "Messages",
      "Waitlist",
      "Reports",
      "Settings",
      "Intake form",
      "Staff",
      "Webhooks",
      "API keys",
      "Audit log",
      "My account",
    ]);
  });

  it("offers the waitlist to owner and front desk, not practitioners", () => {
    expect(labels("front_desk")).toContain("Waitlist");
    expect(labels("practitioner")).not.toContain("Waitlist");
  });

  it("offers the intake form builder to the owner only", () => {
    expect(labels("front_desk")).not.toContain("Intake form");
    expect(labels("practitioner")).not.toContain("Intake form");
  });

  it("offers reports to owner and front desk, not practitioners", () => {
    expect(labels("front_desk")).toContain("Reports");
    expect(labels("practitioner")).not.toContain("Reports");
  });

  it("offers the Messages page (emails and texts) to owner and front desk, not practitioners", () => {
    expect(labels("front_desk")).toContain("Messages");
    expect(labels("practitioner")).not.toContain("Messages");
  });

  it("keeps owner-only areas from the front desk, but not reviews or enquiries", () => {
    const frontDesk = labels("front_desk");
    expect(frontDesk).toEqual(
      expect.arrayContaining(["Calendar", "Bookings", "Reviews", "Enquiries", "My account"]),
    );
    expect(frontDesk).not.toContain("Staff");
    expect(frontDesk).not.toContain("Audit log");
    expect(frontDesk).not.toContain("Settings");
  });

  it("shows a practitioner their clinical areas and posts, not the inbox or moderation", () => {
    const practitioner = labels("practitioner");
    expect(practitioner).toEqual(
      expect.arrayContaining(["Calendar", "Bookings", "Schedules", "Posts"]),
    );
    expect(practitioner).not.toContain("Enquiries");
    expect(practitioner).not.toContain("Reviews");
  });
});
