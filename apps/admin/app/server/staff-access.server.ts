import { can, type Permission } from "@clinic/domain";
import { type ApiClient, createApi } from "./api.server";
import { requireSameOrigin } from "./csrf.server";
import { requireStaff, type SignedInStaff } from "./session.server";

export type StaffWithApi = SignedInStaff & { api: ApiClient };

/**
 * The signed-in staff member, if their role holds `permission` (on all records or their own),
 * with an API client acting as them. Otherwise a 403: the menu never offers such a page, and
 * the API would refuse it anyway.
 */
export async function requireStaffWith(
  request: Request,
  permission?: Permission,
): Promise<StaffWithApi> {
  const staff = await requireStaff(request);
  if (permission && !can(staff.user.role, permission)) {
    throw new Response("Your role doesn't allow this page.", { status: 403 });
  }
  return { ...staff, api: createApi(staff.token) };
}

/** The guard for actions: a same-site form first, then the signed-in staff member's permission. */
export async function requireStaffAction(
  request: Request,
  permission?: Permission,
): Promise<StaffWithApi> {
  requireSameOrigin(request);
  return requireStaffWith(request, permission);
}

/** A 404 for a record the API doesn't know (or an id that isn't one). */
export function notFound(what: string): Response {
  return new Response(`${what} not found`, { status: 404 });
}
