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

// A representative staff action: saving the clinic's settings.
async function postSettings(
  headers: Record<string, string>,
  handle: (request: Request) => Promise<Response>,
) {
  const api = fakeApi({
    "auth.me": () => staffUser(),
    "settings.get": () => ({ name: "Westside Sports Chiro" }),
    "settings.update": () => ({}),
  });
  vi.stubGlobal("fetch", api.fetch);
  const response = await handle(
    new Request(`${ADMIN_ORIGIN}/settings`, {
      method: "POST",
      headers: {
        Cookie: await sessionCookie(),
        "Content-Type": "application/x-www-form-urlencoded",
        ...headers,
      },
      body: "name=Hijacked&email=attacker%40evil.example",
    }),
  );
  return { response, api };
}

describe("a cross-site POST to a staff action", () => {
  it.each([
    ["another site's Origin", { Origin: "https://evil.example", "Sec-Fetch-Site": "cross-site" }],
    ["Origin: null", { Origin: "null" }],
    ["no Origin, cross-site Fetch Metadata", { "Sec-Fetch-Site": "cross-site" }],
  ])("from %s gets the 403 page and changes nothing", async (_label, headers) => {
    const { response, api } = await postSettings(headers, handleWithGuard);
    expect(response.status).toBe(403);
    expect(response.headers.get("Content-Type")).toContain("text/html");
    const html = await response.text();
    expect(html).toContain("You don&#x27;t have access");
    expect(response.headers.get("Content-Security-Policy")).toContain("frame-ancestors 'none'");
    expect(api.calls).not.toContain("settings.update");
  });

  // Under remix-serve (no guard in front), Remix's own Origin check answers first: a 500 with
  // an empty body, but the action never runs. The guard in front is what turns it into the
  // 403 page (see crossSiteSubmissionForRemix).
  it("changes nothing even where Remix's own check answers", async () => {
    const { response, api } = await postSettings(
      { Origin: "https://evil.example" },
      handleWithRemix,
    );
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(api.calls).toEqual([]);
  });
});
