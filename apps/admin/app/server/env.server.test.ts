import { describe, expect, it, vi } from "vitest";
import { DEV_ONLY_INSECURE_SESSION_SECRET, parseEnv } from "./env.server";

const SECRET = "s".repeat(32);

describe("parseEnv", () => {
  it("defaults the API URL and uses the dev-only secret outside production, with a warning", () => {
    const warn = vi.fn();
    const env = parseEnv({ NODE_ENV: "development" }, warn);
    expect(env.apiUrl).toBe("http://localhost:4000");
    expect(env.sessionSecret).toBe(DEV_ONLY_INSECURE_SESSION_SECRET);
    expect(env.isProduction).toBe(false);
    expect(warn).toHaveBeenCalledOnce();
    expect(warn.mock.calls[0]?.[0]).toMatch(/SESSION_SECRET/);
  });

  it("requires SESSION_SECRET in production", () => {
    expect(() => parseEnv({ NODE_ENV: "production" }, vi.fn())).toThrow(/SESSION_SECRET/);
    expect(() => parseEnv({ NODE_ENV: "production", SESSION_SECRET: "" }, vi.fn())).toThrow(
      /SESSION_SECRET/,
    );
  });

  it("rejects a short SESSION_SECRET", () => {
    expect(() => parseEnv({ NODE_ENV: "production", SESSION_SECRET: "short" }, vi.fn())).toThrow(
      /at least 32/,
    );
  });

  it("accepts a production configuration without warning", () => {
    const warn = vi.fn();
    const env = parseEnv(
      { NODE_ENV: "production", SESSION_SECRET: SECRET, API_URL: "https://api.clinic.example/" },
      warn,
    );
    expect(env).toEqual({
      nodeEnv: "production",
      isProduction: true,
      apiUrl: "https://api.clinic.example",
      sessionSecret: SECRET,
      port: 3001,
      host: undefined,
      trustedProxies: expect.any(Function),
    });
    expect(env.trustedProxies("127.0.0.1", 0)).toBe(true);
    expect(env.trustedProxies("203.0.113.9", 0)).toBe(false);
    expect(warn).not.toHaveBeenCalled();
  });

  it("rejects a PORT or TRUSTED_PROXIES it can't use, naming it", () => {
    expect(() => parseEnv({ PORT: "http", SESSION_SECRET: SECRET }, vi.fn())).toThrow(/PORT/);
    expect(() =>
      parseEnv({ TRUSTED_PROXIES: "not-an-address", SESSION_SECRET: SECRET }, vi.fn()),
    ).toThrow(/TRUSTED_PROXIES/);
  });

  it("rejects an API_URL that is not a URL", () => {
    expect(() => parseEnv({ API_URL: "localhost:4000", SESSION_SECRET: SECRET }, vi.fn())).toThrow(
      /API_URL/,
    );
  });

  it("stops start-up with one line naming each bad variable", () => {
    expect(() =>
      parseEnv({ NODE_ENV: "staging", API_URL: "ftp://api", SESSION_SECRET: "short" }, vi.fn()),
    ).toThrow(
      /^Invalid environment for @clinic\/admin:\n {2}NODE_ENV: .+\n {2}API_URL: must be an http\(s\) URL[^\n]*\n {2}SESSION_SECRET: must be at least 32 characters/,
    );
  });
});
