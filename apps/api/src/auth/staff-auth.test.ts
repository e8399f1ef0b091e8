import { schema } from "@clinic/db";
import { demoOwnerEmail } from "@clinic/db/seed";
import { createTRPCClient, httpLink } from "@trpc/client";
import { eq } from "drizzle-orm";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../app.js";
import type { AppRouter } from "../index.js";
import { silentLogger } from "../logger.js";
import {
  connectionFrom,
  createTestApp,
  inProcessClient,
  TEST_OWNER_PASSWORD,
} from "../testing/index.js";
import { hashToken } from "./sessions.js";
import { MAX_SIGN_IN_FAILURES, MAX_SIGN_IN_FAILURES_PER_ADDRESS } from "./staff-auth.js";

describe("staff auth", () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it("signs in, knows who is signed in, and signs out for good", async () => {
    const { token, expiresAt, user } = await t.client().auth.signIn.mutate({
      email: demoOwnerEmail.toUpperCase(),
      password: TEST_OWNER_PASSWORD,
    });
    expect(user).toMatchObject({ email: demoOwnerEmail, role: "owner" });
    expect(user).not.toHaveProperty("passwordHash");
    expect(expiresAt.getTime()).toBeGreaterThan(t.now().getTime());

    const sessions = await t.db.select().from(schema.staffSessions);
    expect(sessions.some((s) => s.tokenHash === token)).toBe(false);

    expect(await t.client(token).auth.me.query()).toMatchObject({ id: user.id, role: "owner" });
    expect(await t.client(token).dashboard.summary.query()).toMatchObject({
      upcomingBookings: expect.any(Number),
    });
    await t.client(token).auth.signOut.mutate();
    await expect(t.client(token).auth.me.query()).rejects.toMatchObject({
      data: { code: "UNAUTHORIZED", httpStatus: 401 },
    });
  });

  it("staff procedures refuse anonymous and forged sessions", async () => {
    await expect(t.client().dashboard.summary.query()).rejects.toMatchObject({
      data: { code: "UNAUTHORIZED" },
    });
    await expect(
      t.client("forged-token-forged-token-forged").dashboard.summary.query(),
    ).rejects.toMatchObject({ data: { code: "UNAUTHORIZED" } });
  });

  it("gives a wrong password and an unknown email the same answer", async () => {
    const wrongPassword = await t
      .client()
      .auth.signIn.mutate({ email: demoOwnerEmail, password: "not-the-password" })
      .catch((e) => e);
    const unknownEmail = await t
      .client()
      .auth.signIn.mutate({ email: "nobody@example.com", password: "whatever-it-is" })
      .catch((e) => e);
    for (const error of [wrongPassword, unknownEmail]) {
      expect(error.data.code).toBe("UNAUTHORIZED");
      expect(error.message).toBe("Email or password is incorrect");
    }
  });

  it("throttles repeated failures for one email from one address until the window passes", async () => {
    const email = "throttle-me@example.com";
    const address = "203.0.113.20";
    for (let i = 0; i < MAX_SIGN_IN_FAILURES; i++) {
      await t
        .client(undefined, address)
        .auth.signIn.mutate({ email, password: "wrong-password" })
        .catch(() => {});
    }
    const error = await t
      .client(undefined, address)
      .auth.signIn.mutate({ email, password: "wrong-password" })
      .catch((e) => e);
    expect(error.data).toMatchObject({ code: "TOO_MANY_REQUESTS", httpStatus: 429 });
    expect(error.message).toMatch(/for this account\. Please wait 15 minutes/);

    // The window passes: the same email may try again.
    const later = createApp({
      db: t.db,
      logger: silentLogger,
      now: () => new Date(t.now().getTime() + 16 * 60 * 1000),
    });
    const afterWindow = await inProcessClient(later, undefined, address)
      .auth.signIn.mutate({ email, password: "wrong-password" })
      .catch((e) => e);
    expect(afterWindow.data.code).toBe("UNAUTHORIZED");
  });

  it("throttles one address spraying passwords across many emails", async () => {
    const sprayer = t.client(undefined, "203.0.113.21");
    for (let i = 0; i < MAX_SIGN_IN_FAILURES_PER_ADDRESS; i++) {
      const error = await sprayer.auth.signIn
        .mutate({ email: `spray-${i}@example.com`, password: "Winter2027!" })
        .catch((e) => e);
      expect(error.data.code).toBe("UNAUTHORIZED");
    }
    const refused = await sprayer.auth.signIn
      .mutate({ email: "spray-next@example.com", password: "Winter2027!" })
      .catch((e) => e);
    expect(refused.data).toMatchObject({ code: "TOO_MANY_REQUESTS", httpStatus: 429 });
    expect(refused.message).toMatch(/from your connection\. Please wait 15 minutes/);
    // Even the owner's right password is refused from there: a throttled address learns nothing.
    const owner = await sprayer.auth.signIn
      .mutate({ email: demoOwnerEmail, password: TEST_OWNER_PASSWORD })
      .catch((e) => e);
    expect(owner.data?.code).toBe("TOO_MANY_REQUESTS");
  });

  it("never locks the owner out from elsewhere, and refuses the attacker even the right password", async () => {
    const attacker = t.client(undefined, "203.0.113.22");
    for (let i = 0; i < MAX_SIGN_IN_FAILURES + 3; i++) {
      await attacker.auth.signIn
        .mutate({ email: demoOwnerEmail, password: `guess-${i}-guess` })
        .catch(() => {});
    }
    const guessedRight = await attacker.auth.signIn
      .mutate({ email: demoOwnerEmail, password: TEST_OWNER_PASSWORD })
      .catch((e) => e);
    expect(guessedRight.data?.code).toBe("TOO_MANY_REQUESTS");
    expect(guessedRight).not.toHaveProperty("token");

    // The owner, at the clinic: signs in at once.
    const owner = await t
      .client(undefined, "198.51.100.200")
      .auth.signIn.mutate({ email: demoOwnerEmail, password: TEST_OWNER_PASSWORD });
    expect(owner.user.email).toBe(demoOwnerEmail);
    // …and that success doesn't wipe the attacker's record.
    const stillRefused = await attacker.auth.signIn
      .mutate({ email: demoOwnerEmail, password: "one-more-guess" })
      .catch((e) => e);
    expect(stillRefused.data?.code).toBe("TOO_MANY_REQUESTS");
  });

  it("doesn't cap our own proxy's address, which the admin app signs everyone in from", async () => {
    // The admin app calls from loopback without forwarding its visitor's address.
    const viaAdmin = createTRPCClient<AppRouter>({
      links: [
        httpLink({
          url: "http://api.test/trpc",
          transformer: superjson,
          fetch: async (url, init) =>
            t.app.request(url.toString(), init as RequestInit, connectionFrom("127.0.0.1")),
        }),
      ],
    });
    for (let i = 0; i <= MAX_SIGN_IN_FAILURES_PER_ADDRESS; i++) {
      await viaAdmin.auth.signIn
        .mutate({ email: `someone-${i}@example.com`, password: "wrong-password" })
        .catch(() => {});
    }
    const owner = await viaAdmin.auth.signIn.mutate({
      email: demoOwnerEmail,
      password: TEST_OWNER_PASSWORD,
    });
    expect(owner.user.email).toBe(demoOwnerEmail);
  });

  it("keeps staff's last activity past sign-out, written at most once a minute", async () => {
    const { token, user } = await t.client().auth.signIn.mutate({
      email: demoOwnerEmail,
      password: TEST_OWNER_PASSWORD,
    });
    const lastActive = async () => {
      const [row] = await t.db
        .select({ at: schema.staffUsers.lastActiveAt })
        .from(schema.staffUsers)
        .where(eq(schema.staffUsers.id, user.id));
      return row?.at?.getTime() ?? null;
    };
    const signedInAt = await lastActive();
    expect(signedInAt).not.toBeNull();
    const session = () =>
      t.db
        .select()
        .from(schema.staffSessions)
        .where(eq(schema.staffSessions.tokenHash, hashToken(token)));

    // Within the minute: no write, to the session or the account.
    const later = (ms: number) =>
      createApp({ db: t.db, logger: silentLogger, now: () => new Date(t.now().getTime() + ms) });
    const [before] = await session();
    await inProcessClient(later(30_000), token).auth.me.query();
    expect(await lastActive()).toBe(signedInAt);
    expect((await session())[0]?.expiresAt).toEqual(before?.expiresAt);

    // Two minutes on: both move, and the account keeps it once the session is gone.
    await inProcessClient(later(120_000), token).auth.me.query();
    const touched = await lastActive();
    expect(touched).toBeGreaterThanOrEqual(signedInAt! + 119_000);
    expect((await session())[0]!.expiresAt.getTime()).toBeGreaterThan(before!.expiresAt.getTime());
    await t.client(token).auth.signOut.mutate();
    const owner = await t.db
      .select({ id: schema.staffUsers.id })
      .from(schema.staffUsers)
      .where(eq(schema.staffUsers.id, user.id));
    expect(owner).toHaveLength(1);
    expect(await lastActive()).toBe(touched);

    // Signing in again at an earlier clock never moves it back; the staff list shows it.
    const again = await t.client().auth.signIn.mutate({
      email: demoOwnerEmail,
      password: TEST_OWNER_PASSWORD,
    });
    expect(await lastActive()).toBe(touched);
    const accounts = await t.client(again.token).staff.list.query();
    expect(accounts.find((a) => a.id === user.id)?.lastSeenAt?.getTime()).toBe(touched);
  });

  it("expires idle sessions and refuses deactivated staff", async () => {
    const { token, user } = await t.client().auth.signIn.mutate({
      email: demoOwnerEmail,
      password: TEST_OWNER_PASSWORD,
    });
    const tomorrow = createApp({
      db: t.db,
      logger: silentLogger,
      now: () => new Date(t.now().getTime() + 13 * 60 * 60 * 1000),
    });
    await expect(inProcessClient(tomorrow, token).auth.me.query()).rejects.toMatchObject({
      data: { code: "UNAUTHORIZED" },
    });

    const fresh = await t.client().auth.signIn.mutate({
      email: demoOwnerEmail,
      password: TEST_OWNER_PASSWORD,
    });
    await t.db
      .update(schema.staffUsers)
      .set({ active: false })
      .where(eq(schema.staffUsers.id, user.id));
    try {
      await expect(t.client(fresh.token).auth.me.query()).rejects.toMatchObject({
        data: { code: "UNAUTHORIZED" },
      });
      await expect(
        t.client().auth.signIn.mutate({ email: demoOwnerEmail, password: TEST_OWNER_PASSWORD }),
      ).rejects.toMatchObject({ data: { code: "UNAUTHORIZED" } });
    } finally {
      await t.db
        .update(schema.staffUsers)
        .set({ active: true })
        .where(eq(schema.staffUsers.id, user.id));
    }
  });
});

describe("unknown errors", () => {
  it("are a 500 with a generic message, logged with their stack", async () => {
    const t = await createTestApp();
    await t.close(); // every query now fails inside the driver
    const res = await t.app.request("/trpc/practitioners.list");
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).toContain("Something went wrong on our side");
    expect(text).not.toMatch(/closed|pglite|drizzle|stack|at /i);
    const logged = t.logger.entries.find((e) => e.message === "procedure failed");
    expect(logged?.fields?.stack).toEqual(expect.stringContaining("at "));
  });
});
