import type { Browser, Locator, Page } from "@playwright/test";
import { webUrl } from "../environment";
import { seriousAccessibilityViolations } from "./accessibility";
import { api, expect, test } from "./fixtures";

/**
 * The online booking flow and the manage pages, against the seeded demo clinic. Nothing here
 * depends on today's date: each test books the first free time the page offers, and tests that
 * change a booking create one far enough ahead to be changeable online.
 */

// Each test walks a whole multi-page flow (several of them for two visitors): more than the
// default 30 s on a busy machine. One after another, in one worker: several take the first
// free time of the same practitioner.
test.describe.configure({ mode: "default", timeout: 180_000 });

// A time button's name is its label, e.g. "9:30 am AEDT".
const TIME_LABEL = /^\d{1,2}:\d{2} [ap]m [A-Z]{3,5}$/;

interface Patient {
  name: string;
  email: string;
  phone: string;
  notes: string;
}

function patient(tag: string): Patient {
  const id = `${tag}-${Date.now().toString(36)}`;
  return {
    name: `Patient ${id}`,
    email: `${id}@example.com`,
    phone: "0412 345 678",
    notes: `Sore hamstring (${id})`,
  };
}

function dayLinks(page: Page): Locator {
  // Days with free times; a closed day is a link too, to say why it is closed.
  return page.locator(".day-strip a.day--free");
}

function timeLinks(page: Page): Locator {
  return page.getByRole("link", { name: TIME_LABEL });
}

/**
 * Clicks a link and waits until the page is at its address and shows it (with or without
 * JavaScript). The address changes before React paints the new page, so the wait ends only
 * when no link to that address is left unmarked: a day link becomes `aria-current`, a week
 * link gives way to the next week's.
 */
async function follow(page: Page, link: Locator) {
  const href = (await link.getAttribute("href")) ?? "";
  await link.click();
  await page.waitForURL((url) => `${url.pathname}${url.search}` === href);
  await page.waitForFunction(
    (target) =>
      [...document.querySelectorAll("a")].every(
        (a) => a.getAttribute("href") !== target || a.hasAttribute("aria-current"),
      ),
    href,
  );
}

/** `yyyy-MM-dd` in the clinic's zone, `days` from now. */
function clinicDate(days: number): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Australia/Sydney" }).format(
    new Date(Date.now() + days * 86_400_000),
  );
}

/**
 * Opens the first day with free times (on or after `notBefore`, moving on a week when needed)
 * and returns its date and the first time offered.
 */
async function pickFirstFreeDay(
  page: Page,
  notBefore = "0000-01-01",
): Promise<{ day: string; firstTime: Locator }> {
  for (let week = 0; week < 6; week++) {
    const hrefs = await dayLinks(page).evaluateAll((links) =>
      links.map((link) => link.getAttribute("href") ?? ""),
    );
    const href = hrefs.find(
      (h) => (new URL(h, "http://x").searchParams.get("day") ?? "") >= notBefore,
    );
    if (href) {
      await follow(page, page.locator(`.day-strip a[href="${href}"]`));
      const day = new URL(href, "http://x").searchParams.get("day") ?? "";
      const firstTime = timeLinks(page).first();
      await expect(firstTime).toBeVisible();
      return { day, firstTime };
    }
    await follow(page, page.getByRole("link", { name: "Next week" }));
  }
  throw new Error("No free day in the next six weeks");
}

async function fillDetails(page: Page, details: Patient) {
  await page.getByLabel("Full name", { exact: true }).fill(details.name);
  await page.getByLabel("Email", { exact: true }).fill(details.email);
  await page.getByLabel("Phone", { exact: true }).fill(details.phone);
  await page.getByLabel("Notes (optional)", { exact: true }).fill(details.notes);
  await page.getByRole("checkbox", { name: /may contact me/ }).check();
}

