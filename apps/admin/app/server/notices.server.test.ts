import { describe, expect, it } from "vitest";
import { noticeFrom, withNotice } from "./notices.server";

const messages = { cancelled: "Booking cancelled. The patient has been emailed." } as const;

describe("notices", () => {
  it("shows the page's own words for a known key", () => {
    const request = new Request("http://admin.test/bookings/1?notice=cancelled");
    expect(noticeFrom(request, messages)).toBe(messages.cancelled);
  });

  it("shows nothing for an unknown key or inherited property names", () => {
    expect(noticeFrom(new Request("http://admin.test/?notice=%3Cscript%3E"), messages)).toBeNull();
    expect(noticeFrom(new Request("http://admin.test/?notice=toString"), messages)).toBeNull();
    expect(noticeFrom(new Request("http://admin.test/"), messages)).toBeNull();
  });

  it("adds the key to a path, keeping its query", () => {
    expect(withNotice("/calendar?date=2026-03-10", "saved")).toBe(
      "/calendar?date=2026-03-10&notice=saved",
    );
  });

  // The path is built from a route parameter (`/bookings/${params.id}`), which Remix decodes:
  // `%2F` in an id becomes "/", and dot segments could then climb to `//host`.
  it("never redirects off the site, whatever a route parameter held", () => {
    expect(withNotice(`/bookings/${"../..//evil.example"}`, "cancelled")).toBe(
      "/?notice=cancelled",
    );
    expect(withNotice(`/posts/${"..%2F..%2F%2Fevil.example"}`, "saved")).toMatch(/^\/posts\//);
  });
});
