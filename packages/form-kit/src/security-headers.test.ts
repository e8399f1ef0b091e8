import { describe, expect, it } from "vitest";
import {
  applySecurityHeaders,
  contentSecurityPolicy,
  createNonce,
  RESOURCE_CONTENT_SECURITY_POLICY,
  withResourceHeaders,
} from "./security-headers";

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
  it("runs only scripts with this response's nonce, or loaded by one", () => {
    const policy = directives(contentSecurityPolicy({ nonce: "abc123" }));
    expect(policy.get("script-src")).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'self'"]);
  });

  it("is never framed and frames nothing unless told", () => {
    const policy = directives(contentSecurityPolicy({ nonce: "n" }));
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("frame-src")).toEqual(["'none'"]);
    const video = directives(
      contentSecurityPolicy({ nonce: "n", frameSrc: ["https://www.youtube-nocookie.com"] }),
    );
    expect(video.get("frame-src")).toEqual(["https://www.youtube-nocookie.com"]);
  });

  it("adds the image origins it is given to the app's own", () => {
    const policy = directives(
      contentSecurityPolicy({ nonce: "n", imgSrc: ["http://api.clinic.example"] }),
    );
    expect(policy.get("img-src")).toEqual(["'self'", "data:", "http://api.clinic.example"]);
  });

  it("allows style attributes only when asked, never <style> elements", () => {
    expect(directives(contentSecurityPolicy({ nonce: "n" })).has("style-src-attr")).toBe(false);
    const policy = directives(contentSecurityPolicy({ nonce: "n", styleAttributes: true }));
    expect(policy.get("style-src-attr")).toEqual(["'unsafe-inline'"]);
    expect(policy.get("style-src")).toEqual(["'self'"]);
  });

  it("allows <style> elements only when asked, and then only those carrying the nonce", () => {
    const policy = directives(contentSecurityPolicy({ nonce: "n", styleNonce: true }));
    expect(policy.get("style-src")).toEqual(["'self'", "'nonce-n'"]);
    expect(policy.has("style-src-attr")).toBe(false);
  });

  it("never allows inline or eval'd scripts, even in development", () => {
    for (const development of [false, true]) {
      const policy = contentSecurityPolicy({ nonce: "n", development, styleAttributes: true });
      expect(policy).not.toContain("unsafe-eval");
      expect(directives(policy).get("script-src")).not.toContain("'unsafe-inline'");
    }
  });
});

describe("applySecurityHeaders", () => {
  it("sets the policy and every common header", () => {
    const headers = applySecurityHeaders(new Headers(), "default-src 'self'");
    expect(headers.get("Content-Security-Policy")).toBe("default-src 'self'");
    expect(headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(headers.get("X-Frame-Options")).toBe("DENY");
    expect(headers.get("Referrer-Policy")).toBe("strict-origin-when-cross-origin");
    expect(headers.get("Permissions-Policy")).toContain("camera=()");
    expect(headers.get("Cross-Origin-Opener-Policy")).toBe("same-origin");
    expect(headers.get("Strict-Transport-Security")).toBeNull();
  });

  it("adds Strict-Transport-Security in production", () => {
    const headers = applySecurityHeaders(new Headers(), "default-src 'self'", {
      production: true,
    });
    expect(headers.get("Strict-Transport-Security")).toBe("max-age=63072000");
  });

  it("keeps a stricter Referrer-Policy a route chose, but never its CSP", () => {
    const headers = applySecurityHeaders(
      new Headers({ "Referrer-Policy": "no-referrer", "Content-Security-Policy": "x" }),
      "default-src 'self'",
    );
    expect(headers.get("Referrer-Policy")).toBe("no-referrer");
    expect(headers.get("Content-Security-Policy")).toBe("default-src 'self'");
  });
});

describe("withResourceHeaders", () => {
  it("locks a data response down", () => {
    const response = withResourceHeaders(new Response("{}"));
    expect(response.headers.get("Content-Security-Policy")).toBe(RESOURCE_CONTENT_SECURITY_POLICY);
    expect(response.headers.get("X-Frame-Options")).toBe("DENY");
  });

  it("copies a response whose headers can't change", async () => {
    const response = withResourceHeaders(Response.redirect("http://admin.test/", 302));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("http://admin.test/");
    expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
  });
});
