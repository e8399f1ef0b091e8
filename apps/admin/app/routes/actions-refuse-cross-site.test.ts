import { afterEach, describe, expect, it, vi } from "vitest";
import { ADMIN_ORIGIN, fakeApi, sessionCookie } from "../testing/remix-app";

// Every route module, as the flat-routes convention finds them: `routes/<name>.tsx` and
// `routes/<name>/route.tsx`. A new route with an action is walked without being listed here.
const modules = import.meta.glob<Record<string, unknown>>(["./*.tsx", "./*/route.tsx"], {
  eager: true,
});

type Action = (args: {
  request: Request;
  params: Record<string, string>;
  context: object;
}) => Promise<unknown>;

const actions = Object.entries(modules)
  .filter(([, module]) => typeof module.action === "function")
  .map(([file, module]) => [file, module.action as Action] as const);

afterEach(() => {
  vi.unstubAllGlobals();
});

const CROSS_SITE_HEADERS: [string, Record<string, string>][] = [
  ["another site's Origin", { Origin: "https://evil.example", "Sec-Fetch-Site": "cross-site" }],
  ["Origin: null", { Origin: "null" }],
  ["no Origin, cross-site Fetch Metadata", { "Sec-Fetch-Site": "cross-site" }],
];

describe("every admin action", () => {
  it("is found by the walk (sign-in, sign-out and the staff pages)", () => {
    const files = actions.map(([file]) => file);
    expect(files).toContain("./sign-in.tsx");
    expect(files).toContain("./sign-out.tsx");
    expect(files).toContain("./_staff.settings.tsx");
    expect(files.length).toBeGreaterThanOrEqual(15);
  });

  describe.each(actions)("%s", (_file, action) => {
    it.each(CROSS_SITE_HEADERS)(
      "refuses a POST from %s with 403 before asking the API anything",
      async (_label, headers) => {
        // Any API call at all (reading the session included) would mean the guard came late.
        const api = fakeApi({});
        vi.stubGlobal("fetch", api.fetch);
        const request = new Request(`${ADMIN_ORIGIN}/anything`, {
          method: "POST",
          headers: {
            Cookie: await sessionCookie(),
            "Content-Type": "application/x-www-form-urlencoded",
            ...headers,
          },
          body: "intent=delete&name=Hijacked",
        });
        const params = { id: "0b6e4b1e-6f0c-4f47-9d3c-2f1f3f0f8a11", practitionerId: "p" };
        const outcome = await action({ request, params, context: {} }).then(
          (value) => value,
          (error: unknown) => error,
        );
        expect(outcome).toBeInstanceOf(Response);
        expect((outcome as Response).status).toBe(403);
        expect(api.calls).toEqual([]);
        expect(request.bodyUsed).toBe(false);
      },
    );
  });
});
