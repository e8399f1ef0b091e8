import type { Page } from "@playwright/test";
import { adminUrl } from "../environment";
import { signInAsOwner } from "./admin-clinic";
import { expect, test } from "./fixtures";

/** Collects the browser's reports of anything the Content-Security-Policy blocked. */
function cspViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

test.describe("admin security", () => {
  test("the sign-in page carries the security headers, and its scripts the nonce", async ({
    page,
  }) => {
    const violations = cspViolations(page);
    const response = await page.goto("/sign-in");
    const headers = response!.headers();
    const policy = headers["content-security-policy"] ?? "";
    expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["permissions-policy"]).toContain("camera=()");
    expect(headers["cross-origin-opener-policy"]).toBe("same-origin");
    // The browser tests run the production build (over http, where browsers ignore it).
    expect(headers["strict-transport-security"]).toMatch(/^max-age=\d+/);
    const nonce = policy.match(/'nonce-([^']+)'/)?.[1];
    expect(await response!.text()).toContain(`<script nonce="${nonce}"`);
    // Hydrated: the form validates in the browser before anything is sent.
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
    expect(violations).toEqual([]);
  });

  test.describe("signed in", () => {
    test.beforeEach(({ browser, context }) => signInAsOwner(browser, context));

    test("every area runs under the policy, with client-side navigation", async ({ page }) => {
      test.setTimeout(120_000);
      const violations = cspViolations(page);
      for (const path of ["/", "/calendar", "/bookings/new", "/posts/new", "/settings"]) {
        const response = await page.goto(path);
        expect(response?.status(), path).toBe(200);
        expect(response?.headers()["content-security-policy"], path).toContain("'strict-dynamic'");
      }
      // A link followed by the client router (a data request, not a page load).
      await page.goto("/");
      const data = page.waitForResponse((r) => new URL(r.url()).pathname.endsWith(".data"));
      await page.getByRole("navigation").getByRole("link", { name: "Settings" }).click();
      expect((await data).headers()["x-content-type-options"]).toBe("nosniff");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Settings");
      expect(violations).toEqual([]);
    });

    test("a redirect target that normalises to another host stays on the admin", async ({
      page,
    }) => {
      const response = await page.request.get(
        "/sign-in?redirectTo=%2F..%2F%2Fevil.example%2Fphish",
        { maxRedirects: 0 },
      );
      expect(response.status()).toBe(302);
      const location = response.headers().location ?? "";
      expect(new URL(location, adminUrl).origin).toBe(adminUrl);
      expect(location.startsWith("//")).toBe(false);
    });

    test("another site can't sign the user out", async ({ page }) => {
      const refused = await page.request.post("/sign-out", {
        headers: { Origin: "https://evil.example", "Sec-Fetch-Site": "cross-site" },
        maxRedirects: 0,
      });
      expect(refused.status()).toBe(403);
      await page.goto("/");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Dashboard");
    });

    test("a form posted from another site gets the 403 page and changes nothing", async ({
      page,
    }) => {
      // Remix's own origin check would answer 500 with an empty body; the server hands the post
      // to the action's check instead (crossSiteSubmissionForRemix), which answers 403.
      const refused = await page.request.post("/settings", {
        headers: { Origin: "https://evil.example" },
        form: { intent: "save", name: "Hijacked clinic" },
        maxRedirects: 0,
      });
      expect(refused.status()).toBe(403);
      expect(await refused.text()).toContain("access");
      await page.goto("/settings");
      await expect(page.getByLabel("Clinic name")).not.toHaveValue("Hijacked clinic");
    });
  });
});
