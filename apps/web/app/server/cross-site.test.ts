import { describe, expect, it } from "vitest";
import { crossSiteRefusal } from "./cross-site";

const SITE = "http://127.0.0.1:3000";
const post = (headers: Record<string, string>, url = `${SITE}/contact`) =>
  new Request(url, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers },
    body: "name=Pat",
  });

describe("crossSiteRefusal", () => {
  it.each([
    ["another site's Origin", { Origin: "https://evil.example" }],
    ["another port of the same host", { Origin: "http://127.0.0.1:3001" }],
    ["Origin: null", { Origin: "null" }],
    ["no Origin, cross-site Fetch Metadata", { "Sec-Fetch-Site": "cross-site" }],
  ])("refuses a form sent from %s with a 403 page, never a 500", async (_label, headers) => {
    const refused = crossSiteRefusal(post(headers));
    expect(refused?.status).toBe(403);
    expect(refused?.headers.get("Content-Security-Policy")).toContain("default-src 'none'");
    expect(refused?.headers.get("Cache-Control")).toBe("no-store");
    expect(await refused?.text()).toContain("This form was sent from another site");
  });

  it.each([
    ["the site's own Origin", { Origin: SITE }],
    [
      "the host a proxy forwarded it for",
      { Origin: "https://westside.example", "X-Forwarded-Host": "westside.example" },
    ],
    ["no Origin, same-origin Fetch Metadata", { "Sec-Fetch-Site": "same-origin" }],
    ["neither (not a browser form)", {}],
  ])("lets a form sent with %s through to the site", (_label, headers) => {
    expect(crossSiteRefusal(post(headers))).toBeNull();
  });

  it("never refuses a page being read, wherever the link was", () => {
    const read = new Request(`${SITE}/contact`, {
      headers: { Origin: "https://evil.example", "Sec-Fetch-Site": "cross-site" },
    });
    expect(crossSiteRefusal(read)).toBeNull();
  });
});
