import { readFile } from "node:fs/promises";
import { seriousAccessibilityViolations } from "./accessibility";
import { createStaffAccount, ownerApi, signIn } from "./admin-clinic";
import { expect, test } from "./fixtures";

const BOM = [0xef, 0xbb, 0xbf];

/**
 * The front desk opens Reports from the menu (this month by default), sets a custom period
 * the wrong way round and sees the mistake by its field, picks a week instead, and downloads
 * the table as CSV; the page passes axe. Exact figures are the API tests' job: other specs
 * share this clinic's bookings.
 */
test("the front desk reads the practice report for a period and downloads it as CSV", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const owner = await ownerApi();
  const frontDesk = await createStaffAccount(owner, "front_desk", { name: "Rory Reports" });
  const practitioners = await owner.practitioners.staffList.query();
  const first = practitioners.find((p) => p.active) ?? practitioners[0];
  if (!first) throw new Error("The demo clinic should have a practitioner");

  await signIn(page, frontDesk);
  await page.getByRole("link", { name: "Reports", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Reports" })).toBeVisible();
  await expect(page.getByLabel("Period", { exact: true })).toHaveValue("month");
  const table = page.getByRole("region", { name: "By practitioner" });
  await expect(table.getByRole("rowheader", { name: first.name })).toBeVisible();
  await expect(table.getByRole("rowheader", { name: "All practitioners" })).toBeVisible();
  await expect(page.getByRole("figure", { name: "Utilisation (%)" })).toBeVisible();
  expect(await seriousAccessibilityViolations(page)).toEqual([]);

  // A custom period that ends before it starts: the message by the field, the dates kept.
  await page.getByLabel("Period", { exact: true }).selectOption("custom");
  await page
    .getByLabel("Day in the period (first day if custom)", { exact: true })
    .fill("2026-04-10");
  await page.getByLabel("Last day (custom only)", { exact: true }).fill("2026-04-01");
  await page.getByRole("button", { name: "Show report" }).click();
  const to = page.getByLabel("Last day (custom only)", { exact: true });
  await expect(to).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#report-to-error")).toHaveText("End on or after the first day");
  await expect(to).toHaveValue("2026-04-01");
  expect(await seriousAccessibilityViolations(page)).toEqual([]);

  // The week of 30 March 2026 (Sydney's clocks went back on its Sunday), for one practitioner.
  await page.getByLabel("Period", { exact: true }).selectOption("week");
  await page
    .getByLabel("Day in the period (first day if custom)", { exact: true })
    .fill("2026-04-02");
  await page.getByLabel("Practitioner", { exact: true }).selectOption({ label: first.name });
  await page.getByRole("button", { name: "Show report" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "Monday 30 March 2026 to Sunday 5 April 2026" }),
  ).toBeVisible();
  expect(new URL(page.url()).searchParams.get("period")).toBe("week");
  await expect(table.getByRole("rowheader", { name: first.name })).toBeVisible();
  await expect(table.getByRole("rowheader", { name: "All practitioners" })).toHaveCount(0);

  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download CSV" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("practice-report-2026-03-30-to-2026-04-05.csv");
  const bytes = await readFile((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual(BOM);
  const lines = bytes.subarray(3).toString("utf8").split("\r\n").filter(Boolean);
  expect(lines[0]).toMatch(/^Practitioner,From,To,Available hours,Booked hours,Utilisation %,/);
  expect(lines).toHaveLength(2);
  expect(lines[1]).toMatch(new RegExp(`^${first.name},2026-03-30,2026-04-05,`));
});
