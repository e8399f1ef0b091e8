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
  });
});

describe("requestPath", () => {
  it("is the path and query of the request, without the origin", () => {
    expect(requestPath(new Request("http://admin.test/bookings?day=2"))).toBe("/bookings?day=2");
  });
});
