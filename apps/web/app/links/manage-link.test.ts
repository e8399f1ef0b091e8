import { describe, expect, it } from "vitest";
import {
  bookingStatusLabel,
  MANAGE_PAGE_META,
  managePath,
  manageTokenParam,
  requireManageToken,
} from "./manage-link";

describe("manage links", () => {
  const token = "AbCdEfGhIjKlMnOpQrStUvWxYz012345_-xy";

  it("accepts only well-formed tokens, so a bad link is a 404 without asking the API", () => {
    expect(manageTokenParam(token)).toBe(token);
    expect(manageTokenParam("short")).toBeNull();
    expect(manageTokenParam(`${token}/../x`)).toBeNull();
    expect(manageTokenParam(undefined)).toBeNull();
    expect(requireManageToken(token)).toBe(token);
    expect(() => requireManageToken("short")).toThrow(Response);
  });

  it("builds the manage page's paths", () => {
    expect(managePath(token)).toBe(`/manage/${token}`);
    expect(managePath(token, "calendar.ics")).toBe(`/manage/${token}/calendar.ics`);
  });

  it("tells browsers never to send the token to another site as a referrer", () => {
    expect(MANAGE_PAGE_META).toContainEqual({ name: "referrer", content: "same-origin" });
  });

  it("words every status", () => {
    expect(bookingStatusLabel("no_show")).toBe("Missed");
    expect(bookingStatusLabel("cancelled")).toBe("Cancelled");
  });
});