async function expectBooked(page: Page, details: Patient, timeLabel: string) {
  await expect(page).toHaveURL(/\/manage\/[A-Za-z0-9_-]{32,}\?booked=1$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("You're booked");
  await expect(page.getByText("Step 5 of 5")).toBeVisible();
  await expect(page.getByRole("definition").filter({ hasText: timeLabel })).toBeVisible();
  await expect(page.getByText(details.email).first()).toBeVisible();
  const token = new URL(page.url()).pathname.split("/")[2] ?? "";
  await expect(page.getByRole("link", { name: "Add to calendar" })).toHaveAttribute(
    "href",
    `/manage/${token}/calendar.ics`,
  );
  await expect(page.getByRole("link", { name: `${webUrl}/manage/${token}` })).toBeVisible();
  const calendar = await page.request.get(`/manage/${token}/calendar.ics`);
  expect(calendar.headers()["content-type"]).toContain("text/calendar");
  expect(await calendar.text()).toContain("BEGIN:VEVENT");
  // Personal pages: never cached, and the token never leaves in a Referer header.
  await expect(page.locator('meta[name="referrer"]')).toHaveAttribute("content", "same-origin");
  return token;
}

/** Times offered to a new visitor for a practitioner on a day. */
async function timesSeenByNextVisitor(browser: Browser, path: string): Promise<string[]> {
  const context = await browser.newContext({ baseURL: webUrl });
  try {
    const page = await context.newPage();
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Choose a day and time");
    return await timeLinks(page).allTextContents();
  } finally {
    await context.close();
  }
}

/** A time a patient could book for a service and practitioner, far enough ahead to change online. */
async function changeableSlot(serviceSlug: string, practitionerSlug: string) {
  const [service, settings] = await Promise.all([
    api.services.bySlug.query({ slug: serviceSlug }),
    api.settings.get.query(),
  ]);
  const practitioner = service.practitioners.find((p) => p.slug === practitionerSlug);
  if (!practitioner) throw new Error(`${practitionerSlug} doesn't offer ${serviceSlug}`);
  const earliest = Date.now() + (settings.bookingPolicy.cancellationWindowHours + 2) * 3_600_000;
  const { days } = await api.availability.slots.query({
    serviceId: service.id,
    practitionerId: practitioner.id,
    from: clinicDate(0),
    to: clinicDate(30),
  });
  const slot = days.flatMap((d) => d.slots).find((s) => s.start.getTime() > earliest);
  if (!slot) throw new Error("No changeable time in the next 30 days");
  return { service, practitioner, start: slot.start };
}

test.describe("booking online with JavaScript", () => {
  test("a patient books through every step, and the time is gone for the next visitor", async ({
    page,
    browser,
  }) => {
    const details = patient("js");
    await page.goto("/");
    await page.getByRole("banner").getByRole("link", { name: "Book Now" }).click();

    await expect(page).toHaveURL(/\/book$/);
    await expect(page.getByText("Step 1 of 5")).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Choose a treatment");
    await page.getByRole("link", { name: "Initial Assessment & Treatment" }).click();

    await expect(page.getByText("Step 2 of 5")).toBeVisible();
    await page.getByRole("link", { name: "Jason Lee", exact: true }).click();

    await expect(page.getByText("Step 3 of 5")).toBeVisible();
    await expect(page).toHaveURL(/\/book\/initial-assessment\?practitioner=jason-lee$/);
    // Moving between days and weeks happens in place, without loading a new document.
    await page.evaluate(() => {
      (window as unknown as { bookingMarker: string }).bookingMarker = "same document";
    });
    const nextWeek = page.getByRole("link", { name: "Next week" });
    if (await nextWeek.isVisible()) {
      await follow(page, nextWeek);
      await follow(page, page.getByRole("link", { name: "Previous week" }));
    }
    const { day, firstTime } = await pickFirstFreeDay(page);
    expect(
      await page.evaluate(() => (window as unknown as { bookingMarker?: string }).bookingMarker),
    ).toBe("same document");
    await expect(page.locator(".day-strip [aria-current='date']")).toHaveCount(1);

    const timeLabel = (await firstTime.textContent()) ?? "";
    expect(timeLabel).toMatch(TIME_LABEL);
    await firstTime.click();

    await expect(page.getByText("Step 4 of 5")).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your details");
    await expect(page.getByRole("complementary")).toContainText(timeLabel);
    await expect(page.getByRole("complementary")).toContainText("Jason Lee");
    await fillDetails(page, details);
    await page.getByRole("button", { name: "Confirm booking" }).click();

    const token = await expectBooked(page, details, timeLabel);
    const booking = await api.bookings.byToken.query({ token });
    expect(booking.status).toBe("confirmed");
    expect(booking.practitioner.slug).toBe("jason-lee");
    expect(booking.patient.email).toBe(details.email);
    expect(booking.notes).toBe(details.notes);

    const nextVisitor = await timesSeenByNextVisitor(
      browser,
      `/book/initial-assessment?practitioner=jason-lee&day=${day}`,
    );
    expect(nextVisitor).not.toContain(timeLabel);
  });

  test("a taken time sends the patient back to the time picker with their details kept", async ({
    page,
    browser,
  }) => {
    // Two visitors open the same time; the first to confirm gets it.
    await page.goto("/book/sports-massage?practitioner=joey-lee");
    const { day, firstTime } = await pickFirstFreeDay(page);
    const timeLabel = (await firstTime.textContent()) ?? "";
    await firstTime.click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your details");
    const detailsUrl = page.url();

    const rivalContext = await browser.newContext({ baseURL: webUrl });
    try {
      const rival = await rivalContext.newPage();
      await rival.goto(detailsUrl);
      await fillDetails(rival, patient("rival"));
      await rival.getByRole("button", { name: "Confirm booking" }).click();
      await expect(rival.getByRole("heading", { level: 1 })).toHaveText("You're booked");
    } finally {
      await rivalContext.close();
    }

    const details = patient("late");
    await fillDetails(page, details);
    await page.getByRole("button", { name: "Confirm booking" }).click();

    await expect(page.getByRole("alert")).toContainText("That time was just taken");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Choose a day and time");
    await expect(page).toHaveURL(new RegExp(`[?&]day=${day}`));
    await expect(timeLinks(page).filter({ hasText: timeLabel })).toHaveCount(0);

    // The next time they pick, their details are already filled in.
    await timeLinks(page).first().click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your details");
    await expect(page.getByLabel("Full name", { exact: true })).toHaveValue(details.name);
    await expect(page.getByLabel("Email", { exact: true })).toHaveValue(details.email);
    await expect(page.getByLabel("Phone", { exact: true })).toHaveValue(details.phone);
    await expect(page.getByLabel("Notes (optional)", { exact: true })).toHaveValue(details.notes);
    await expect(page.getByRole("checkbox", { name: /may contact me/ })).toBeChecked();
  });

  test("a patient reschedules and then cancels through the manage link, and the time comes back", async ({
    page,
    browser,
  }) => {
    const { service, practitioner, start } = await changeableSlot(
      "running-assessment",
      "jason-lee",
    );
    const { manageToken } = await api.bookings.create.mutate({
      serviceId: service.id,
      practitionerId: practitioner.id,
      start,
      patient: {
        name: "Rita Reschedule",
        email: `rita-${Date.now()}@example.com`,
        phone: "0400 000 000",
      },
      idempotencyKey: `e2e-reschedule-${Date.now()}`,
    });

    const response = await page.goto(`/manage/${manageToken}`);
    expect(response?.headers()["cache-control"]).toBe("no-store");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your appointment");
    await expect(page.getByText("Confirmed", { exact: true })).toBeVisible();

    await page.getByRole("link", { name: "Change the time" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      "Change your appointment time",
    );
    // Two days ahead at least, so the new time is still outside the cancellation window.
    const { day, firstTime } = await pickFirstFreeDay(page, clinicDate(2));
    const newLabel = (await firstTime.textContent()) ?? "";
    await firstTime.click();
    await expect(page.getByRole("heading", { name: `Move your appointment to` })).toContainText(
      newLabel,
    );
    await page.getByRole("button", { name: "Confirm new time" }).click();

    await expect(page).toHaveURL(new RegExp(`/manage/${manageToken}\\?rescheduled=1$`));
    await expect(page.getByRole("status")).toContainText("has been moved to");
    await expect(page.getByRole("definition").filter({ hasText: newLabel })).toBeVisible();
    const moved = await api.bookings.byToken.query({ token: manageToken });
    expect(moved.startsAt.getTime()).not.toBe(start.getTime());

    const picker = `/book/running-assessment?practitioner=jason-lee&day=${day}`;
    expect(await timesSeenByNextVisitor(browser, picker)).not.toContain(newLabel);

    await page.getByRole("link", { name: "Cancel appointment" }).click();
    await page.getByLabel("Reason (optional)").fill("Feeling better already");
    await page.getByRole("button", { name: "Yes, cancel my appointment" }).click();

    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Appointment cancelled");
    await expect(page.getByText("Cancelled", { exact: true })).toBeVisible();
    await expect(page.getByText("Feeling better already")).toBeVisible();
    expect((await api.bookings.byToken.query({ token: manageToken })).status).toBe("cancelled");
    expect(await timesSeenByNextVisitor(browser, picker)).toContain(newLabel);
  });

  test("the booking steps pass the accessibility checks", async ({ page }) => {
    await page.goto("/book");
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.goto("/book/initial-assessment");
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.goto("/book/initial-assessment?practitioner=any");
    const { firstTime } = await pickFirstFreeDay(page);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await firstTime.click();
    await page.getByRole("button", { name: "Confirm booking" }).click();
    await expect(page.getByText("Enter your name")).toBeVisible();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });

  test("the manage pages pass the accessibility checks", async ({ page }) => {
    const { service, practitioner, start } = await changeableSlot(
      "follow-up-adjustment",
      "joey-lee",
    );
    const { manageToken } = await api.bookings.create.mutate({
      serviceId: service.id,
      practitionerId: practitioner.id,
      start,
      patient: {
        name: "Ally Checks",
        email: `ally-${Date.now()}@example.com`,
        phone: "0400 000 001",
      },
      idempotencyKey: `e2e-a11y-${Date.now()}`,
    });
    await page.goto(`/manage/${manageToken}?cancel=1`);
    await expect(page.getByRole("button", { name: "Yes, cancel my appointment" })).toBeVisible();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.goto(`/manage/${manageToken}/reschedule`);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });

  test("an unknown manage link is a 404", async ({ page }) => {
    const response = await page.goto(`/manage/${"x".repeat(43)}`);
    expect(response?.status()).toBe(404);
  });
});

test.describe("booking online without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("every step is a link or a form post, from a practitioner's page to the confirmation", async ({
    page,
  }) => {
    const details = patient("nojs");
    await page.goto("/services/follow-up-adjustment");
    await page.getByRole("link", { name: "Book with Joey (Joey Lee)" }).click();

    await expect(page).toHaveURL(/\/book\/follow-up-adjustment\?practitioner=joey-lee$/);
    await expect(page.getByText("Step 3 of 5")).toBeVisible();
    const { firstTime } = await pickFirstFreeDay(page);
    const timeLabel = (await firstTime.textContent()) ?? "";
    await firstTime.click();

    // A mistake is explained next to the field, and what was typed stays.
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your details");
    await page.getByLabel("Email", { exact: true }).fill(details.email);
    await page.getByLabel("Phone", { exact: true }).fill(details.phone);
    await page.getByRole("button", { name: "Confirm booking" }).click();
    const name = page.getByLabel("Full name", { exact: true });
    await expect(name).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByText("Enter your name")).toBeVisible();
    const errorId = (await name.getAttribute("aria-describedby")) ?? "";
    await expect(page.locator(`[id="${errorId}"]`)).toHaveText("Enter your name");
    await expect(page.getByLabel("Email", { exact: true })).toHaveValue(details.email);

    await fillDetails(page, details);
    await page.getByRole("button", { name: "Confirm booking" }).click();
    const token = await expectBooked(page, details, timeLabel);
    const booking = await api.bookings.byToken.query({ token });
    expect(booking.practitioner.slug).toBe("joey-lee");
    expect(booking.service.slug).toBe("follow-up-adjustment");
  });

  test("a practitioner's page starts the flow with them chosen", async ({ page }) => {
    await page.goto("/practitioners/jason-lee");
    await page.getByRole("link", { name: "Book with Jason Lee" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Choose a treatment");
    await expect(page.getByText("Treatments you can book with Jason Lee.")).toBeVisible();
    await expect(page.getByRole("link", { name: "Sports Massage" })).toHaveCount(0);
    await page.getByRole("link", { name: "Running Assessment" }).click();
    await expect(page).toHaveURL(/\/book\/running-assessment\?practitioner=jason-lee$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Choose a day and time");
  });
});
