import type { Page } from "@playwright/test";
import { apiUrl } from "../environment";
import { seriousAccessibilityViolations } from "./accessibility";
import { signInAsOwner } from "./admin-clinic";
import { expect, test } from "./fixtures";

/** Issue 15: the owner makes an API key, sees it once, an integration uses it, and it is revoked. */

async function expectAccessible(page: Page) {
  expect(await seriousAccessibilityViolations(page), `axe on ${page.url()}`).toEqual([]);
}

test("the owner makes an API key, sees it once, and revokes it", async ({
  page,
  browser,
  context,
}) => {
  test.setTimeout(180_000);
  await signInAsOwner(browser, context);
  await page.goto("/");
  await page.getByRole("navigation").getByRole("link", { name: "API keys" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("API keys");
  await expectAccessible(page);

  const name = `Booking sync ${Date.now().toString(36)}`;
  const form = page.getByRole("region", { name: "Make a key" });
  // A practitioner key without its practitioner: the error sits by the field, the name is kept.
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Role").selectOption({ label: "Practitioner" });
  await form.getByRole("button", { name: "Make key" }).click();
  await expect(form.getByText("Choose the practitioner a practitioner key acts for")).toBeVisible();
  await expect(form.getByLabel("Name")).toHaveValue(name);
  await expectAccessible(page);

  await form.getByLabel("Role").selectOption({ label: "Front desk" });
  await form.getByLabel("Expires").selectOption({ label: "In 30 days" });
  await form.getByRole("button", { name: "Make key" }).click();

  const shown = page.getByLabel("API key");
  await expect(page.getByText("it is shown only this once")).toBeVisible();
  const key = await shown.inputValue();
  expect(key).toMatch(/^ck_[A-Za-z0-9]{8}_[\w-]{43}$/);
  await expectAccessible(page);

  // The integration calls the API with it.
  const headers = { authorization: `Bearer ${key}` };
  const used = await page.request.get(`${apiUrl}/api/v1/staff/services`, { headers });
  expect(used.status()).toBe(200);

  // Shown once: the page after a reload has its prefix and last use, never the key.
  await page.goto("/api-keys");
  await expect(page.getByLabel("API key")).toHaveCount(0);
  expect(await page.content()).not.toContain(key);
  const row = page.getByRole("row", { name: new RegExp(name) });
  await expect(row).toContainText(key.slice(0, 11));
  await expect(row).toContainText("Front desk");
  await expect(row).toContainText("Active");
  await expect(row).not.toContainText("Never");

  await row.getByRole("button", { name: `Revoke ${name}` }).click();
  await expect(page.getByText("API key revoked")).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(name) })).toContainText("Revoked");
  await expectAccessible(page);

  const refused = await page.request.get(`${apiUrl}/api/v1/staff/services`, { headers });
  expect(refused.status()).toBe(401);
  expect(refused.headers()["content-type"]).toContain("application/problem+json");
});

test("the API's reference page is served by the API, under its CSP", async ({ page }) => {
  const response = await page.goto(`${apiUrl}/api/docs`);
  expect(response?.status()).toBe(200);
  expect(response?.headers()["content-security-policy"]).toContain("default-src 'none'");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Clinic API");
  await expect(page.getByRole("link", { name: "/api/v1/openapi.json" })).toBeVisible();
  await expectAccessible(page);
});
