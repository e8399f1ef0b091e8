import type { ApiClient } from "@clinic/api-client";
import type { Page } from "@playwright/test";
import { seriousAccessibilityViolations } from "./accessibility";
import { clinicClock, ownerApi } from "./admin-clinic";
import { expect, test } from "./fixtures";

/**
 * Patient self-service (decision 031): a patient asks for a sign-in link by email, reads it in
 * the clinic's mailbox (the outbox, as the other specs read emails), sees their bookings, cancels
 * one through its manage page, and signs out.
 */

const DAY_MS = 86_400_000;

async function expectAccessible(page: Page) {
  expect(await seriousAccessibilityViolations(page), `axe on ${page.url()}`).toEqual([]);
}

/** Two bookings for one new patient with an email, taken at the desk, weeks apart. */
async function patientWithTwoBookings(owner: ApiClient) {
  const tag = Date.now().toString(36);
  const patient = {
    name: `Selma Self ${tag}`,
    email: `self-${tag}@example.com`,
    phone: "0412 555 031",
  };
  const service = (await owner.services.list.query()).find(
    (s) => s.slug === "follow-up-adjustment",
  );
  const joey = service?.practitioners.find((p) => p.slug === "joey-lee");
  if (!service || !joey) throw new Error("Joey Lee should offer the follow-up adjustment");
  const free = await owner.bookings.availability.query({
    serviceId: service.id,
    practitionerId: joey.id,
    from: clinicClock(new Date(Date.now() + 95 * DAY_MS)).date,
    to: clinicClock(new Date(Date.now() + 105 * DAY_MS)).date,
  });
  const days = free.days.filter((day) => day.slots.length > 2);
  const slots = [days.at(1)?.slots.at(2), days.at(-2)?.slots.at(1)];
  if (!slots[0] || !slots[1]) throw new Error("Joey should have free times three months ahead");
  for (const slot of slots) {
    await owner.bookings.createForPatient.mutate({
      serviceId: service.id,
      practitionerId: joey.id,
      start: slot!.start,
      patient,
      notes: "",
    });
  }
  return patient;
}

/** The newest sign-in link emailed to `email`, from the clinic's mailbox. */
async function signInLinkFor(owner: ApiClient, email: string): Promise<string> {
  const { messages } = await owner.emails.list.query({ kind: "patient.sign_in_link" });
  const message = messages.find((m) => m.to === email);
  if (!message) throw new Error("no sign-in email in the mailbox");
  const { text } = await owner.emails.get.query({ id: message.id });
  const link = text.match(/https?:\/\/\S+\/account\/sign-in\/[\w-]+/)?.[0];
  if (!link) throw new Error("the sign-in email holds no link");
  return link;
}

test("a patient signs in by email link, sees their bookings, cancels one and signs out", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const owner = await ownerApi();
  const patient = await patientWithTwoBookings(owner);

  // From the footer of any page.
  await page.goto("/");
  await page.getByRole("contentinfo").getByRole("link", { name: "Your bookings" }).click();
  await expect(page).toHaveURL(/\/account\/sign-in$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your bookings");
  await expect(page.getByText(/Booked by phone without giving an email address/)).toBeVisible();
  await expectAccessible(page);

  // An address no patient has gets the same answer as one that does.
  await page.getByLabel("Email address").fill(`nobody-${Date.now()}@example.com`);
  await page.getByRole("button", { name: "Email me a link" }).click();
  await expect(page.getByRole("status")).toContainText("a sign-in link is on its way");
  await expect(page.getByRole("link", { name: "ask again" })).toBeVisible();
  await page.goto("/account/sign-in");
  await page.getByLabel("Email address").fill(patient.email.toUpperCase());
  await page.getByRole("button", { name: "Email me a link" }).click();
  await expect(page.getByRole("status")).toContainText(
    `If ${patient.email} is the email address on your bookings`,
  );

  const link = await signInLinkFor(owner, patient.email);
  await page.goto(new URL(link).pathname);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in to your bookings");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Sign in" }).click();

  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByText(`Signed in as ${patient.name}`)).toBeVisible();
  const upcoming = page.getByRole("region", { name: "Upcoming appointments" });
  await expect(upcoming.getByRole("listitem")).toHaveCount(2);
  await expect(upcoming).toContainText(/Follow-up adjustment with Joey Lee/i);
  // A new patient: the clinic's intake form is linked here until they send it (decision 029).
  const form = page.getByRole("region", { name: "Your new patient form" });
  await expect(form.getByRole("link", { name: "Fill in your form" })).toHaveAttribute(
    "href",
    /\/intake\/[\w-]{20,}$/,
  );
  await expectAccessible(page);
  // Never kept by any cache.
  const fresh = await page.request.get("/account");
  expect(fresh.headers()["cache-control"]).toBe("private, no-store");

  // The link worked once: a second visit is refused.
  const again = await page.context().newPage();
  await again.goto(new URL(link).pathname);
  await again.getByRole("button", { name: "Sign in" }).click();
  await expect(again.getByRole("alert")).toContainText("expired or has already been used");
  await again.close();

  // Cancel the first through its manage page.
  const first = upcoming.getByRole("listitem").first();
  const when = (await first.locator("time").textContent()) ?? "";
  await first.getByRole("link", { name: /Change or cancel/ }).click();
  await expect(page).toHaveURL(/\/manage\/[\w-]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your appointment");
  await page.getByRole("link", { name: "Cancel appointment" }).click();
  await page.getByRole("button", { name: "Yes, cancel my appointment" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Appointment cancelled");

  await page.getByRole("contentinfo").getByRole("link", { name: "Your bookings" }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(upcoming.getByRole("listitem")).toHaveCount(1);
  const past = page.getByRole("region", { name: "Past and cancelled appointments" });
  await expect(past.getByRole("listitem").filter({ hasText: when })).toContainText("Cancelled");
  await expectAccessible(page);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/account\/sign-in\?signedOut=1$/);
  await expect(page.getByRole("status")).toContainText("You've signed out");
  await page.goto("/account");
  await expect(page).toHaveURL(/\/account\/sign-in$/);
});
