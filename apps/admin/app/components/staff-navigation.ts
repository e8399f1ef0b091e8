import { can, type Permission, type StaffRole } from "@clinic/domain";

export interface NavItem {
  to: string;
  label: string;
  /** Shown to roles holding this permission (on all records or their own); always when absent. */
  permission?: Permission;
  end?: boolean;
}

/** Every admin area, in menu order. */
export const staffAreas: readonly NavItem[] = [
  { to: "/", label: "Dashboard", permission: "dashboard.read", end: true },
  { to: "/calendar", label: "Calendar", permission: "bookings.read" },
  { to: "/bookings", label: "Bookings", permission: "bookings.read" },
  { to: "/patients", label: "Patients", permission: "patients.read" },
  { to: "/schedules", label: "Schedules", permission: "schedules.read" },
  { to: "/practitioners", label: "Practitioners", permission: "catalog.read" },
  { to: "/services", label: "Services", permission: "catalog.read" },
  { to: "/posts", label: "Posts", permission: "posts.read" },
  { to: "/reviews", label: "Reviews", permission: "reviews.moderate" },
  { to: "/enquiries", label: "Enquiries", permission: "enquiries.read" },
  { to: "/emails", label: "Messages", permission: "emails.read" },
  { to: "/waitlist", label: "Waitlist", permission: "waitlist.manage" },
  { to: "/reports", label: "Reports", permission: "reports.read" },
  { to: "/settings", label: "Settings", permission: "settings.write" },
  { to: "/intake-form", label: "Intake form", permission: "intake.manage" },
  { to: "/staff", label: "Staff", permission: "staff.manage" },
  { to: "/webhooks", label: "Webhooks", permission: "webhooks.manage" },
  { to: "/api-keys", label: "API keys", permission: "apiKeys.manage" },
  { to: "/audit", label: "Audit log", permission: "audit.read" },
  { to: "/account", label: "My account" },
];

/** The areas a role may open: the API refuses the rest anyway; the menu just doesn't offer them. */
export function navigationFor(role: StaffRole): NavItem[] {
  return staffAreas.filter((item) => item.permission === undefined || can(role, item.permission));
}
