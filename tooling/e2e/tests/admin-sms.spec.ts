import type { Page } from "@playwright/test";
import { webUrl } from "../environment";
import { seriousAccessibilityViolations } from "./accessibility";
import { CLINIC_ZONE, ownerApi, signInAsOwner } from "./admin-clinic";
import { expect, test } from "./fixtures";

/**
 * Text reminders (decision 030): the owner edits the reminder's text, told of a mistake next to
 * the field; a patient asks for a text when booking online, and the front office sees it
 * waiting on the Messages page. The browser-test API has an SMS provider configured (an
 * address nothing answers: no text falls due during a run).
 */

test.describe.configure({ timeout: 120_000 });

async function expectAccessible(page: Page) {
  expect(await seriousAccessibilityViolations(page), `axe on ${page.url()}`).toEqual([]);
}

test("the owner edits the reminder's text, with a mistake shown by the field", async ({
  page,
  context,
  browser,
}) => {
  await signInAsOwner(browser, context);
  await page.goto("/settings");
  await page.getByRole("link", { name: "Text reminders" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Text reminders");
  await expect(page.getByTestId("sms-status")).toContainText("On");

  const field = page.getByRole("textbox", { name: "Reminder text" });
  await field.fill("Hi {name}, see you {time} at {clinic}");
  await page.getByRole("button", { name: "Save text reminders" }).click();
  const error = page.locator(`#${await field.getAttribute("id")}-error`);
  await expect(error).toContainText("Unknown placeholder {name}");
  await expect(field).toHaveAttribute("aria-invalid", "true");
  // What was typed is kept.
  await expect(field).toHaveValue("Hi {name}, see you {time} at {clinic}");
  await expectAccessible(page);

  const text =
    "{clinic}: see you {time} for your {service} with {practitioner}. Call {clinic_phone}.";
  await field.fill(text);
  await expect(page.getByTestId("sms-preview")).toContainText("Westside Sports Chiro: see you ");
  await page.getByRole("button", { name: "Save text reminders" }).click();
  await expect(page.getByText("Text reminder settings saved.")).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Reminder text" })).toHaveValue(text);
  await expect(page.getByTestId("sms-preview")).toContainText(
    "for your Initial assessment with Jason Lee. Call",
  );
  await expect(page.getByTestId("sms-preview")).toContainText("Reply STOP to opt out.");
  await expectAccessible(page);
});

test("a patient asks for a text reminder when booking, and it waits on the Messages page", async ({
  page,
  context,
  browser,
}) => {
  const owner = await ownerApi();
  const services = await owner.services.list.query();
  const service = services.find((s) => s.slug === "follow-up-adjustment")!;
  const joey = service.practitioners.find((p) => p.slug === "joey-lee")!;
  // A time a week or more ahead, so the reminder waits for its day.
  const from = new Intl.DateTimeFormat("en-CA", { timeZone: CLINIC_ZONE }).format(
    new Date(Date.now() + 9 * 86_400_000),
  );
  const to = new Intl.DateTimeFormat("en-CA", { timeZone: CLINIC_ZONE }).format(
    new Date(Date.now() + 23 * 86_400_000),
  );
  const { days } = await owner.availability.slots.query({
    serviceId: service.id,
    practitionerId: joey.id,
    from,
    to,
  });
  const starts = days.flatMap((d) => d.slots.map((s) => s.start));
  const start = starts[Math.floor(Math.random() * starts.length)]!;
  const tag = Date.now().toString(36);
  const email = `texter-${tag}@example.com`;

  // The patient on the public site, in a browser of their own.
  const patientContext = await browser.newContext({ baseURL: webUrl });
  const patientPage = await patientContext.newPage();
  try {
    await patientPage.goto(
      `/book/${service.slug}/details?practitioner=joey-lee&start=${encodeURIComponent(start.toISOString())}`,
    );
    await patientPage.getByLabel("Full name").fill(`Tex Ter ${tag}`);
    await patientPage.getByRole("textbox", { name: "Email" }).fill(email);
    // A landline can't take a text: said by the phone field, what was typed kept.
    await patientPage.getByRole("textbox", { name: "Phone" }).fill("(02) 9876 5432");
    await patientPage.getByLabel("Text me a reminder the day before").check();
    await patientPage.getByRole("button", { name: "Confirm booking" }).click();
    const phone = patientPage.getByRole("textbox", { name: "Phone" });
    await expect(patientPage.locator(`#${await phone.getAttribute("id")}-error`)).toContainText(
      "mobile number",
    );
    await expect(patientPage.getByLabel("Text me a reminder the day before")).toBeChecked();
    await expectAccessible(patientPage);

    await phone.fill("0412 987 654");
    await patientPage.getByRole("button", { name: "Confirm booking" }).click();
    await patientPage.waitForURL(/\/manage\//);
  } finally {
    await patientContext.close();
  }

  await signInAsOwner(browser, context);
  await page.goto("/");
  await page.getByRole("link", { name: "Messages", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Messages");
  await page.getByLabel("Channel").selectOption({ label: "Text (SMS)" });
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/channel=sms/);
  const row = page.getByRole("row").filter({ hasText: "+61412987654" });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("Text (SMS)");
  await expect(row).toContainText("Goes out");
  await expectAccessible(page);
  await row.getByRole("link").click();
  await expect(page.getByText("To +61412987654")).toBeVisible();
  // Whichever text the other test left, the appointment and the way to stop.
  await expect(page.getByText(/Joey Lee.+Reply STOP to opt out\./)).toBeVisible();
  await expectAccessible(page);

  // The patient's page says they asked for texts, to which number.
  await page.goto(`/patients?q=${encodeURIComponent(email)}`);
  await page.getByRole("link", { name: `Tex Ter ${tag}` }).click();
  await expect(page.getByTestId("sms-reminders")).toHaveText(/^To \+61412987654, asked for on /);
});
