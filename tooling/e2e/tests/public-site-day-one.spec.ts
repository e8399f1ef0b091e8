import type { Page } from "@playwright/test";
import { seriousAccessibilityViolations } from "./accessibility";
import { ownerApi } from "./admin-clinic";
import { api, expect, test } from "./fixtures";

/**
 * What a clinic notices on its first day (issue 13): public holidays closed in the booking
 * flow, opening hours on the site, the call to action under every post, the confirmation's
 * price and directions, and focus following the booking steps. The demo clinic has accepted
 * its first year's public holidays (AU-NSW), so the next Christmas Day is always closed.
 */

const ZONE = "Australia/Sydney";

/** `yyyy-MM-dd` in the clinic's zone, `days` from now. */
function clinicDate(days = 0): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: ZONE }).format(
    new Date(Date.now() + days * 86_400_000),
  );
}

/** The next Christmas Day in the clinic's zone, today included. */
function nextChristmas(): string {
  const today = clinicDate();
  const thisYear = `${today.slice(0, 4)}-12-25`;
  return today <= thisYear ? thisYear : `${Number(today.slice(0, 4)) + 1}-12-25`;
}

/**
 * Runs `body` with Christmas Day inside the online booking horizon: widened for the test when
 * it's further off than the clinic books (most of the year), and put back after.
 */
async function withChristmasBookable(body: (christmas: string) => Promise<void>) {
  const christmas = nextChristmas();
  const daysAhead = Math.round((Date.parse(christmas) - Date.parse(clinicDate())) / 86_400_000);
  const settings = await api.settings.get.query();
  if (daysAhead < settings.bookingPolicy.horizonDays) return body(christmas);
  const owner = await ownerApi();
  const current = await owner.settings.staffGet.query();
  await owner.settings.update.mutate({
    ...current,
    bookingPolicy: { ...current.bookingPolicy, horizonDays: 365 },
  });
  try {
    await body(christmas);
  } finally {
    await owner.settings.update.mutate(current);
  }
}

