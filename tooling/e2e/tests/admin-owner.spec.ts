import type { Page } from "@playwright/test";
import { webUrl } from "../environment";
import { seriousAccessibilityViolations } from "./accessibility";
import { ownerApi, signInAsOwner } from "./admin-clinic";
import { expect, test } from "./fixtures";

/**
 * The owner's admin areas: moderation reaching the public site, the enquiry inbox, the booking
 * policy, and the audit log that records all of it. Uses seeded records no other spec changes
 * (Marco Rossi's pending review, Nadia Karim's new enquiry). Every test starts signed in as the
 * owner.
 */

async function expectNoSeriousViolations(page: Page) {
  expect(await seriousAccessibilityViolations(page), `axe on ${page.url()}`).toEqual([]);
}

test.describe("the owner's admin areas", () => {
  test.beforeEach(({ browser, context }) => signInAsOwner(browser, context));

  test("approve a review, close an enquiry, change the cancellation window, and find it all in the audit log", async ({
    page,
  }) => {
    test.setTimeout(300_000);
    const owner = await ownerApi();
    const before = (await owner.settings.staffGet.query()).bookingPolicy.cancellationWindowHours;
    // One hour more than now: a small change, so booking specs running alongside are unaffected.
    const after = before + 1;
    const pending = (await owner.reviews.queue.query({ status: "pending" })).items.find(
      (review) => review.authorName === "Marco Rossi",
    );
    expect(pending, "the seeded pending review").toBeDefined();

    try {
      // 1. Approve Marco's review: it leaves the queue and appears on the public site.
      await page.goto("/reviews");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Reviews");
      const review = page.getByRole("article", { name: /Marco Rossi/ });
      await expect(review).toContainText(pending!.body);
      await expectNoSeriousViolations(page);
      await review.getByRole("button", { name: "Approve review by Marco Rossi" }).click();
      await expect(page.getByRole("status").filter({ hasText: "Review approved" })).toBeVisible();
      await expect(page.getByRole("article", { name: /Marco Rossi/ })).toHaveCount(0);

      // The site's stored page goes once it sees the API's content version change (decision 016).
      const site = await page.context().newPage();
      await expect(async () => {
        await site.goto(`${webUrl}/testimonials`);
        await expect(site.getByText(pending!.body)).toBeVisible({ timeout: 1_000 });
      }).toPass({ timeout: 20_000 });
      await site.close();

      // 2. Close Nadia's enquiry from the inbox.
      await page.goto("/enquiries?status=new");
      await expectNoSeriousViolations(page);
      await page.getByRole("link", { name: "Nadia Karim" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Enquiry from Nadia Karim");
      await expectNoSeriousViolations(page);
      await page.getByRole("button", { name: "Close enquiry" }).click();
      await expect(page.getByRole("status").filter({ hasText: "Enquiry closed." })).toBeVisible();
      await expect(page.getByText("Closed", { exact: true })).toBeVisible();
      await page.goto("/enquiries?status=closed");
      await expect(page.getByRole("link", { name: "Nadia Karim" })).toBeVisible();

      // 3. Change the cancellation window.
      await page.goto("/settings");
      await expectNoSeriousViolations(page);
      const windowField = page.getByLabel("Cancellation window (hours)");
      await expect(windowField).toHaveValue(String(before));
      await windowField.fill(String(after));
      await page.getByRole("button", { name: "Save settings" }).click();
      await expect(page.getByRole("status").filter({ hasText: "Settings saved." })).toBeVisible();
      await expect(page.getByLabel("Cancellation window (hours)")).toHaveValue(String(after));
      expect((await owner.settings.get.query()).bookingPolicy.cancellationWindowHours).toBe(after);

      // 4. The audit log shows each change, by the owner, as before and after.
      await page.goto("/audit");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Audit log");
      await expectNoSeriousViolations(page);
      const rowOf = (action: string) =>
        page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: action }) });
      const settingsRow = rowOf("Settings updated").first();
      await expect(settingsRow).toContainText("Megan Hartley");
      await expect(
        settingsRow.getByRole("row", {
          name: `Booking policy › Cancellation window (hours) ${before} ${after}`,
        }),
      ).toBeVisible();
      await expect(
        rowOf("Enquiry status changed").first().getByRole("row", { name: "Status New Closed" }),
      ).toBeVisible();
      await expect(
        rowOf("Review approved").first().getByRole("row", { name: "Status Pending Approved" }),
      ).toBeVisible();

      // Filtering by area keeps only that area's entries.
      await page.getByLabel("Area", { exact: true }).selectOption({ label: "Settings" });
      await page.getByRole("button", { name: "Filter" }).click();
      await expect(page).toHaveURL(/area=settings/);
      await expect(rowOf("Settings updated").first()).toBeVisible();
      await expect(rowOf("Review approved")).toHaveCount(0);
    } finally {
      const current = await owner.settings.staffGet.query();
      await owner.settings.update.mutate({
        ...current,
        bookingPolicy: { ...current.bookingPolicy, cancellationWindowHours: before },
      });
    }
  });

  // Each page is checked by axe, which is slow on a busy machine: the walks get room to run.
  async function walk(page: Page, pages: [string, string][]) {
    for (const [path, heading] of pages) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 }), path).toHaveText(heading);
      await expectNoSeriousViolations(page);
    }
  }

  test("the practitioner and service pages pass axe, confirmation steps included", async ({
    page,
  }) => {
    test.setTimeout(300_000);
    const owner = await ownerApi();
    const [practitioner] = await owner.practitioners.staffList.query();
    const [service] = await owner.services.staffList.query();
    await walk(page, [
      ["/practitioners", "Practitioners"],
      ["/practitioners/new", "Add a practitioner"],
      [`/practitioners/${practitioner!.id}`, practitioner!.name],
      [`/practitioners/${practitioner!.id}?confirm=deactivate`, practitioner!.name],
      ["/services", "Services"],
      ["/services/new", "Add a service"],
      [`/services/${service!.id}`, service!.name],
    ]);
    await expect(page.getByLabel("Price")).toHaveValue(/^\d+\.\d{2}$/);
  });

  test("the staff, account and inbox pages pass axe", async ({ page }) => {
    test.setTimeout(300_000);
    const owner = await ownerApi();
    const [account] = await owner.staff.list.query();
    await walk(page, [
      ["/staff", "Staff"],
      ["/staff/new", "Add a staff account"],
      [`/staff/${account!.id}`, account!.name],
      ["/account", "My account"],
      ["/reviews?status=all", "Reviews"],
      ["/enquiries", "Enquiries"],
    ]);
  });

  test("the post pages pass axe, and the editor previews the body safely as you type", async ({
    page,
  }) => {
    test.setTimeout(300_000);
    const owner = await ownerApi();
    const {
      items: [post],
    } = await owner.posts.staffList.query({ page: 1, pageSize: 1 });
    await walk(page, [
      ["/posts", "Posts"],
      [`/posts/${post!.id}`, post!.title],
      ["/posts/new", "New post"],
    ]);
    await page
      .getByLabel("Body")
      .fill("## Warm up first\n\nJog for **five minutes**.<script>window.bad = 1</script>");
    const preview = page.getByRole("region", { name: "Preview" });
    await expect(preview.getByRole("heading", { name: "Warm up first" })).toBeVisible();
    await expect(preview.locator("strong")).toHaveText("five minutes");
    expect(await page.evaluate(() => (window as unknown as { bad?: number }).bad)).toBeUndefined();
    await expectNoSeriousViolations(page);
  });

  test("the settings form keeps what was typed and explains a value out of range", async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await page.goto("/settings");
    await page.getByLabel("Cancellation window (hours)").fill("9999");
    await page.getByRole("button", { name: "Save settings" }).click();
    const field = page.getByLabel("Cancellation window (hours)");
    await expect(field).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByText("At most two weeks")).toBeVisible();
    await expect(field).toHaveValue("9999");
    await expectNoSeriousViolations(page);
  });
});
