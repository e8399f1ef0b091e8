import { afterEach, describe, expect, it, vi } from "vitest";
import {
  ADMIN_ORIGIN,
  fakeApi,
  handleWithGuard,
  handleWithRemix,
  sessionCookie,
} from "../testing/remix-app";

afterEach(() => {
  vi.unstubAllGlobals();
});

async function postSignOut(
  headers: Record<string, string>,
  handle: (request: Request) => Promise<Response> = handleWithRemix,
) {
  const api = fakeApi({ "auth.signOut": () => null });
  vi.stubGlobal("fetch", api.fetch);
  const response = await handle(
    new Request(`${ADMIN_ORIGIN}/sign-out`, {
      method: "POST",
      headers: { Cookie: await sessionCookie(), ...headers },
    }),
  );
  return { response, api };
}

describe("POST /sign-out", () => {
  it("signs out from the admin's own pages", async () => {
    const { response, api } = await postSignOut({
      Origin: ADMIN_ORIGIN,
      "Sec-Fetch-Site": "same-origin",
    });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/sign-in");
    expect(response.headers.get("Set-Cookie")).toMatch(
      /^__clinic_admin=;.*Expires=Thu, 01 Jan 1970/,
    );
    expect(api.calls).toEqual(["auth.signOut"]);
  });

  it.each([
    ["another site's Origin", { Origin: "https://evil.example", "Sec-Fetch-Site": "cross-site" }],
    ["the public site's Origin (same site, other origin)", { Origin: "http://www.admin.test" }],
    ["Origin: null (a sandboxed frame)", { Origin: "null" }],
    ["no Origin, cross-site Fetch Metadata", { "Sec-Fetch-Site": "cross-site" }],
    ["no Origin, same-site Fetch Metadata", { "Sec-Fetch-Site": "same-site" }],
  ])("is refused with 403 from %s, and the session lives on", async (_label, headers) => {
    for (const handle of [handleWithRemix, handleWithGuard]) {
      const { response, api } = await postSignOut(headers, handle);
      expect(response.status).toBe(403);
      expect(response.headers.get("Set-Cookie")).toBeNull();
      expect(api.calls).toEqual([]);
    }
  });
});
