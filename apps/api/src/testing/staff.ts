import { randomUUID } from "node:crypto";
import { createStaffUser, hashPassword, schema } from "@clinic/db";
import type { StaffRole } from "@clinic/domain";
import { desc, eq } from "drizzle-orm";
import { startSession } from "../auth/sessions.js";
import type { TestApp } from "./test-app.js";

/** The password of every account `signedInStaff` makes. */
export const TEST_STAFF_PASSWORD = "test-staff-password";
let passwordHash: Promise<string> | undefined;

/**
 * A new staff account of `role` (a practitioner linked to `practitionerId`)
 * with a session started `at` (the test clock's now by default: tests that
 * run a second app on a later clock sign in at that time), and a client
 * signed in as it.
 */
export async function signedInStaff(
  t: TestApp,
  role: StaffRole,
  options: { practitionerId?: string | null; name?: string; at?: Date } = {},
) {
  passwordHash ??= hashPassword(TEST_STAFF_PASSWORD);
  const user = await createStaffUser(t.db, {
    email: `${role}-${randomUUID().slice(0, 8)}@staff.test`,
    name: options.name ?? `Test ${role.replace("_", " ")}`,
    role,
    practitionerId: options.practitionerId ?? null,
    passwordHash: await passwordHash,
  });
  const { token } = await startSession(t.db, user.id, options.at ?? t.now());
  return { user, token, client: t.client(token) };
}

export async function practitionerIdBySlug(t: TestApp, slug: string): Promise<string> {
  const [row] = await t.db
    .select({ id: schema.practitioners.id })
    .from(schema.practitioners)
    .where(eq(schema.practitioners.slug, slug));
  if (!row) throw new Error(`No practitioner ${slug}`);
  return row.id;
}

/** Audit rows for one action, newest first. */
export function auditRows(t: TestApp, action: string) {
  return t.db
    .select()
    .from(schema.auditLog)
    .where(eq(schema.auditLog.action, action))
    .orderBy(desc(schema.auditLog.createdAt));
}

/** The tRPC error a call failed with (its code, message and field errors), or throws if it succeeded. */
export async function failure(call: Promise<unknown>) {
  try {
    await call;
  } catch (error) {
    const e = error as {
      message: string;
      data?: {
        code?: string;
        fieldErrors?: Record<string, string[]> | null;
        details?: unknown;
      };
    };
    return {
      code: e.data?.code,
      message: e.message,
      fieldErrors: e.data?.fieldErrors ?? null,
      details: e.data?.details ?? null,
    };
  }
  throw new Error("Expected the call to fail");
}