async function expectClosedOnChristmas(page: Page, christmas: string) {
  await page.goto(`/book/initial-assessment?practitioner=any&week=${christmas}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Choose a day and time");
  const day = page.getByRole("link", { name: /closed \(Christmas Day\)/ });
  await expect(day).toContainText("Closed");
  await day.click();
  await expect(page).toHaveURL(new RegExp(`day=${christmas}`));
  await expect(page.getByText("Closed: Christmas Day. Please choose another day.")).toBeVisible();
  await expect(page.getByText("There are no free times left on this day")).toHaveCount(0);
  await expect(page.locator(".slot-list")).toHaveCount(0);
}

test.describe("public holidays in the booking flow", () => {
  // One after the other: the horizon may be widened for a moment.
  test.describe.configure({ mode: "serial" });

  test("choosing Christmas Day says the clinic is closed, with JavaScript", async ({ page }) => {
    await withChristmasBookable(async (christmas) => {
      await expectClosedOnChristmas(page, christmas);
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
    });
  });

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });
    test("choosing Christmas Day says the clinic is closed", async ({ page }) => {
      await withChristmasBookable((christmas) => expectClosedOnChristmas(page, christmas));
    });
  });
});

test.describe("opening hours", () => {
  test("the contact page and the footer show the week's hours and whether it's open now", async ({
    page,
  }) => {
    const settings = await api.settings.get.query();
    const monday = settings.openingHours.find((h) => h.weekday === 1);
    expect(monday, "the demo clinic opens on Mondays").toBeTruthy();
    await page.goto("/contact");
    const card = page.locator("section", {
      has: page.getByRole("heading", { name: "Opening hours" }),
    });
    const contactHours = page.locator(".contact-layout").locator(card);
    await expect(contactHours.getByRole("term").filter({ hasText: "Monday" })).toBeVisible();
    await expect(contactHours.getByRole("term").filter({ hasText: "Sunday" })).toBeVisible();
    const state = /^(Open now until \d{1,2}:\d{2} [ap]m|Closed (now|today: .+)( · opens .+)?)$/;
    await expect(contactHours.getByTestId("open-now")).toHaveText(state);

    const footerHours = page.getByRole("contentinfo").locator(card);
    await expect(footerHours.getByRole("heading", { name: "Opening hours" })).toBeVisible();
    await expect(footerHours.getByTestId("open-now")).toHaveText(state);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // A page served from the site's cache still works it out when shown.
    await page.goto("/services");
    await page.goto("/services");
    await expect(page.getByRole("contentinfo").getByTestId("open-now")).toHaveText(state);
  });

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });
    test("the hours show, and no open-now claim a cached page could get wrong", async ({
      page,
    }) => {
      await page.goto("/contact");
      const footer = page.getByRole("contentinfo");
      await expect(footer.getByRole("heading", { name: "Opening hours" })).toBeVisible();
      await expect(footer.getByRole("term").filter({ hasText: "Monday" })).toBeVisible();
      await expect(footer.getByTestId("open-now")).toHaveText("");
    });
  });
});

test("every blog post ends with the booking call to action", async ({ page }) => {
  const { items } = await api.posts.list.query({ pageSize: 1 });
  const post = items[0]!;
  await page.goto(`/blog/${post.slug}`);
  const cta = page.locator("article + section.cta-band");
  await expect(cta.getByRole("heading", { level: 2 })).toHaveText(
    "Need chiropractic services? Book now!",
  );
  await expect(cta.getByRole("link", { name: "Book now" })).toHaveAttribute("href", "/book");
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
});

test.describe("booking steps with JavaScript", () => {
  test.describe.configure({ timeout: 180_000 });

  test("focus moves to each step's heading, which is announced; the confirmation shows price and directions", async ({
    page,
  }) => {
    await page.goto("/book");
    const h1 = page.getByRole("heading", { level: 1 });
    await expect(h1).toHaveText("Choose a treatment");
    // The first load leaves focus where the browser puts it.
    await expect(h1).not.toBeFocused();
    const announcer = page.getByTestId("page-announcer");

    await page.getByRole("link", { name: "Follow-up Adjustment" }).click();
    await expect(h1).toHaveText("Who would you like to see?");
    await expect(h1).toBeFocused();
    await expect(announcer).toHaveText("Who would you like to see?");

    await page.getByRole("link", { name: "First available" }).click();
    await expect(h1).toHaveText("Choose a day and time");
    await expect(h1).toBeFocused();
    await expect(announcer).toHaveText("Choose a day and time");

    // Moving between days keeps the step (and its heading): focus stays on the day chosen.
    const freeDays = page.locator(".day-strip a.day--free");
    await expect(freeDays.first()).toBeVisible();
    if ((await freeDays.count()) > 1) {
      const other = freeDays.nth(1);
      const href = (await other.getAttribute("href")) ?? "";
      await other.click();
      await page.waitForURL((url) => `${url.pathname}${url.search}` === href);
      await expect(page.locator(`.day-strip a[href="${href}"]`)).toHaveAttribute(
        "aria-current",
        "date",
      );
      await expect(h1).not.toBeFocused();
    }

    const time = page.getByRole("link", { name: /^\d{1,2}:\d{2} [ap]m [A-Z]{3,5}$/ }).first();
    await time.click();
    await expect(h1).toHaveText("Your details");
    await expect(h1).toBeFocused();

    const id = Date.now().toString(36);
    await page.getByLabel("Full name", { exact: true }).fill(`Patient focus-${id}`);
    await page.getByLabel("Email", { exact: true }).fill(`focus-${id}@example.com`);
    await page.getByLabel("Phone", { exact: true }).fill("0412 345 678");
    await page.getByRole("checkbox", { name: /may contact me/ }).check();
    await page.getByRole("button", { name: "Confirm booking" }).click();

    await expect(h1).toHaveText("You're booked");
    await expect(h1).toBeFocused();
    const service = await api.services.bySlug.query({ slug: "follow-up-adjustment" });
    const price = new Intl.NumberFormat("en-AU", { style: "currency", currency: "AUD" }).format(
      service.priceCents / 100,
    );
    const facts = page.locator(".booking-summary");
    await expect(facts.getByRole("definition").filter({ hasText: price })).toBeVisible();
    await expect(facts).toContainText("112 Norton Street");
    const directions = facts.getByRole("link", { name: "Get directions" });
    await expect(directions).toHaveAttribute(
      "href",
      /^https:\/\/www\.google\.com\/maps\/dir\/\?api=1&destination=.*Norton/,
    );
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });
});

test("submit buttons use the page's font, as button links do", async ({ page }) => {
  await page.goto("/testimonials");
  const fontOf = (selector: string) =>
    page
      .locator(selector)
      .first()
      .evaluate((el) => {
        const style = getComputedStyle(el);
        return `${style.fontSize} ${style.fontFamily}`;
      });
  const body = await fontOf("body");
  expect(await fontOf("button.button")).toBe(body);
  await page.goto("/contact");
  expect(await fontOf("button.button")).toBe(body);
});
