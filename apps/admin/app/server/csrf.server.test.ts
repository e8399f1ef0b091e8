import { describe, expect, it } from "vitest";
import { requireSameOrigin } from "./csrf.server";

function post(headers: Record<string, string>, url = "http://admin.example:3001/bookings/1") {
  return new Request(url, { method: "POST", headers });
}

function refusal(request: Request): number | null {
  try {
    requireSameOrigin(request);
    return null;
  } catch (error) {
    if (error instanceof Response) return error.status;
    throw error;
  }
}

describe("requireSameOrigin", () => {
  it("accepts a form posted from the admin's own origin", () => {
    expect(refusal(post({ Origin: "http://admin.example:3001" }))).toBeNull();
  });

  it("accepts a request without Origin (not sent by a browser form)", () => {
    expect(refusal(post({}))).toBeNull();
  });

  it("refuses a form posted from another site with 403", () => {
    expect(refusal(post({ Origin: "https://evil.example" }))).toBe(403);
  });

  it("refuses another port on the same host: that is another origin", () => {
    expect(refusal(post({ Origin: "http://admin.example:3000" }))).toBe(403);
  });

  it("refuses the opaque origin 'null'", () => {
    expect(refusal(post({ Origin: "null" }))).toBe(403);
  });

  it("accepts the host a proxy forwarded the request for", () => {
    const request = post(
      { Origin: "https://admin.clinic.example", "X-Forwarded-Host": "admin.clinic.example" },
      "http://127.0.0.1:3001/bookings/1",
    );
    expect(refusal(request)).toBeNull();
  });
});
