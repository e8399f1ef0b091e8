import { testDrivers } from "@clinic/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  connectionFrom,
  createTestApp,
  demoClinic,
  failure,
  signedInStaff,
} from "../testing/index.js";
import { auditRows } from "../testing/staff.js";

const DAY_MS = 86_400_000;

describe.each(testDrivers)("staff API keys on %s", (driver) => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let owner: Awaited<ReturnType<typeof signedInStaff>>;

  beforeAll(async () => {
    t = await createTestApp({ driver });
    owner = await signedInStaff(t, "owner");
  }, 180_000);
  afterAll(() => t.close());

  const rest = (path: string, init: RequestInit & { key?: string } = {}) =>
    t.app.request(
      `http://api.test/api/v1${path}`,
      {
        ...init,
        headers: {
          ...(init.body ? { "content-type": "application/json" } : {}),
          ...(init.key ? { authorization: `Bearer ${init.key}` } : {}),
        },
      },
      connectionFrom("198.51.100.7"),
    );

  it("an owner makes a key, sees it once and its prefix after; the key works until revoked", async () => {
    const created = await owner.client.apiKeys.create.mutate({
      name: "Booking sync",
      role: "front_desk",
      expiresInDays: 90,
    });
    expect(created.key).toMatch(/^ck_[A-Za-z0-9]{8}_[A-Za-z0-9_-]{43}$/);
    expect(created.key.startsWith(created.prefix)).toBe(true);

    const listed = await owner.client.apiKeys.list.query();
    const row = listed.find((k) => k.id === created.id)!;
    expect(row).toMatchObject({ name: "Booking sync", role: "front_desk", state: "active" });
    expect(JSON.stringify(listed)).not.toContain(created.key);
    expect(row.lastUsedAt).toBeNull();

    const ok = await rest("/staff/services", { key: created.key });
    expect(ok.status).toBe(200);
    // The use is audited (procedure and outcome, no body) and the last use written.
    const [use] = await auditRows(t, "api_key.use");
    expect(use).toMatchObject({ entityId: created.id, actorId: owner.user.id });
    expect(use!.changes).toEqual({
      procedure: { from: null, to: "services.staffList" },
      outcome: { from: null, to: "OK" },
    });
    const afterUse = (await owner.client.apiKeys.list.query()).find((k) => k.id === created.id)!;
    expect(afterUse.lastUsedAt).not.toBeNull();

    // Written at most once a minute.
    const firstUse = afterUse.lastUsedAt!.getTime();
    await rest("/staff/services", { key: created.key });
    const again = (await owner.client.apiKeys.list.query()).find((k) => k.id === created.id)!;
    expect(again.lastUsedAt!.getTime()).toBe(firstUse);

    await owner.client.apiKeys.revoke.mutate({ id: created.id });
    const revoked = await rest("/staff/services", { key: created.key });
    expect(revoked.status).toBe(401);
    expect(revoked.headers.get("content-type")).toContain("application/problem+json");
    expect((await owner.client.apiKeys.list.query()).find((k) => k.id === created.id)?.state).toBe(
      "revoked",
    );
    expect((await auditRows(t, "api_key.revoke"))[0]?.entityId).toBe(created.id);
    expect(JSON.stringify(await auditRows(t, "api_key.create"))).not.toContain(created.key);
  });

  it("refuses bad and expired keys with 401, on staff and public routes alike", async () => {
    const bad = `ck_ABCDEFGH_${"x".repeat(43)}`;
    expect(
      (await rest("/staff/bookings/00000000-0000-4000-8000-000000000000", { key: bad })).status,
    ).toBe(401);
    expect((await rest("/services", { key: bad })).status).toBe(401);
    expect((await rest("/services", { key: "not-a-key" } as never)).status).toBe(401);
    expect((await rest("/staff/services")).status).toBe(401);

    const short = await owner.client.apiKeys.create.mutate({
      name: "Short lived",
      role: "owner",
      expiresInDays: 1,
    });
    expect((await rest("/staff/services", { key: short.key })).status).toBe(200);
    t.clock.advance(DAY_MS + 60_000);
    try {
      const expired = await rest("/staff/services", { key: short.key });
      expect(expired.status).toBe(401);
      expect(expired.headers.get("www-authenticate")).toContain("Bearer");
    } finally {
      t.clock.advance(-(DAY_MS + 60_000));
    }
  });

  it("holds a key to its role (403) and never lets it manage keys or the account", async () => {
    const clinic = await demoClinic(t);
    const practitionerKey = await owner.client.apiKeys.create.mutate({
      name: "Jason's diary",
      role: "practitioner",
      practitionerId: clinic.jasonId,
      expiresInDays: 30,
    });
    // Practitioners may read patients but not export them or change the catalog.
    expect((await rest("/staff/patients", { key: practitionerKey.key })).status).toBe(200);
    const forbidden = t.client(practitionerKey.key).services.create.mutate({} as never);
    expect((await failure(forbidden)).code).toBe("FORBIDDEN");
    const [refusal] = await auditRows(t, "api_key.use");
    expect(refusal!.changes).toMatchObject({ outcome: { to: "FORBIDDEN" } });

    const ownerKey = await owner.client.apiKeys.create.mutate({
      name: "Owner integration",
      role: "owner",
      expiresInDays: 30,
    });
    const asKey = t.client(ownerKey.key);
    expect((await failure(asKey.apiKeys.list.query())).code).toBe("FORBIDDEN");
    expect((await failure(asKey.auth.me.query())).code).toBe("FORBIDDEN");
  });

  it("is the owner's alone, and names the field of a bad key request", async () => {
    const frontDesk = await signedInStaff(t, "front_desk");
    expect((await failure(frontDesk.client.apiKeys.list.query())).code).toBe("FORBIDDEN");
    const noPractitioner = await failure(
      owner.client.apiKeys.create.mutate({ name: "x", role: "practitioner", expiresInDays: 30 }),
    );
    expect(noPractitioner.code).toBe("BAD_REQUEST");
    expect(noPractitioner.fieldErrors).toHaveProperty("practitionerId");
    const tooLong = await failure(
      owner.client.apiKeys.create.mutate({ name: "x", role: "owner", expiresInDays: 400 }),
    );
    expect(tooLong.fieldErrors).toHaveProperty("expiresInDays");
  });
});
