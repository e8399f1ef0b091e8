import { describe, expect, it } from "vitest";
import { crossSiteSubmissionForRemix, requireSameOrigin } from "./csrf.server";

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

  it("refuses a request without Origin whose Fetch Metadata says another site", () => {
    expect(refusal(post({ "Sec-Fetch-Site": "cross-site" }))).toBe(403);
    // Same site, other origin: the public site next door. SameSite cookies don't stop it.
    expect(refusal(post({ "Sec-Fetch-Site": "same-site" }))).toBe(403);
  });

  it("accepts a request without Origin from the admin itself or typed by the user", () => {
    expect(refusal(post({ "Sec-Fetch-Site": "same-origin" }))).toBeNull();
    expect(refusal(post({ "Sec-Fetch-Site": "none" }))).toBeNull();
  });
});

describe("crossSiteSubmissionForRemix", () => {
  it("hands a cross-site POST to Remix without Origin or body, marked cross-site", () => {
    const request = new Request("http://admin.example:3001/settings", {
      method: "POST",
      headers: { Origin: "https://evil.example", Cookie: "a=b" },
      body: "name=Hijacked",
    });
    const forRemix = crossSiteSubmissionForRemix(request);
    expect(forRemix.method).toBe("POST");
    expect(forRemix.url).toBe(request.url);
    expect(forRemix.headers.get("Origin")).toBeNull();
    expect(forRemix.headers.get("Sec-Fetch-Site")).toBe("cross-site");
    expect(forRemix.headers.get("Cookie")).toBe("a=b");
    expect(forRemix.body).toBeNull();
    expect(refusal(forRemix)).toBe(403);
  });

  it("leaves every other request as it is", () => {
    const own = post({ Origin: "http://admin.example:3001" });
    expect(crossSiteSubmissionForRemix(own)).toBe(own);
    const get = new Request("http://admin.example:3001/", {
      headers: { "Sec-Fetch-Site": "cross-site" },
    });
    expect(crossSiteSubmissionForRemix(get)).toBe(get);
  });
});
