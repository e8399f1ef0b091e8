import { createStaffUser, type Database } from "@clinic/db";
import type { StaffRole } from "@clinic/domain";
import { startSession } from "../auth/sessions.js";
import type { createTestApp } from "../testing.js";

let staffCount = 0;

/**
 * A staff member of the role (a practitioner is linked to `practitionerId`)
 * with a live session, and a client signed in as them. Tests only: the
 * account has no usable password.
 */
export async function signedInStaff(
  t: {
    db: Database;
    client: Awaited<ReturnType<typeof createTestApp>>["client"];
    now: () => Date;
  },
  role: StaffRole,
  practitionerId: string | null = null,
  /** When the session starts: tests that move the API's clock sign in at that time. */
  now: Date = t.now(),
) {
  staffCount++;
  const user = await createStaffUser(t.db, {
    email: `${role}-${staffCount}@staff.test`,
    name: `Test ${role.replace("_", " ")} ${staffCount}`,
    role,
    practitionerId,
    passwordHash: "not-a-password-hash",
  });
  const { token } = await startSession(t.db, user.id, now);
  return { user, token, client: t.client(token) };
}
