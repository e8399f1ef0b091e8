import { can, type Permission } from "@clinic/domain";
import { type ApiClient, createApi } from "./api.server";
import { requireSameOrigin } from "./csrf.server";
import { requireStaff, type SignedInStaff } from "./session.server";

export type StaffWithApi = SignedInStaff & { api: ApiClient };

/**
 * The guard at the top of every staff loader: the signed-in staff member (else a redirect to
 * sign in), if their role holds `permission` (on all records or their own), with an API client
 * acting as them. Otherwise a 403 page: the menu never offers such a page, and the API would
 * refuse it anyway.
 */
export async function requireStaffWith(
  request: Request,
  permission?: Permission,
): Promise<StaffWithApi> {
  const staff = await requireStaff(request);
  if (permission && !can(staff.user.role, permission)) {
    throw new Response("Your role doesn't allow this page.", {
      status: 403,
      statusText: "Forbidden",
    });
  }
  return { ...staff, api: createApi(staff.token) };
}

/** The guard at the top of every staff action: a same-site form first, then `requireStaffWith`. */
export async function requireStaffAction(
  request: Request,
  permission?: Permission,
): Promise<StaffWithApi> {
  requireSameOrigin(request);
  return requireStaffWith(request, permission);
}
