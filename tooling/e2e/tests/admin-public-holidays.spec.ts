import { seriousAccessibilityViolations } from "./accessibility";
import { ownerApi, signInAsOwner } from "./admin-clinic";
import { expect, test } from "./fixtures";

/**
 * The closures editor offers the region's public holidays (issue 13). Uses the last holiday of
 * the coming year, beyond any booking horizon, so the booking specs never meet it.
 */

test.describe("public holidays in the closures editor", () => {
  test.beforeEach(({ browser, context }) => signInAsOwner(browser, context));

  test("the owner closes a public holiday with one click; the settings name the region", async ({
    page,
  }) => {
    const owner = await ownerApi();
    const { region, holidays } = await owner.schedules.holidaySuggestions.query();
    expect(region).toBe("AU-NSW");
    // The demo accepted them all: reopen the last one to accept it again here.
    const last = holidays.at(-1)!;
    expect(last.closureId).not.toBeNull();
    await owner.schedules.removeClosure.mutate({ id: last.closureId! });

    await page.goto("/schedules");
    const panel = page.getByRole("region", { name: "Public holidays (AU-NSW)" });
    await expect(panel).toContainText("1 not closed yet");
    const row = panel.getByRole("row").filter({ hasText: last.name }).last();
    await row.getByRole("button", { name: `Close on ${last.name}` }).click();

    await expect(page.getByText("Public holiday closed.")).toBeVisible();
    await expect(panel).toContainText("Every one is a closure.");
    await expect(panel.getByRole("row").filter({ hasText: last.name }).last()).toContainText(
      "Closed",
    );
    const closures = await owner.schedules.listClosures.query({ includePast: false });
    expect(closures.filter((c) => c.startDate === last.startDate)).toEqual([
      expect.objectContaining({ reason: last.name }),
    ]);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // The region is a setting, checked against the holiday library.
    await page.goto("/settings");
    const field = page.getByLabel("Public holidays region");
    await expect(field).toHaveValue("AU-NSW");
    await field.fill("AU-XYZ");
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByText("We don't know the public holidays of that region")).toBeVisible();
    await expect(field).toHaveValue("AU-XYZ");
    expect((await owner.settings.staffGet.query()).holidayRegion).toBe("AU-NSW");
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });
});
