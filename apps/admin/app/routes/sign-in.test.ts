import { afterEach, describe, expect, it, vi } from "vitest";
import {
  ADMIN_ORIGIN,
  fakeApi,
  handleWithGuard,
  handleWithRemix,
  sessionCookie,
  staffUser,
} from "../testing/remix-app";

afterEach(() => {
  vi.unstubAllGlobals();
});

async function signedInVisit(redirectTo: string) {
  const api = fakeApi({ "auth.me": () => staffUser() });
  vi.stubGlobal("fetch", api.fetch);
  const response = await handleWithRemix(
    new Request(`${ADMIN_ORIGIN}/sign-in?redirectTo=${redirectTo}`, {
      headers: { Cookie: await sessionCookie() },
    }),
  );
  return { response, api };
}

describe("/sign-in when already signed in", () => {
  // The request: the target was checked before it was normalised, and the redirect
  // went to //evil.example/phish, another host.
  it.each([
    "%2F..%2F%2Fevil.example%2Fphish",
    "%2F.%2F%2Fevil.example",
    "%2F%252e%252e%2F%2Fevil.example",
    "%2F..%2F%5Cevil.example",
    "%2F%09%2Fevil.example",
    "%2F%2Fevil.example",
    "https%3A%2F%2Fevil.example",
    "javascript%3Aalert(1)",
  ])("never redirects off the site for redirectTo=%s", async (redirectTo) => {
    const { response, api } = await signedInVisit(redirectTo);
    expect(api.calls).toEqual(["auth.me"]);
    expect(response.status).toBe(302);
    const location = response.headers.get("Location") ?? "";
    expect(location.startsWith("/")).toBe(true);
    expect(location.startsWith("//")).toBe(false);
    expect(new URL(location, ADMIN_ORIGIN).origin).toBe(ADMIN_ORIGIN);
  });

  it("goes back to the page the user asked for", async () => {
    const { response } = await signedInVisit("%2Fbookings%3Fday%3D2026-04-05");
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/bookings?day=2026-04-05");
  });
});

describe("signing in from another site", () => {
  it("is refused with the 403 page, and the API is never asked", async () => {
    const api = fakeApi({});
    vi.stubGlobal("fetch", api.fetch);
    const response = await handleWithGuard(
      new Request(`${ADMIN_ORIGIN}/sign-in`, {
        method: "POST",
        headers: {
          Origin: "https://evil.example",
          "Content-Type": "application/x-www-form-urlencoded",
        },
        body: "email=owner%40clinic.test&password=attacker-password",
      }),
    );
    expect(response.status).toBe(403);
    expect(response.headers.get("Set-Cookie")).toBeNull();
    expect(await response.text()).toContain("You don&#x27;t have access");
    expect(api.calls).toEqual([]);
  });
});
