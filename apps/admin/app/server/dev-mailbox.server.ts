import { notFound } from "@clinic/form-kit/server";
import { requireStaffWith, type StaffWithApi } from "./staff-access.server";

/**
 * The guard of the development mailbox pages: an owner (a 403 page for other roles), while the
 * API sends no email; with an SMTP server the pages don't exist.
 */
export async function requireOpenDevMailbox(request: Request): Promise<StaffWithApi> {
  const staff = await requireStaffWith(request, "devMailbox.read");
  const { open } = await staff.api.devMailbox.status.query();
  if (!open) throw notFound("Development mailbox");
  return staff;
}
