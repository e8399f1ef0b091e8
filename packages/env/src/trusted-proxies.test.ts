import { describe, expect, it } from "vitest";
import { parseEnv } from "./index.js";
import {
  compileTrustedProxies,
  resolveClientAddress,
  trustedProxiesVariable,
} from "./trusted-proxies.js";

const loopback = compileTrustedProxies("loopback");

describe("resolveClientAddress", () => {
  it("ignores X-Forwarded-For from a peer that is not a trusted proxy", () => {
    for (const forged of ["1.2.3.4", "5.6.7.8, 9.9.9.9", "127.0.0.1"]) {
      expect(resolveClientAddress("203.0.113.9", forged, loopback)).toBe("203.0.113.9");
    }
  });

  it("takes the rightmost hop that is not a trusted proxy, so a visitor's own entries are skipped", () => {
    // A visitor wrote "6.6.6.6"; the trusted proxy appended the address it saw.
    expect(resolveClientAddress("127.0.0.1", "6.6.6.6, 198.51.100.4", loopback)).toBe(
      "198.51.100.4",
    );
    const proxies = compileTrustedProxies("loopback, 10.0.0.0/8");
    expect(resolveClientAddress("::1", "6.6.6.6, 198.51.100.4, 10.1.2.3", proxies)).toBe(
      "198.51.100.4",
    );
    expect(resolveClientAddress("::ffff:127.0.0.1", "2001:db8::7", loopback)).toBe("2001:db8::7");
  });

  it("uses the socket address without a header, and the furthest hop when every hop is trusted", () => {
    expect(resolveClientAddress("127.0.0.1", null, loopback)).toBe("127.0.0.1");
    expect(resolveClientAddress("127.0.0.1", "::1", loopback)).toBe("::1");
  });

  it("lets the trusted proxy stand in for a hop that is not an address", () => {
    expect(resolveClientAddress("127.0.0.1", "<script>", loopback)).toBe("127.0.0.1");
    expect(resolveClientAddress("127.0.0.1", "1.2.3.4, unknown", loopback)).toBe("127.0.0.1");
    expect(resolveClientAddress("unknown", "1.2.3.4", loopback)).toBeNull();
    expect(resolveClientAddress(undefined, "1.2.3.4", loopback)).toBeNull();
  });

  it("trusts no one with `none`", () => {
    expect(resolveClientAddress("127.0.0.1", "1.2.3.4", compileTrustedProxies("none"))).toBe(
      "127.0.0.1",
    );
  });
});

describe("TRUSTED_PROXIES", () => {
  const load = (value?: string) =>
    parseEnv("test", { TRUSTED_PROXIES: trustedProxiesVariable() }, { TRUSTED_PROXIES: value })
      .TRUSTED_PROXIES;

  it("defaults to loopback only", () => {
    expect(load()("127.0.0.1", 0)).toBe(true);
    expect(load("")("::1", 0)).toBe(true);
    expect(load()("10.0.0.1", 0)).toBe(false);
  });

  it("accepts addresses and CIDR ranges", () => {
    const trust = load("10.0.0.0/8, 192.0.2.5");
    expect(trust("10.9.8.7", 0)).toBe(true);
    expect(trust("192.0.2.5", 0)).toBe(true);
    expect(trust("127.0.0.1", 0)).toBe(false);
  });

  it("names the variable when an entry is not an address", () => {
    expect(() => load("10.0.0.0/8, proxy.example")).toThrow(/TRUSTED_PROXIES: must be addresses/);
  });
});
