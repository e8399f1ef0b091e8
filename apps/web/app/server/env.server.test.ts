import { EnvError } from "@clinic/env";
import { describe, expect, it } from "vitest";
import {
  DEV_ONLY_INSECURE_SESSION_SECRET,
  loadEnv,
  requireProductionSecrets,
  sessionSecretOf,
} from "./env.server";

describe("the public site's environment", () => {
  it("has working defaults", () => {
    expect(loadEnv({})).toMatchObject({
      NODE_ENV: "production",
      API_URL: "http://localhost:4000",
      SITE_URL: undefined,
      PORT: 3000,
      HOST: undefined,
    });
  });

  it("reads values and treats an empty variable as unset", () => {
    const env = loadEnv({
      NODE_ENV: "development",
      API_URL: "http://127.0.0.1:4200",
      SITE_URL: "",
      PORT: "3200",
      HOST: "127.0.0.1",
    });
    expect(env).toMatchObject({
      NODE_ENV: "development",
      API_URL: "http://127.0.0.1:4200",
      PORT: 3200,
      HOST: "127.0.0.1",
    });
    expect(env.SITE_URL).toBeUndefined();
  });

  it("stops start-up naming every invalid variable", () => {
    const error = (() => {
      try {
        loadEnv({ API_URL: "localhost:4000", SITE_URL: "ftp://clinic.example", PORT: "eighty" });
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error).toBeInstanceOf(EnvError);
    expect(error?.message).toMatch(/^Invalid environment for @clinic\/web:$/m);
    expect(error?.message).toMatch(/^ {2}API_URL: must be an http\(s\) URL/m);
    expect(error?.message).toMatch(/^ {2}SITE_URL: must be an http\(s\) URL/m);
    expect(error?.message).toMatch(/^ {2}PORT: must be a port number, e.g. 3000$/m);
    expect(() => loadEnv({ NODE_ENV: "staging" })).toThrow(/^ {2}NODE_ENV: /m);
  });

  it("trusts X-Forwarded-For from loopback only, unless TRUSTED_PROXIES says otherwise", () => {
    expect(loadEnv({}).TRUSTED_PROXIES("127.0.0.1", 0)).toBe(true);
    expect(loadEnv({}).TRUSTED_PROXIES("10.0.0.1", 0)).toBe(false);
    expect(loadEnv({ TRUSTED_PROXIES: "10.0.0.0/8" }).TRUSTED_PROXIES("10.0.0.1", 0)).toBe(true);
    expect(() => loadEnv({ TRUSTED_PROXIES: "lb.example" })).toThrow(/^ {2}TRUSTED_PROXIES: /m);
  });

  it("polls the API's content version every second unless told otherwise", () => {
    expect(loadEnv({}).CONTENT_VERSION_POLL_MS).toBe(1_000);
    expect(loadEnv({ CONTENT_VERSION_POLL_MS: "250" }).CONTENT_VERSION_POLL_MS).toBe(250);
    for (const bad of ["soon", "1.5", "10", "600000"]) {
      expect(() => loadEnv({ CONTENT_VERSION_POLL_MS: bad }), bad).toThrow(
        /^ {2}CONTENT_VERSION_POLL_MS: /m,
      );
    }
  });
});

describe("the patient session cookie's secret", () => {
  it("is required in production, and a dev-only one stands in elsewhere", () => {
    expect(() => requireProductionSecrets(loadEnv({}))).toThrow(/^ {2}SESSION_SECRET: required/m);
    const secret = "s".repeat(32);
    const production = requireProductionSecrets(loadEnv({ SESSION_SECRET: secret }));
    expect(sessionSecretOf(production)).toBe(secret);
    const development = requireProductionSecrets(loadEnv({ NODE_ENV: "development" }));
    expect(sessionSecretOf(development)).toBe(DEV_ONLY_INSECURE_SESSION_SECRET);
    expect(() => loadEnv({ SESSION_SECRET: "short" })).toThrow(/^ {2}SESSION_SECRET: must be/m);
  });
});
