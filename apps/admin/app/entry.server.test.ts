import { afterEach, describe, expect, it, vi } from "vitest";
import { ADMIN_ORIGIN, handleWithRemix } from "./testing/remix-app";

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("the admin's document responses", () => {
  it("carry every security header, with the nonce the page's scripts carry", async () => {
    const response = await handleWithRemix(new Request(`${ADMIN_ORIGIN}/sign-in`));
    expect(response.status).toBe(200);
    const headers = response.headers;
    const policy = headers.get("Content-Security-Policy") ?? "";
    const nonce = policy.match(/'nonce-([A-Za-z0-9+/=]+)'/)?.[1];
    expect(nonce).toBeDefined();
    expect(policy).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("base-uri 'self'");
    expect(policy).toContain("form-action 'self'");
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(headers.get("X-Frame-Options")).toBe("DENY");
    expect(headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(headers.get("Referrer-Policy")).toBe("strict-origin-when-cross-origin");
    expect(headers.get("Permissions-Policy")).toContain("camera=()");
    expect(headers.get("Cross-Origin-Opener-Policy")).toBe("same-origin");

    // Every script Remix wrote carries this response's nonce, and there is at least one.
    const html = await response.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`);
  });

  it("get a new nonce every time", async () => {
    const nonceOf = async () =>
      (await handleWithRemix(new Request(`${ADMIN_ORIGIN}/sign-in`))).headers
        .get("Content-Security-Policy")
        ?.match(/'nonce-([^']+)'/)?.[1];
    expect(await nonceOf()).not.toBe(await nonceOf());
  });

  it("lock data requests (client-side navigations) down", async () => {
    const response = await handleWithRemix(
      new Request(`${ADMIN_ORIGIN}/sign-in.data?_routes=routes%2Fsign-in`),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Security-Policy")).toContain("default-src 'none'");
    expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(response.headers.get("X-Frame-Options")).toBe("DENY");
  });
});
