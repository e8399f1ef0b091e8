import type { Permission, StaffUser } from "@clinic/domain";
import { canOn } from "@clinic/domain";
import { ForbiddenError } from "../errors.js";

/**
 * Throws unless the user may act on a record owned by that practitioner
 * (roles with "own" access reach only their own; "all" reaches every record).
 */
export function requireAccessTo(
  user: StaffUser,
  permission: Permission,
  ownerPractitionerId: string | null,
): void {
  if (!canOn(user, permission, ownerPractitionerId)) {
    throw new ForbiddenError("You can only change your own records");
  }
}
