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
      "Settings",
      "Staff",
      "Audit log",
      "My account",
    ]);
  });

  it("offers the owner the development mailbox only while the API sends no email", () => {
    expect(navigationFor("owner", { devMailbox: true }).map((i) => i.label)).toContain(
      "Development mailbox",
    );
    expect(labels("owner")).not.toContain("Development mailbox");
    expect(navigationFor("front_desk", { devMailbox: true }).map((i) => i.label)).not.toContain(
      "Development mailbox",
    );
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
