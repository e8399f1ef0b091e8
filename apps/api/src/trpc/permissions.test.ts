import { createStaffUser, hashPassword, schema } from "@clinic/db";
import { can, type Permission, type StaffRole, staffRoles } from "@clinic/domain";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSession } from "../auth/sessions.js";
import { silentLogger } from "../logger.js";
import { startPatientSession } from "../patient-access/sign-in-links.js";
import { createTestApp } from "../testing/index.js";
import { routerProcedures } from "../testing/procedures.js";
import { diskImageStore } from "../uploads/image-store.js";
import { defaultUploadDir } from "../uploads/photos.js";
import { appRouter } from "./root.js";
import { type Context, createCallerFactory } from "./trpc.js";

const procedures = routerProcedures();
const createCaller = createCallerFactory(appRouter);

describe("every procedure of the router", () => {
  it("declares who may call it", () => {
    const undeclared = procedures.filter((p) => !p.meta?.access).map((p) => p.path);
    expect(undeclared).toEqual([]);
  });

  describe("staff procedures against anonymous callers and each role", () => {
    let t: Awaited<ReturnType<typeof createTestApp>>;
    const userIds = new Map<StaffRole, string>();

    beforeAll(async () => {
      t = await createTestApp();
      const [practitioner] = await t.db.select().from(schema.practitioners).limit(1);
      const passwordHash = await hashPassword("irrelevant-password");
      for (const role of staffRoles) {
        const user = await createStaffUser(t.db, {
          email: `${role}@permissions.test`,
          name: `Test ${role}`,
          role,
          practitionerId: role === "practitioner" ? practitioner!.id : null,
          passwordHash,
        });
        userIds.set(role, user.id);
      }
    });
    afterAll(() => t.close());

    const context = (
      sessionToken: string | null,
      patientSessionToken: string | null = null,
    ): Context => ({
      db: t.db,
      logger: silentLogger,
      now: t.now,
      sessionToken,
      patientSessionToken,
      webUrl: "http://web.test",
      appSecret: "permissions-test-secret-permissions-test",
      clientIp: "192.0.2.1",
      images: diskImageStore(defaultUploadDir),
      devMailbox: true,
    });

    /**
     * The tRPC error code a call ends with (or "OK"), in a fresh session of the role (signing
     * out ends one); inputs are empty, so permitted calls stop at validation.
     */
    async function outcome(
      path: string,
      role: StaffRole | null,
      patientSessionToken: string | null = null,
    ): Promise<string> {
      const sessionToken = role
        ? (await startSession(t.db, userIds.get(role)!, t.now())).token
        : null;
      const caller = createCaller(context(sessionToken, patientSessionToken)) as unknown as Record<
        string,
        unknown
      >;
      const fn = path
        .split(".")
        .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller);
      try {
        await (fn as (input: unknown) => Promise<unknown>)({});
        return "OK";
      } catch (error) {
        return error instanceof TRPCError ? error.code : "THROWN";
      }
    }

    const staffOnly = procedures.filter((p) => p.meta?.access === "staff");
    const patientOnly = procedures.filter((p) => p.meta?.patientSession);

    // Patients' self-service (decision 031): public procedures that need a patient's session.
    it("covers the patient-session procedures", () => {
      expect(patientOnly.map((p) => p.path)).toEqual(
        expect.arrayContaining(["patientAccess.overview", "patientAccess.signOut"]),
      );
    });

    it.each(patientOnly.map((p) => [p.path] as const))(
      "%s refuses callers without a patient session, staff included",
      async (path) => {
        expect(await outcome(path, null)).toBe("UNAUTHORIZED");
        for (const role of staffRoles) expect(await outcome(path, role)).toBe("UNAUTHORIZED");
        const [patient] = await t.db
          .insert(schema.patients)
          .values({ name: "Permission Patient", email: `perm-${path}@example.com` })
          .returning();
        const { sessionToken } = await startPatientSession(t.db, patient!.id, t.now());
        expect(await outcome(path, null, "y".repeat(43))).toBe("UNAUTHORIZED");
        expect(["FORBIDDEN", "UNAUTHORIZED"]).not.toContain(
          await outcome(path, null, sessionToken),
        );
      },
    );

    it("covers at least the session procedures", () => {
      expect(staffOnly.map((p) => p.path)).toEqual(
        expect.arrayContaining(["auth.me", "auth.signOut"]),
      );
    });

    it.each(staffOnly.map((p) => [p.path, p.meta] as const))(
      "%s refuses anonymous callers and roles without the permission",
      async (path, meta) => {
        expect(await outcome(path, null)).toBe("UNAUTHORIZED");
        for (const role of staffRoles) {
          const permission = (meta as { permission?: Permission }).permission;
          const result = await outcome(path, role);
          if (permission && !can(role, permission))
            expect([role, result]).toEqual([role, "FORBIDDEN"]);
          else expect(["FORBIDDEN", "UNAUTHORIZED"], `${role} on ${path}`).not.toContain(result);
        }
      },
    );
  });
});
