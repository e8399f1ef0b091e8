import { compileTrustedProxies } from "@clinic/env/trusted-proxies";
import { describe, expect, it } from "vitest";
import { clientAddress, forwardedForHeaders, socketAddressFrom } from "./client-address";

const loopback = compileTrustedProxies("loopback");

function request(headers: Record<string, string> = {}) {
  return new Request("http://site.test/contact", { headers });
}

describe("clientAddress", () => {
  it("ignores X-Forwarded-For from a visitor who reaches the site directly", () => {
    for (const forged of ["1.2.3.4", "5.6.7.8, 9.9.9.9", "127.0.0.1"]) {
      expect(clientAddress(request({ "x-forwarded-for": forged }), "203.0.113.7", loopback)).toBe(
        "203.0.113.7",
      );
    }
  });

  it("takes the rightmost hop a trusted proxy appended, not what the visitor wrote before it", () => {
    expect(
      clientAddress(request({ "x-forwarded-for": "6.6.6.6, 203.0.113.7" }), "127.0.0.1", loopback),
    ).toBe("203.0.113.7");
    const behindBalancer = compileTrustedProxies("10.0.0.0/8");
    expect(
      clientAddress(
        request({ "x-forwarded-for": "6.6.6.6, 2001:db8::1, 10.0.0.2" }),
        "10.0.0.1",
        behindBalancer,
      ),
    ).toBe("2001:db8::1");
  });

  it("falls back to the socket address without a usable header", () => {
    expect(clientAddress(request(), "198.51.100.4", loopback)).toBe("198.51.100.4");
    expect(clientAddress(request({ "x-forwarded-for": "" }), "::1", loopback)).toBe("::1");
    expect(clientAddress(request({ "x-forwarded-for": "<script>" }), "::1", loopback)).toBe("::1");
  });

  it("knows nothing without the socket address", () => {
    expect(clientAddress(request({ "x-forwarded-for": "203.0.113.7" }), null, loopback)).toBeNull();
    expect(clientAddress(request(), "unknown", loopback)).toBeNull();
  });
});

describe("forwardedForHeaders", () => {
  it("forwards only the address the site vouches for", () => {
    expect(
      forwardedForHeaders(request({ "x-forwarded-for": "6.6.6.6" }), "203.0.113.9", loopback),
    ).toEqual({ "x-forwarded-for": "203.0.113.9" });
    expect(
      forwardedForHeaders(
        request({ "x-forwarded-for": "6.6.6.6, 203.0.113.7" }),
        "127.0.0.1",
        loopback,
      ),
    ).toEqual({ "x-forwarded-for": "203.0.113.7" });
  });

  it("sends no header when the address is unknown", () => {
    expect(forwardedForHeaders(request({ "x-forwarded-for": "1.2.3.4" }), null, loopback)).toEqual(
      {},
    );
  });
});

describe("socketAddressFrom", () => {
  it("reads the address a server put in the load context", () => {
    expect(socketAddressFrom({ clientAddress: "198.51.100.4" })).toBe("198.51.100.4");
    expect(socketAddressFrom({})).toBeNull();
    expect(socketAddressFrom(undefined)).toBeNull();
    expect(socketAddressFrom({ clientAddress: 42 })).toBeNull();
  });
});
