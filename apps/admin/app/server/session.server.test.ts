import { describe, expect, it, vi } from "vitest";
import type { SignInOutcome, StaffAuthApi, StaffUser } from "./api.server";
import {
  createStaffAuth,
  createStaffSessionStorage,
  SESSION_COOKIE_NAME,
  type StaffSessionStorage,
} from "./session.server";

const SECRET = "test-secret-that-is-at-least-32-characters";
const TOKEN = "api-session-token";

function staffUser(overrides: Partial<StaffUser> = {}): StaffUser {
  return {
    id: "0b6e4b1e-6f0c-4f47-9d3c-2f1f3f0f8a11",
    email: "owner@clinic.test",
    name: "Jason Lee",
    role: "owner",
    practitionerId: null,
    ...overrides,
  };
}

/** An API port that knows one valid token, with spies on every call. */
function fakeAuthApi(overrides: Partial<StaffAuthApi> = {}) {
  return {
    me: vi.fn(async (token: string) => (token === TOKEN ? staffUser() : null)),
    signIn: vi.fn(
      async (): Promise<SignInOutcome> => ({
        ok: true,
        token: TOKEN,
        expiresAt: new Date(Date.now() + 3_600_000),
        user: staffUser(),
      }),
    ),
    signOut: vi.fn(async () => {}),
    ...overrides,
  } satisfies StaffAuthApi;
}

function setup(overrides: Partial<StaffAuthApi> = {}) {
  const sessionStorage = createStaffSessionStorage({ secret: SECRET, production: false });
  const authApi = fakeAuthApi(overrides);
  return { sessionStorage, authApi, auth: createStaffAuth({ sessionStorage, authApi }) };
}

/** The attributes of a Set-Cookie header, keyed by lower-case name. */
function parseSetCookie(header: string) {
  const [pair = "", ...parts] = header.split(";").map((part) => part.trim());
  const eq = pair.indexOf("=");
  const attributes = new Map<string, string>();
  for (const part of parts) {
    const [key = "", ...rest] = part.split("=");
    attributes.set(key.toLowerCase(), rest.join("="));
  }
  return { name: pair.slice(0, eq), value: pair.slice(eq + 1), attributes };
}

async function cookieFor(sessionStorage: StaffSessionStorage, token: string) {
  const session = await sessionStorage.getSession();
  session.set("token", token);
  const { name, value } = parseSetCookie(await sessionStorage.commitSession(session));
  return `${name}=${value}`;
}

async function thrownBy(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (thrown) {
    return thrown;
  }
  throw new Error("expected the call to throw");
}

describe("the session cookie", () => {
  it.each([
    { production: false, secure: false },
    { production: true, secure: true },
  ])(
    "is httpOnly, SameSite=Lax, 12 hours, and Secure only in production ($production)",
    async ({ production, secure }) => {
      const storage = createStaffSessionStorage({ secret: SECRET, production });
      const session = await storage.getSession();
      session.set("token", TOKEN);
      const cookie = parseSetCookie(await storage.commitSession(session));

      expect(cookie.name).toBe(SESSION_COOKIE_NAME);
      expect(cookie.attributes.has("httponly")).toBe(true);
      expect(cookie.attributes.get("samesite")).toBe("Lax");
      expect(cookie.attributes.get("path")).toBe("/");
      expect(cookie.attributes.get("max-age")).toBe(String(12 * 60 * 60));
      expect(cookie.attributes.has("secure")).toBe(secure);
    },
  );

  it("is signed: a tampered cookie carries no token", async () => {
    const storage = createStaffSessionStorage({ secret: SECRET, production: false });
    const cookie = await cookieFor(storage, TOKEN);
    expect((await storage.getSession(cookie)).get("token")).toBe(TOKEN);

    const [name, value = ""] = cookie.split("=");
    const tampered = `${name}=${value.replace(/^./, (c) => (c === "e" ? "f" : "e"))}`;
    expect((await storage.getSession(tampered)).get("token")).toBeUndefined();

    const otherSecret = createStaffSessionStorage({ secret: "x".repeat(40), production: false });
    expect((await otherSecret.getSession(cookie)).get("token")).toBeUndefined();
  });
});

