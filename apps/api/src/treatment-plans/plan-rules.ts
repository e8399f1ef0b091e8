import type { BookableService } from "@clinic/db";
import { canOn, type PractitionerChoice, type StaffUser } from "@clinic/domain";
import { requireAccessTo } from "../auth/access.js";
import { candidatesFor } from "../bookings/bookable-slots.js";
import { FieldError } from "../errors.js";

/** How far either side of a conflicting appointment its alternatives are looked for. */
export const ALTERNATIVE_DAYS = 3;
/** How many alternatives a conflicting appointment offers. */
export const ALTERNATIVES = 3;

/**
 * The practitioners a plan may book, as for a single staff booking: a
 * practitioner ("own" access) books only themselves, their "any" meaning them.
 */
export function planCandidates(
  user: StaffUser,
  service: BookableService,
  choice: PractitionerChoice,
): { choice: PractitionerChoice; candidates: BookableService["practitioners"] } {
  let resolved = choice;
  if (!canOn(user, "bookings.write", null)) {
    if (resolved === "any" && user.practitionerId) resolved = user.practitionerId;
    requireAccessTo(user, "bookings.write", resolved);
  }
  return { choice: resolved, candidates: candidatesFor(service, resolved) };
}

/** Runs `check`; a refusal about `start` is said about `field` instead (e.g. the plan's first start). */
export function renamingStartField<T>(field: string, prefix: string, check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (error instanceof FieldError && error.issues[0]?.path.join(".") === "start") {
      throw new FieldError(field, `${prefix}${error.message}`);
    }
    throw error;
  }
}
