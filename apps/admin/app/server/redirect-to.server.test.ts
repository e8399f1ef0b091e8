import { describe, expect, it } from "vitest";
import { requestPath, safeRedirectTo } from "./redirect-to.server";

describe("safeRedirectTo", () => {
  it("keeps paths on this site, with their query and hash", () => {
    expect(safeRedirectTo("/")).toBe("/");
    expect(safeRedirectTo("/bookings")).toBe("/bookings");
    expect(safeRedirectTo("/bookings?day=2026-04-05&view=week#today")).toBe(
      "/bookings?day=2026-04-05&view=week#today",
    );
  });

  it.each([
    ["a protocol-relative URL", "//evil.example/path"],
    ["an absolute URL", "https://evil.example/"],
    ["a javascript: URL", "javascript:alert(1)"],
    ["a backslash trick", "/\\evil.example"],
    ["a backslash after two slashes", "/\\/evil.example"],
    ["a tab that browsers strip", "/\t/evil.example"],
    ["a newline that browsers strip", "/\n/evil.example"],
    ["a relative path", "bookings"],
    ["an empty string", ""],
    ["a triple slash", "///evil.example"],
  ])("rejects %s", (_label, value) => {
    expect(safeRedirectTo(value)).toBe("/");
  });

  it("rejects values that are not strings", () => {
    expect(safeRedirectTo(null)).toBe("/");
    expect(safeRedirectTo(undefined)).toBe("/");
    expect(safeRedirectTo(["/bookings"])).toBe("/");
  });

  it("uses the given fallback", () => {
    expect(safeRedirectTo("//evil.example", "/dashboard")).toBe("/dashboard");
    expect(safeRedirectTo("https://evil.example", "")).toBe("");
  });

  it("normalises dot segments without leaving the site", () => {
    expect(safeRedirectTo("/a/../../b")).toBe("/b");
    expect(safeRedirectTo("/bookings/./1?x=1")).toBe("/bookings/1?x=1");
  });

  // Each of these resolves, in a browser, to another host once its dot segments, encoded dots
  // or backslashes are normalised: the check must look at the normalised path, not the text.
  it.each([
    ["dot segments collapsing to //host", "/..//evil.example/phish"],
    [
      "the issue's value, decoded once by searchParams",
      decodeURIComponent("%2F..%2F%2Fevil.example%2Fphish"),
    ],
    ["a single dot segment before //host", "/.//evil.example"],
    ["encoded dot segments (lower case)", "/%2e%2e//evil.example"],
    ["encoded dot segments (upper case)", "/a/%2E%2E/%2E%2E//evil.example"],
    ["mixed encoded and plain dots", "/%2e./%2E.//evil.example"],
    ["a dot segment then a backslash", "/./\\evil.example"],
    ["dot segments deeper in the path", "/a/b/../../..//evil.example"],
    ["a dot segment with a query", "/..//evil.example?next=/"],
  ])("rejects %s", (_label, value) => {
    expect(safeRedirectTo(value)).toBe("/");
  });

  it.each([
    ["a tab before the authority", "/\t/evil.example"],
    ["a carriage return", "/\r/evil.example"],
    ["a NUL", "/\u0000/evil.example"],
    ["DEL", "/\u007f/evil.example"],
    ["a leading space before //", " //evil.example"],
    ["an encoded leading slash", "%2F%2Fevil.example"],
    ["the issue's raw value, never decoded", "%2F..%2F%2Fevil.example%2Fphish"],
    ["a javascript: URL in capitals", "JavaScript:alert(1)"],
    ["a data: URL", "data:text/html,<script>alert(1)</script>"],
    ["a backslash first", "\\evil.example"],
    ["credentials and a host", "//user:pass@evil.example"],
    ["a very long path", `/${"a".repeat(2001)}`],
  ])("rejects %s", (_label, value) => {
    expect(safeRedirectTo(value)).toBe("/");
  });

  // Encoded slashes and backslashes stay encoded in the path: a browser keeps them as one
  // segment on this site, so they are harmless and kept as they are.
  it.each([
    ["/%2F%2Fevil.example", "/%2F%2Fevil.example"],
    ["/%5C%5Cevil.example", "/%5C%5Cevil.example"],
    ["/%5c/evil.example", "/%5c/evil.example"],
    ["/%09/evil.example", "/%09/evil.example"],
  ])("keeps the encoded %s on this site", (value, expected) => {
    const path = safeRedirectTo(value);
    expect(path).toBe(expected);
    expect(new URL(path, "https://admin.clinic.example").origin).toBe(
      "https://admin.clinic.example",
    );
  });

  it("only ever returns a path a browser resolves to this site", () => {
    const tricky = [
      "/..//evil.example",
      "/%2e%2e//evil.example",
      "/.//evil.example",
      "/bookings",
      "/a/../b",
      "///evil.example",
      "/\\evil.example",
      "/%2F..%2F%2Fevil.example",
      "/bookings?redirectTo=//evil.example",
    ];
    for (const value of tricky) {
      const path = safeRedirectTo(value);
      expect(path.startsWith("/"), value).toBe(true);
      expect(path.startsWith("//"), value).toBe(false);
      expect(new URL(path, "https://admin.clinic.example").origin, value).toBe(
        "https://admin.clinic.example",
      );
    }
  });
});

describe("requestPath", () => {
  it("is the path and query of the request, without the origin", () => {
    expect(requestPath(new Request("http://admin.test/bookings?day=2"))).toBe("/bookings?day=2");
  });
});
