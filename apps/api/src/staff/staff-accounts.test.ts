import { schema } from "@clinic/db";
import { demoOwnerEmail } from "@clinic/db/seed";
import { testDrivers } from "@clinic/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  auditRows,
  createTestApp,
  failure,
  practitionerIdBySlug,
  signedInStaff,
  TEST_OWNER_PASSWORD,
  TEST_STAFF_PASSWORD,
  type TestApp,
} from "../testing/index.js";

describe.each(testDrivers)("staff accounts (%s)", (driver) => {
  let t: TestApp;
  let owner: { token: string; id: string };
  let ownerClient: ReturnType<TestApp["client"]>;

  beforeAll(async () => {
    t = await createTestApp({ driver });
    const session = await t
      .client()
      .auth.signIn.mutate({ email: demoOwnerEmail, password: TEST_OWNER_PASSWORD });
    owner = { token: session.token, id: session.user.id };
    ownerClient = t.client(session.token);
  });
  afterAll(() => t.close());

  const signIn = (email: string, password: string) =>
    t.client().auth.signIn.mutate({ email, password });

  it("is for owners only", async () => {
    const frontDesk = await signedInStaff(t, "front_desk");
    expect((await failure(frontDesk.client.staff.list.query())).code).toBe("FORBIDDEN");
    expect(
      (
        await failure(
          frontDesk.client.staff.create.mutate({
            email: "sneaky@staff.test",
            name: "Sneaky",
            role: "owner",
            password: "long-enough-password",
          }),
        )
      ).code,
    ).toBe("FORBIDDEN");
    expect((await failure(frontDesk.client.audit.list.query({}))).code).toBe("FORBIDDEN");
    expect(await auditRows(t, "staff_user.create")).toHaveLength(0);
  });

  it("creates accounts linked to a practitioner, never recording the password", async () => {
    const unlinked = await failure(
      ownerClient.staff.create.mutate({
        email: "joey@staff.test",
        name: "Joey Lee",
        role: "practitioner",
        password: "joeys-first-password",
      }),
    );
    expect(unlinked.fieldErrors).toEqual({
      practitionerId: ["Choose the practitioner this account belongs to"],
    });

    const joeyId = await practitionerIdBySlug(t, "joey-lee");
    const joey = await ownerClient.staff.create.mutate({
      email: "Joey@Staff.test",
      name: "Joey Lee",
      role: "practitioner",
      practitionerId: joeyId,
      password: "joeys-first-password",
    });
    expect(joey).toMatchObject({
      email: "joey@staff.test",
      practitionerId: joeyId,
      practitionerName: "Joey Lee",
      active: true,
    });
    expect(joey).not.toHaveProperty("passwordHash");
    expect((await signIn("joey@staff.test", "joeys-first-password")).user.id).toBe(joey.id);

    const duplicate = await failure(
      ownerClient.staff.create.mutate({
        email: "JOEY@staff.test",
        name: "Another Joey",
        role: "front_desk",
        password: "another-password",
      }),
    );
    expect(duplicate.fieldErrors).toEqual({ email: ["That email already has an account"] });

    const [audit] = await auditRows(t, "staff_user.create");
    expect(audit).toMatchObject({ actorId: owner.id, entityId: joey.id });
    expect(JSON.stringify(audit!.changes)).not.toMatch(/joeys-first-password|argon2/);
  });

  it("never leaves the clinic without an active owner", async () => {
    const demote = await failure(
      ownerClient.staff.update.mutate({
        id: owner.id,
        name: "Owner",
        role: "front_desk",
        practitionerId: null,
      }),
    );
    expect(demote).toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/at least one active owner/),
    });
    expect((await failure(ownerClient.staff.deactivate.mutate({ id: owner.id }))).code).toBe(
      "CONFLICT",
    );
    expect((await ownerClient.auth.me.query()).role).toBe("owner");

    // With a second owner, the first may step down.
    const second = await signedInStaff(t, "owner", { name: "Second Owner" });
    const stepDown = await second.client.staff.update.mutate({
      id: owner.id,
      name: "Former Owner",
      role: "front_desk",
      practitionerId: null,
    });
    expect(stepDown.role).toBe("front_desk");
    expect(
      (await failure(second.client.staff.deactivate.mutate({ id: second.user.id }))).code,
    ).toBe("CONFLICT");
    const [audit] = await auditRows(t, "staff_user.update");
    expect(audit?.changes).toEqual({
      name: { from: expect.any(String), to: "Former Owner" },
      role: { from: "owner", to: "front_desk" },
    });
    await second.client.staff.update.mutate({
      id: owner.id,
      name: "Owner Again",
      role: "owner",
      practitionerId: null,
    });
  });

  it("ends an account's sessions when it is deactivated or its password reset", async () => {
    const desk = await signedInStaff(t, "front_desk", { name: "Dee Desk" });
    expect((await desk.client.auth.me.query()).id).toBe(desk.user.id);

    const deactivated = await ownerClient.staff.deactivate.mutate({ id: desk.user.id });
    expect(deactivated).toMatchObject({ active: false, endedSessions: 1 });
    expect((await failure(desk.client.auth.me.query())).code).toBe("UNAUTHORIZED");
    expect((await failure(signIn(desk.user.email, TEST_STAFF_PASSWORD))).code).toBe("UNAUTHORIZED");

    await ownerClient.staff.reactivate.mutate({ id: desk.user.id });
    const back = await signIn(desk.user.email, TEST_STAFF_PASSWORD);

    expect(
      await ownerClient.staff.resetPassword.mutate({
        id: desk.user.id,
        password: "brand-new-password",
      }),
    ).toEqual({ id: desk.user.id, endedSessions: 1 });
    expect((await failure(t.client(back.token).auth.me.query())).code).toBe("UNAUTHORIZED");
    expect((await failure(signIn(desk.user.email, TEST_STAFF_PASSWORD))).code).toBe("UNAUTHORIZED");
    expect((await signIn(desk.user.email, "brand-new-password")).user.id).toBe(desk.user.id);

    const [reset] = await auditRows(t, "staff_user.reset_password");
    expect(JSON.stringify(reset!.changes)).not.toContain("brand-new-password");
    expect(await auditRows(t, "staff_user.deactivate")).toHaveLength(1);
    expect(await auditRows(t, "staff_user.reactivate")).toHaveLength(1);
  });

  it("changes your own password after checking the current one, ending your other sessions", async () => {
    const me = await signedInStaff(t, "practitioner", {
      practitionerId: await practitionerIdBySlug(t, "jason-lee"),
    });
    const elsewhere = await signIn(me.user.email, TEST_STAFF_PASSWORD);

    const wrong = await failure(
      me.client.auth.changePassword.mutate({
        currentPassword: "not-my-password",
        newPassword: "my-new-password-1",
      }),
    );
    expect(wrong.fieldErrors).toEqual({ currentPassword: ["That isn't your current password"] });

    const changed = await me.client.auth.changePassword.mutate({
      currentPassword: TEST_STAFF_PASSWORD,
      newPassword: "my-new-password-1",
    });
    expect(changed).toEqual({ ok: true, endedSessions: 1 });
    expect((await me.client.auth.me.query()).id).toBe(me.user.id);
    expect((await failure(t.client(elsewhere.token).auth.me.query())).code).toBe("UNAUTHORIZED");
    expect((await signIn(me.user.email, "my-new-password-1")).user.id).toBe(me.user.id);

    const [audit] = await auditRows(t, "staff_user.change_password");
    expect(audit).toMatchObject({ actorId: me.user.id, entityId: me.user.id });
    expect(JSON.stringify(audit!.changes)).not.toContain("my-new-password-1");
  });

  it("shows owners the audit log newest first, with actor names and filters", async () => {
    const page = await ownerClient.audit.list.query({});
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.total).toBeGreaterThanOrEqual(page.items.length);
    const times = page.items.map((e) => e.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(page.items.every((e) => e.actorName.length > 0)).toBe(true);
    expect(page.entities).toContain("staff_user");

    const mine = await ownerClient.audit.list.query({ actorId: owner.id, entity: "staff_user" });
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.every((e) => e.actorId === owner.id && e.entity === "staff_user")).toBe(true);

    const future = await ownerClient.audit.list.query({
      from: new Date(t.now().getTime() + 60_000),
    });
    expect(future).toMatchObject({ items: [], total: 0 });

    const accounts = await ownerClient.staff.list.query();
    const [row] = await t.db
      .select()
      .from(schema.staffUsers)
      .where(eq(schema.staffUsers.id, owner.id));
    expect(accounts.find((a) => a.id === owner.id)).toMatchObject({
      name: row!.name,
      role: "owner",
      lastSeenAt: expect.any(Date),
    });
  });
});
