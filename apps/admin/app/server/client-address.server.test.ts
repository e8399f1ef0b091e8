import { describe, expect, it } from "vitest";
import { clientAddress } from "./client-address.server";

const signInPost = (headers: Record<string, string> = {}) =>
  new Request("http://admin.test/sign-in", { method: "POST", headers });

describe("clientAddress", () => {
  it("is the connection's own address when it isn't a trusted proxy, whatever the header says", () => {
    const request = signInPost({ "X-Forwarded-For": "198.51.100.1" });
    expect(clientAddress(request, { clientAddress: "203.0.113.9" })).toBe("203.0.113.9");
  });

  it("is the hop a trusted proxy (loopback, by default) appended", () => {
    const request = signInPost({ "X-Forwarded-For": "198.51.100.1, 203.0.113.9" });
    expect(clientAddress(request, { clientAddress: "127.0.0.1" })).toBe("203.0.113.9");
  });

  it("is unknown when the server passes no connection (vite dev)", () => {
    expect(clientAddress(signInPost({ "X-Forwarded-For": "198.51.100.1" }), {})).toBeNull();
    expect(clientAddress(signInPost(), undefined)).toBeNull();
  });
});
