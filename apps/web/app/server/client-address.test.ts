import { describe, expect, it } from "vitest";
import { clientAddress, forwardedForHeaders, socketAddressFrom } from "./client-address";

function request(headers: Record<string, string> = {}) {
  return new Request("http://site.test/contact", { headers });
}

describe("clientAddress", () => {
  it("takes the first hop of X-Forwarded-For: the client as the first proxy saw it", () => {
    expect(clientAddress(request({ "x-forwarded-for": "203.0.113.7, 10.0.0.2, 10.0.0.1" }))).toBe(
      "203.0.113.7",
    );
    expect(clientAddress(request({ "x-forwarded-for": " 2001:db8::1 " }))).toBe("2001:db8::1");
  });

  it("prefers the forwarded address over the socket's, which is then the proxy's", () => {
    expect(clientAddress(request({ "x-forwarded-for": "203.0.113.7" }), "10.0.0.1")).toBe(
      "203.0.113.7",
    );
  });

  it("falls back to the socket address without a usable header", () => {
    expect(clientAddress(request(), "198.51.100.4")).toBe("198.51.100.4");
    expect(clientAddress(request({ "x-forwarded-for": "" }), "::1")).toBe("::1");
    expect(clientAddress(request({ "x-forwarded-for": "not an address" }), "::1")).toBe("::1");
  });

  it("ignores values that are not addresses rather than forwarding them", () => {
    expect(clientAddress(request({ "x-forwarded-for": "<script>" }))).toBeNull();
    expect(clientAddress(request({ "x-forwarded-for": "1".repeat(100) }))).toBeNull();
    expect(clientAddress(request(), "unknown")).toBeNull();
    expect(clientAddress(request())).toBeNull();
  });
});

describe("forwardedForHeaders", () => {
  it("sets X-Forwarded-For to the visitor's address", () => {
    expect(forwardedForHeaders(request({ "x-forwarded-for": "203.0.113.7, 10.0.0.1" }))).toEqual({
      "x-forwarded-for": "203.0.113.7",
    });
  });

  it("sends no header when the address is unknown", () => {
    expect(forwardedForHeaders(request())).toEqual({});
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
