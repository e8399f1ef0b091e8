import { describe, expect, it } from "vitest";
import { absoluteUrl, canonicalPath, normaliseSiteUrl } from "./site-url";

describe("normaliseSiteUrl", () => {
  it("drops trailing slashes and keeps a base path", () => {
    expect(normaliseSiteUrl("https://clinic.example/")).toBe("https://clinic.example");
    expect(normaliseSiteUrl("https://example.com/clinic//")).toBe("https://example.com/clinic");
    expect(normaliseSiteUrl("http://127.0.0.1:3100")).toBe("http://127.0.0.1:3100");
  });

  it("refuses anything but http(s)", () => {
    expect(() => normaliseSiteUrl("ftp://clinic.example")).toThrow(RangeError);
    expect(() => normaliseSiteUrl("not a url")).toThrow();
  });
});

describe("absoluteUrl", () => {
  it("joins the site URL and a path", () => {
    expect(absoluteUrl("https://clinic.example", "/blog/x")).toBe("https://clinic.example/blog/x");
    expect(absoluteUrl("https://example.com/clinic", "blog")).toBe(
      "https://example.com/clinic/blog",
    );
  });
});

describe("canonicalPath", () => {
  it("keeps the page number and drops every other parameter", () => {
    expect(canonicalPath("/blog", "?page=2&utm_source=x")).toBe("/blog?page=2");
    expect(canonicalPath("/blog", "?page=1")).toBe("/blog");
    expect(canonicalPath("/contact", "?utm_source=x")).toBe("/contact");
    expect(canonicalPath("/blog", "?page=abc")).toBe("/blog");
  });

  it("drops a trailing slash except on the home page", () => {
    expect(canonicalPath("/blog/", "")).toBe("/blog");
    expect(canonicalPath("/", "")).toBe("/");
  });
});