describe("requireStaff", () => {
  it("without a cookie, redirects to sign-in with the path to come back to", async () => {
    const { auth, authApi } = setup();
    const thrown = await thrownBy(
      auth.requireStaff(new Request("http://admin.test/bookings?day=2026-04-05")),
    );

    expect(thrown).toBeInstanceOf(Response);
    const response = thrown as Response;
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get("Location") ?? "", "http://admin.test");
    expect(location.pathname).toBe("/sign-in");
    expect(location.searchParams.get("redirectTo")).toBe("/bookings?day=2026-04-05");
    expect(authApi.me).not.toHaveBeenCalled();
  });

  it("sends the dashboard to plain /sign-in", async () => {
    const { auth } = setup();
    const response = (await thrownBy(
      auth.requireStaff(new Request("http://admin.test/")),
    )) as Response;
    expect(response.headers.get("Location")).toBe("/sign-in");
  });

  it("with a token the API rejects, redirects to sign-in and clears the cookie", async () => {
    const { auth, authApi, sessionStorage } = setup();
    const cookie = await cookieFor(sessionStorage, "revoked-token");
    const response = (await thrownBy(
      auth.requireStaff(new Request("http://admin.test/", { headers: { Cookie: cookie } })),
    )) as Response;

    expect(authApi.me).toHaveBeenCalledWith("revoked-token");
    expect(response.headers.get("Location")).toBe("/sign-in");
    const cleared = parseSetCookie(response.headers.get("Set-Cookie") ?? "");
    expect(cleared.name).toBe(SESSION_COOKIE_NAME);
    expect(cleared.value).toBe("");
    expect(new Date(cleared.attributes.get("expires") ?? "").getTime()).toBeLessThan(Date.now());
  });

  it("returns the staff member and token for a valid session", async () => {
    const { auth, sessionStorage } = setup();
    const cookie = await cookieFor(sessionStorage, TOKEN);
    const staff = await auth.requireStaff(
      new Request("http://admin.test/", { headers: { Cookie: cookie } }),
    );
    expect(staff).toEqual({ user: staffUser(), token: TOKEN });
  });

  it("lets API outages through as errors rather than signing people out", async () => {
    const outage = new Error("connect ECONNREFUSED");
    const { auth, sessionStorage } = setup({
      me: vi.fn(async () => {
        throw outage;
      }),
    });
    const cookie = await cookieFor(sessionStorage, TOKEN);
    await expect(
      auth.requireStaff(new Request("http://admin.test/", { headers: { Cookie: cookie } })),
    ).rejects.toBe(outage);
  });
});

describe("getOptionalStaff", () => {
  it("is null without a cookie or with a rejected token, and the staff member otherwise", async () => {
    const { auth, sessionStorage } = setup();
    expect(await auth.getOptionalStaff(new Request("http://admin.test/sign-in"))).toBeNull();
    const stale = await cookieFor(sessionStorage, "expired");
    expect(
      await auth.getOptionalStaff(
        new Request("http://admin.test/", { headers: { Cookie: stale } }),
      ),
    ).toBeNull();
    const valid = await cookieFor(sessionStorage, TOKEN);
    expect(
      await auth.getOptionalStaff(
        new Request("http://admin.test/", { headers: { Cookie: valid } }),
      ),
    ).toEqual({ user: staffUser(), token: TOKEN });
  });
});

describe("signIn", () => {
  it("starts a session holding only the token and redirects to a safe path", async () => {
    const { auth, authApi, sessionStorage } = setup();
    const result = await auth.signIn({
      email: "owner@clinic.test",
      password: "correct horse",
      redirectTo: "//evil.example",
      clientAddress: "203.0.113.7",
    });

    // The staff member's address goes to the API, which keys its sign-in limits on it.
    expect(authApi.signIn).toHaveBeenCalledWith(
      { email: "owner@clinic.test", password: "correct horse" },
      "203.0.113.7",
    );
    if (!result.ok) throw new Error("expected success");
    expect(result.response.headers.get("Location")).toBe("/");
    const cookie = parseSetCookie(result.response.headers.get("Set-Cookie") ?? "");
    const session = await sessionStorage.getSession(`${cookie.name}=${cookie.value}`);
    expect(session.data).toEqual({ token: TOKEN });
  });

  it("redirects back to the page that asked for sign-in", async () => {
    const { auth } = setup();
    const result = await auth.signIn({ email: "a@b.test", password: "x", redirectTo: "/reviews" });
    if (!result.ok) throw new Error("expected success");
    expect(result.response.headers.get("Location")).toBe("/reviews");
  });

  it("passes refusals through without setting a cookie", async () => {
    const refusal: SignInOutcome = {
      ok: false,
      reason: "invalid-credentials",
      message: "Email or password is incorrect",
    };
    const { auth } = setup({ signIn: vi.fn(async () => refusal) });
    expect(await auth.signIn({ email: "a@b.test", password: "wrong" })).toEqual(refusal);
  });
});

describe("signOut", () => {
  it("revokes the API session, clears the cookie and goes to sign-in", async () => {
    const { auth, authApi, sessionStorage } = setup();
    const cookie = await cookieFor(sessionStorage, TOKEN);
    const response = await auth.signOut(
      new Request("http://admin.test/sign-out", { method: "POST", headers: { Cookie: cookie } }),
    );

    expect(authApi.signOut).toHaveBeenCalledWith(TOKEN);
    expect(response.headers.get("Location")).toBe("/sign-in");
    expect(parseSetCookie(response.headers.get("Set-Cookie") ?? "").value).toBe("");
  });

  it("still clears the cookie when the API cannot be reached", async () => {
    const { auth, sessionStorage } = setup({
      signOut: vi.fn(async () => {
        throw new Error("connect ECONNREFUSED");
      }),
    });
    vi.spyOn(console, "error").mockImplementation(() => {});
    const cookie = await cookieFor(sessionStorage, TOKEN);
    const response = await auth.signOut(
      new Request("http://admin.test/sign-out", { method: "POST", headers: { Cookie: cookie } }),
    );
    expect(parseSetCookie(response.headers.get("Set-Cookie") ?? "").value).toBe("");
  });
});
