import type { StaffRole } from "./staff.js";

/**
 * What each role may do. `"own"` means only what belongs to the user's own
 * practitioner record (their bookings, hours, posts). The API checks every
 * staff procedure against this table; the admin app hides what it forbids.
 */
export type Access = "all" | "own" | "none";

export const permissionMatrix = {
  "dashboard.read": { owner: "all", front_desk: "all", practitioner: "all" },
  "bookings.read": { owner: "all", front_desk: "all", practitioner: "all" },
  "bookings.write": { owner: "all", front_desk: "all", practitioner: "own" },
  "patients.read": { owner: "all", front_desk: "all", practitioner: "all" },
  "patients.write": { owner: "all", front_desk: "all", practitioner: "none" },
  // Everything held about one patient, as a file (a subject access request; decision 018).
  "patients.export": { owner: "all", front_desk: "all", practitioner: "none" },
  // Removing a patient's personal details for good: the owner answers for it (decision 018).
  "patients.erase": { owner: "all", front_desk: "none", practitioner: "none" },
  "schedules.read": { owner: "all", front_desk: "all", practitioner: "all" },
  "schedules.write": { owner: "all", front_desk: "none", practitioner: "own" },
  "closures.write": { owner: "all", front_desk: "none", practitioner: "none" },
  "catalog.read": { owner: "all", front_desk: "all", practitioner: "all" },
  "catalog.write": { owner: "all", front_desk: "none", practitioner: "none" },
  "posts.read": { owner: "all", front_desk: "all", practitioner: "all" },
  "posts.write": { owner: "all", front_desk: "none", practitioner: "own" },
  "reviews.moderate": { owner: "all", front_desk: "all", practitioner: "none" },
  "enquiries.read": { owner: "all", front_desk: "all", practitioner: "none" },
  "enquiries.write": { owner: "all", front_desk: "all", practitioner: "none" },
  "settings.read": { owner: "all", front_desk: "all", practitioner: "all" },
  "settings.write": { owner: "all", front_desk: "none", practitioner: "none" },
  "staff.manage": { owner: "all", front_desk: "none", practitioner: "none" },
  "audit.read": { owner: "all", front_desk: "none", practitioner: "none" },
  // Every email sent or queued, manage links included: the people who answer patients.
  "emails.read": { owner: "all", front_desk: "all", practitioner: "none" },
  // Sending a failed email again.
  "emails.resend": { owner: "all", front_desk: "all", practitioner: "none" },
  // A practitioner's calendar subscription link: theirs, or anyone's at the desk.
  "calendarFeeds.manage": { owner: "all", front_desk: "all", practitioner: "own" },
  // Bookings, patients and enquiries as CSV files: contact details in bulk leave the system,
  // so only those who run the front office take them (and every export is audited).
  "lists.export": { owner: "all", front_desk: "all", practitioner: "none" },
  // Practice reports (utilisation, no-shows, revenue) and their CSV: those who run the practice.
  "reports.read": { owner: "all", front_desk: "all", practitioner: "none" },
  // Webhook endpoints send patient details to other systems and hold signing secrets: the owner.
  "webhooks.manage": { owner: "all", front_desk: "none", practitioner: "none" },
  // Staff API keys for integrations (decision 033): each key holds a role, so only the owner.
  "apiKeys.manage": { owner: "all", front_desk: "none", practitioner: "none" },
  // The waitlist: entries hold patients' contact details; offering a time emails a claim link.
  "waitlist.manage": { owner: "all", front_desk: "all", practitioner: "none" },
  // Intake forms (decision 029): a patient's answers are health information, read by those who
  // treat them (a practitioner: patients with a booking with them); the front desk sees only
  // whether a form is complete (every read is audited).
  "intake.read": { owner: "all", front_desk: "none", practitioner: "own" },
  // Building and publishing the clinic's intake form.
  "intake.manage": { owner: "all", front_desk: "none", practitioner: "none" },
} as const satisfies Record<string, Record<StaffRole, Access>>;

export type Permission = keyof typeof permissionMatrix;
export const permissions = Object.keys(permissionMatrix) as Permission[];

/** How far a role may use a permission. */
export function accessFor(role: StaffRole, permission: Permission): Access {
  return permissionMatrix[permission][role];
}

/** Whether a role may use a permission at all (on everything, or on its own records). */
export function can(role: StaffRole, permission: Permission): boolean {
  return accessFor(role, permission) !== "none";
}

/**
 * Whether a user may act on a record owned by `ownerPractitionerId`:
 * always with "all" access, and with "own" access only on their own.
 */
export function canOn(
  user: { role: StaffRole; practitionerId: string | null },
  permission: Permission,
  ownerPractitionerId: string | null,
): boolean {
  const access = accessFor(user.role, permission);
  if (access === "all") return true;
  if (access === "none") return false;
  return user.practitionerId !== null && user.practitionerId === ownerPractitionerId;
}
