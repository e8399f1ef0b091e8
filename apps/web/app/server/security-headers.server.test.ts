import { describe, expect, it } from "vitest";
import {
  applySecurityHeaders,
  contentSecurityPolicy,
  createNonce,
  isDevelopment,
  RESOURCE_CONTENT_SECURITY_POLICY,
  resourceHeaders,
} from "./security-headers.server";

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(";").map((part) => {
      const [name = "", ...sources] = part.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

describe("createNonce", () => {
  it("is 128 random bits, different every time", () => {
    const nonce = createNonce();
    expect(Buffer.from(nonce, "base64")).toHaveLength(16);
    expect(createNonce()).not.toBe(nonce);
  });
});

describe("contentSecurityPolicy", () => {
  it("allows only the site's own scripts and the ones carrying this response's nonce", () => {
    const policy = directives(contentSecurityPolicy({ nonce: "abc123" }));
    expect(policy.get("script-src")).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"]);
    expect(policy.get("default-src")).toEqual(["'self'"]);
    // The inlined stylesheet carries the nonce; no other inline style applies.
    expect(policy.get("style-src")).toEqual(["'self'", "'nonce-abc123'"]);
    expect(policy.get("img-src")).toEqual(["'self'", "data:"]);
    expect(policy.get("connect-src")).toEqual(["'self'"]);
    expect(policy.get("frame-src")).toEqual(["https://www.youtube-nocookie.com"]);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'self'"]);
    expect(policy.get("form-action")).toEqual(["'self'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
  });

  it("never allows inline or eval'd scripts, even in development", () => {
    for (const development of [false, true]) {
      const policy = contentSecurityPolicy({ nonce: "n", development });
      expect(policy).not.toContain("unsafe-eval");
      expect(directives(policy).get("script-src")).not.toContain("'unsafe-inline'");
    }
  });

  it("relaxes only inline styles and the HMR socket in development", () => {
    const production = directives(contentSecurityPolicy({ nonce: "n" }));
    const development = directives(contentSecurityPolicy({ nonce: "n", development: true }));
    expect(development.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
    expect(development.get("connect-src")).toEqual(["'self'", "ws:"]);
    for (const [name, sources] of production) {
      if (name === "style-src" || name === "connect-src") continue;
      expect(development.get(name)).toEqual(sources);
    }
  });
});

describe("applySecurityHeaders", () => {
  it("sets the policy and the common headers", () => {
    const headers = applySecurityHeaders(new Headers(), "default-src 'self'");
    expect(headers.get("Content-Security-Policy")).toBe("default-src 'self'");
    expect(headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(headers.get("Referrer-Policy")).toBe("strict-origin-when-cross-origin");
    expect(headers.get("Permissions-Policy")).toContain("camera=()");
  });

  it("keeps a stricter Referrer-Policy a route chose", () => {
    const headers = applySecurityHeaders(
      new Headers({ "Referrer-Policy": "no-referrer" }),
      "default-src 'self'",
    );
    expect(headers.get("Referrer-Policy")).toBe("no-referrer");
  });
});

describe("applySecurityHeaders in production", () => {
  it("adds Strict-Transport-Security only in production", () => {
    const production = applySecurityHeaders(new Headers(), "default-src 'self'", {
      NODE_ENV: "production",
    });
    expect(production.get("Strict-Transport-Security")).toMatch(/^max-age=\d{8,}/);
    const test = applySecurityHeaders(new Headers(), "default-src 'self'", { NODE_ENV: "test" });
    expect(test.get("Strict-Transport-Security")).toBeNull();
  });
});

describe("resourceHeaders", () => {
  it("locks non-page responses down completely", () => {
    const headers = resourceHeaders({ "Content-Type": "application/rss+xml" });
    expect(headers.get("Content-Type")).toBe("application/rss+xml");
    expect(headers.get("Content-Security-Policy")).toBe(RESOURCE_CONTENT_SECURITY_POLICY);
    expect(headers.get("X-Content-Type-Options")).toBe("nosniff");
  });
});

describe("isDevelopment", () => {
  it("is true only for NODE_ENV=development", () => {
    expect(isDevelopment({ NODE_ENV: "development" })).toBe(true);
    expect(isDevelopment({ NODE_ENV: "production" })).toBe(false);
    expect(isDevelopment({})).toBe(false);
  });
});
