import { createApiClient } from "@clinic/api-client";
import { apiUrl, demoOwner } from "../environment";
import { seriousAccessibilityViolations } from "./accessibility";
import { expect, test } from "./fixtures";

async function signIn(page: import("@playwright/test").Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test.describe("admin sign-in", () => {
  test("the dashboard is unreachable when signed out", async ({ page, request }) => {
    const response = await request.get("/", { maxRedirects: 0 });
    expect(response.status()).toBeGreaterThanOrEqual(300);
    expect(response.status()).toBeLessThan(400);
    expect(new URL(response.headers().location ?? "", "http://x").pathname).toBe("/sign-in");

    await page.goto("/");
    await expect(page).toHaveURL(/\/sign-in$/);
    await expect(page.getByRole("heading", { name: "Dashboard" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  });

  test("the demo owner signs in and sees the dashboard with the database's counts", async ({
    page,
  }) => {
    // What the dashboard should say, asked of the API directly.
    const { token } = await createApiClient({ url: apiUrl }).auth.signIn.mutate(demoOwner);
    const staffApi = createApiClient({ url: apiUrl, sessionToken: token });

    await signIn(page, demoOwner.email, demoOwner.password);
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Dashboard");
    const labels = [
      ["Upcoming bookings", "upcomingBookings"],
      ["Pending reviews", "pendingReviews"],
      ["New enquiries", "newEnquiries"],
    ] as const;
    // Compared on a quiet moment: if another spec changes a count between the two reads, read again.
    await expect(async () => {
      const summary = await staffApi.dashboard.summary.query();
      await page.reload();
      for (const [label, key] of labels) {
        await expect(page.getByRole("listitem").filter({ hasText: label })).toHaveText(
          new RegExp(`${label}\\s*${summary[key]}(?!\\d)`),
          { timeout: 2_000 },
        );
      }
    }).toPass({ timeout: 60_000 });
    await staffApi.auth.signOut.mutate();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });

  test("a wrong password is refused and the typed email is kept", async ({ page }) => {
    await signIn(page, demoOwner.email, "not-the-password");
    await expect(page.getByRole("alert")).toContainText("Email or password is incorrect");
    await expect(page).toHaveURL(/\/sign-in$/);
    await expect(page.getByLabel("Email")).toHaveValue(demoOwner.email);
    await expect(page.getByRole("heading", { name: "Dashboard" })).toHaveCount(0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });

  test("after signing out the dashboard is unreachable again, even with the old cookie", async ({
    page,
    context,
  }) => {
    await signIn(page, demoOwner.email, demoOwner.password);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Dashboard");
    const signedInCookies = await context.cookies();
    expect(signedInCookies.length).toBeGreaterThan(0);

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    await page.goto("/");
    await expect(page).toHaveURL(/\/sign-in$/);

    // The session is revoked on the API, so replaying the old cookie doesn't sign anyone in.
    await context.clearCookies();
    await context.addCookies(signedInCookies);
    await page.goto("/");
    await expect(page).toHaveURL(/\/sign-in$/);
    await expect(page.getByRole("heading", { name: "Dashboard" })).toHaveCount(0);
  });
});
