import { demoOwner } from "../environment";
import { seriousAccessibilityViolations } from "./accessibility";
import { createStaffAccount, ownerApi, signIn } from "./admin-clinic";
import { expect, test } from "./fixtures";

/**
 * Pages a role may not open answer 403 with a page that says so (not "Something went
 * wrong"), inside the admin shell, with the way back to the dashboard; a record that doesn't
 * exist answers 404 the same way.
 */

test("a front-desk account opening the owner's pages is told it has no access", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const owner = await ownerApi();
  const frontDesk = await createStaffAccount(owner, "front_desk", { name: "Fran Desk" });
  await signIn(page, frontDesk);

  for (const [path, area] of [
    ["/settings", "Settings"],
    ["/audit", "Audit log"],
    ["/api-keys", "API keys"],
  ] as const) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("You don't have access");
    await expect(page.getByText("Your role doesn't allow this page")).toBeVisible();
    await expect(page).toHaveTitle(/^You don't have access/);
    // Still inside the admin, with the way back; the menu never offered the page.
    const menu = page.getByRole("navigation", { name: "Admin areas" });
    await expect(menu.getByRole("link", { name: area, exact: true })).toHaveCount(0);
    await page.getByRole("link", { name: "Go to the dashboard" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Dashboard");
  }
  await page.goto("/settings");
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
});

test("a record that doesn't exist is a 404 page, not an error", async ({ page }) => {
  await signIn(page, demoOwner);
  for (const path of [
    "/bookings/not-a-booking",
    "/practitioners/00000000-0000-4000-8000-000000000000",
  ]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
    await expect(page).toHaveTitle(/^Page not found/);
  }
});
