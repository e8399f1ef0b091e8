import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { webUrl } from "../environment";
import { seriousAccessibilityViolations } from "./accessibility";
import { clinicClock, createStaffAccount, ownerApi, signIn, signInAsOwner } from "./admin-clinic";
import { expect, test } from "./fixtures";

/**
 * What a clinic notices on day one: a practitioner's calendar feed made, copied and replaced;
 * the Emails page showing a booking's confirmation; and the demo's testimonial published twice,
 * unpublished from moderation.
 */

const DAY_MS = 86_400_000;

async function expectAccessible(page: Page) {
  expect(await seriousAccessibilityViolations(page), `axe on ${page.url()}`).toEqual([]);
}

/**
 * Axe on an email's page, around the framed message: the frame runs no scripts (its sandbox),
 * so axe can't be injected there, and the message is the patient's email, not the admin's page.
 */
async function expectAccessibleAroundFrame(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .exclude("iframe.email-frame")
    .options({ resultTypes: ["violations"] })
    .analyze();
  const serious = results.violations.filter(
    (violation) => violation.impact === "serious" || violation.impact === "critical",
  );
  expect(serious.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
}

test("the front desk makes Joey's calendar feed, copies it, and replaces it", async ({
  page,
  context,
}) => {
  test.setTimeout(180_000);
  const owner = await ownerApi();
  const joey = (await owner.practitioners.staffList.query()).find((p) => p.slug === "joey-lee");
  if (!joey) throw new Error("The demo clinic should have Joey Lee");
  const frontDesk = await createStaffAccount(owner, "front_desk", { name: "Fern Feeds" });
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);

  await signIn(page, frontDesk);
  await page.goto(`/practitioners/${joey.id}`);
  const panel = page.getByRole("region", { name: "Calendar feed" });
  await expect(panel).toContainText("No feed yet.");
  await expectAccessible(page);
  await panel.getByRole("button", { name: "Create a calendar feed" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Calendar feed: Joey Lee");
  const address = page.getByLabel("Subscription address");
  const first = await address.inputValue();
  expect(first).toMatch(
    new RegExp(`^${webUrl.replace(/[.]/g, "\\.")}/calendar/practitioners/[\\w-]{43}\\.ics$`),
  );
  await expect(page.getByRole("link", { name: /webcal/ })).toHaveAttribute(
    "href",
    first.replace(/^http:/, "webcal:"),
  );
  await expect(page.getByText("Google Calendar")).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("button", { name: "Copy address" }).click();
  await expect(page.getByText("Copied.")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(first);

  const served = await page.request.get(first);
  expect(served.status()).toBe(200);
  expect(served.headers()["content-type"]).toMatch(/^text\/calendar/);
  expect(await served.text()).toContain("BEGIN:VCALENDAR");

  // Replace it: a new address, and the old one stops working.
  await page.getByRole("button", { name: /Make a new address/ }).click();
  await expect(address).not.toHaveValue(first);
  const second = await address.inputValue();
  expect((await page.request.get(first)).status()).toBe(404);
  const renewed = await page.request.get(second);
  expect(renewed.status()).toBe(200);
  expect(renewed.headers()["content-type"]).toMatch(/^text\/calendar/);

  // Back on Joey's page: the feed is on, its address no longer shown.
  await page.goto(`/practitioners/${joey.id}`);
  await expect(page.getByRole("region", { name: "Calendar feed" })).toContainText("A feed is on.");
  await expect(page.getByText(second)).toHaveCount(0);
});

test("a practitioner makes their own feed from their account, without JavaScript", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const owner = await ownerApi();
  const jason = (await owner.practitioners.staffList.query()).find((p) => p.slug === "jason-lee");
  if (!jason) throw new Error("The demo clinic should have Jason Lee");
  const account = await createStaffAccount(owner, "practitioner", {
    name: "Jason Lee",
    practitionerId: jason.id,
  });
  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await signIn(page, account);
    await page.goto("/account");
    await page
      .getByRole("region", { name: "Calendar feed" })
      .getByRole("button", { name: /Create a calendar feed|Make a new address/ })
      .click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Calendar feed");
    const address = await page.getByLabel("Subscription address").inputValue();
    expect(address).toMatch(/\/calendar\/practitioners\/[\w-]{43}\.ics$/);
    // No copy button without JavaScript: the address is there to select.
    await expect(page.getByRole("button", { name: "Copy address" })).toHaveCount(0);
    expect((await page.request.get(address)).status()).toBe(200);
    // Someone else's feed is not theirs to manage.
    const joey = (await owner.practitioners.staffList.query()).find((p) => p.slug === "joey-lee");
    const refused = await page.goto(`/calendar-feed/${joey!.id}`);
    expect(refused?.status()).toBe(403);
  } finally {
    await context.close();
  }
});

test("the Emails page shows a booking's confirmation, and opens it", async ({ page }) => {
  test.setTimeout(180_000);
  const owner = await ownerApi();
  const tag = Date.now().toString(36);
  const patient = {
    name: `Mail Reader ${tag}`,
    email: `mail-${tag}@example.com`,
    phone: "0412 555 077",
  };
  const service = (await owner.services.list.query()).find(
    (s) => s.slug === "follow-up-adjustment",
  );
  const jason = service?.practitioners.find((p) => p.slug === "jason-lee");
  if (!service || !jason) throw new Error("Jason Lee should offer the follow-up adjustment");
  const free = await owner.bookings.availability.query({
    serviceId: service.id,
    practitionerId: jason.id,
    from: clinicClock(new Date(Date.now() + 52 * DAY_MS)).date,
    to: clinicClock(new Date(Date.now() + 62 * DAY_MS)).date,
  });
  const slot = free.days.at(-2)?.slots.at(1);
  if (!slot) throw new Error("Jason should have free times eight weeks ahead");
  await owner.bookings.createForPatient.mutate({
    serviceId: service.id,
    practitionerId: jason.id,
    start: slot.start,
    patient,
    notes: "",
  });

  const frontDesk = await createStaffAccount(owner, "front_desk", { name: "Mila Mail" });
  await signIn(page, frontDesk);
  await page.getByRole("link", { name: "Messages", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Messages");
  await page.getByLabel("Kind").selectOption({ label: "Booking confirmation" });
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/kind=booking\.confirmation/);
  const row = page.getByRole("row").filter({ hasText: patient.email });
  await expect(row).toHaveCount(1);
  await expectAccessible(page);

  // Its reminder waits for the day before, with its time shown.
  await page.goto("/emails?kind=booking.reminder");
  await expect(
    page
      .getByRole("row")
      .filter({ hasText: patient.email })
      .getByText(/Goes out/),
  ).toBeVisible();

  await page.goto("/emails?kind=booking.confirmation");
  await page.getByRole("row").filter({ hasText: patient.email }).getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("is confirmed");
  await expect(page.getByText(`To ${patient.email}`)).toBeVisible();
  await expect(page.getByText("appointment.ics")).toBeVisible();
  // The message as sent, in its sandboxed frame, with the patient's manage link.
  const frame = page.frameLocator("iframe.email-frame");
  await expect(
    frame.getByRole("link", { name: "Reschedule or cancel your appointment" }),
  ).toBeVisible();
  await expect(page.locator("pre a[href*='/manage/']").first()).toBeVisible();
  await expectAccessibleAroundFrame(page);
});

test("moderation lists the demo's testimonial published twice, and unpublishes the copy", async ({
  browser,
  page,
}) => {
  test.setTimeout(180_000);
  await signInAsOwner(browser, page.context());
  await page.goto("/reviews");
  const twice = page.getByRole("region", { name: "Published twice" });
  await expect(twice).toContainText("The same text as Rebecca Hall's review");
  await expect(twice).toContainText("Chris Morgan");
  await expectAccessible(page);

  await twice.getByRole("button", { name: "Unpublish Chris Morgan's review" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Review unpublished" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Published twice" })).toHaveCount(0);

  // The site's stored page goes once it sees the API's content version change (decision 016).
  const site = await page.context().newPage();
  await expect(async () => {
    await site.goto(`${webUrl}/testimonials`);
    await expect(site.getByText("Rebecca Hall")).toBeVisible({ timeout: 1_000 });
    await expect(site.getByText("Chris Morgan")).toHaveCount(0, { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await site.close();
});
