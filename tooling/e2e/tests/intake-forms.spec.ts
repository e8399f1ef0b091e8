import type { Page } from "@playwright/test";
import { adminUrl, webUrl } from "../environment";
import { seriousAccessibilityViolations } from "./accessibility";
import { clinicClock, createStaffAccount, ownerApi, signIn, signInAsOwner } from "./admin-clinic";
import { api, expect, test } from "./fixtures";

/**
 * Intake forms (decision 029): the owner adds a question and publishes a new version; a new
 * patient opens the link from their confirmation, fills part of the form without JavaScript,
 * saves, comes back later (with JavaScript: answers save as they change) and submits; their
 * practitioner reads the answers, and the front desk sees only that the form is complete.
 */

const DAY_MS = 86_400_000;
const INTAKE_LINK = /\/intake\/[A-Za-z0-9_-]{43}/;

async function expectAccessible(page: Page) {
  expect(await seriousAccessibilityViolations(page), `axe on ${page.url()}`).toEqual([]);
}

test("the owner publishes a question, a new patient answers in two sittings, and their practitioner reads it", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const owner = await ownerApi();

  // --- The owner adds a question and publishes the form as a new version. ---
  const adminContext = await browser.newContext({ baseURL: adminUrl });
  await signInAsOwner(browser, adminContext);
  const admin = await adminContext.newPage();
  await admin.goto("/intake-form");
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText("Intake form");
  await expectAccessible(admin);
  const adding = admin.getByRole("group", { name: "Add a question" });
  await adding.getByLabel("Kind of question").selectOption({ label: "Multiple choice" });
  await adding.getByLabel("Question", { exact: true }).fill("Which times suit you for rehab?");
  await adding.getByLabel(/^Options/).fill("Early mornings\nLunchtime\nEvenings");
  await adding.getByLabel("Required").check();
  await adding.getByRole("button", { name: "Add question" }).click();
  await expect(admin.getByRole("status")).toContainText("Draft saved");
  const questions = admin.locator(".intake-builder__question legend");
  const count = await questions.count();
  await expect(questions.last()).toContainText("Multiple choice");
  // One place up: before the consent, which stays last.
  await admin.getByRole("button", { name: new RegExp(`^Move up\\s*question ${count}$`) }).click();
  await expect(questions.nth(count - 2)).toContainText("Multiple choice");
  await admin.getByRole("button", { name: /^Publish as version/ }).click();
  await expect(admin.getByRole("status")).toContainText("Published");
  const published = await owner.intake.editor.query();
  expect(published.unpublishedChanges).toBe(false);
  await expectAccessible(admin);
  // The version as published, read-only.
  const newest = published.latestVersion!.version;
  await admin.getByRole("link", { name: `Version ${newest}`, exact: true }).click();
  await expect(admin.getByRole("heading", { level: 1 })).toContainText(`(version ${newest})`);
  await expect(
    admin.getByRole("heading", { name: /Which times suit you for rehab/ }),
  ).toBeVisible();
  await expectAccessible(admin);

  // --- A new patient books with Jason; their confirmation links to the form. ---
  const practitioners = await owner.practitioners.staffList.query();
  const jason = practitioners.find((p) => p.slug === "jason-lee");
  if (!jason) throw new Error("The demo clinic should have Jason Lee");
  const services = await api.services.list.query();
  const service = services.find((s) => s.practitioners.some((p) => p.id === jason.id));
  if (!service) throw new Error("Jason should offer a service");
  const free = await api.availability.slots.query({
    serviceId: service.id,
    practitionerId: jason.id,
    from: clinicClock(new Date(Date.now() + 40 * DAY_MS)).date,
    to: clinicClock(new Date(Date.now() + 50 * DAY_MS)).date,
  });
  const slot = free.days.at(-1)?.slots.at(0);
  if (!slot) throw new Error("Jason should have free times six weeks ahead");
  const email = `ivy-${Date.now()}@example.com`;
  const booked = await api.bookings.create.mutate({
    serviceId: service.id,
    practitionerId: jason.id,
    start: slot.start,
    patient: { name: "Ivy Intake", email, phone: "0400 000 000" },
    idempotencyKey: `e2e-intake-${Date.now()}`,
  });
  const confirmations = await owner.emails.list.query({
    kind: "booking.confirmation",
    page: 1,
    pageSize: 50,
  });
  const confirmation = confirmations.messages.find((m) => JSON.stringify(m).includes(email));
  if (!confirmation) throw new Error("The patient should have a confirmation email");
  const text = (await owner.emails.get.query({ id: confirmation.id })).text;
  const link = INTAKE_LINK.exec(text)?.[0];
  if (!link) throw new Error("The confirmation should link to the intake form");

  // --- First sitting, without JavaScript: part of the form, "Save and continue later". ---
  const noScript = await browser.newContext({ baseURL: webUrl, javaScriptEnabled: false });
  const first = await noScript.newPage();
  const response = await first.goto(link);
  expect(response?.headers()["cache-control"]).toBe("no-store");
  await expect(first.getByRole("heading", { level: 1 })).toHaveText("New patient questionnaire");
  await first.getByLabel(/^What brings you in\?/).fill("Sore right knee after long runs");
  const areas = first.getByRole("group", { name: /Where do you feel pain/ });
  await areas.getByLabel("Knees").check();
  await areas.getByLabel("Hips").check();
  await first.getByRole("button", { name: "Save and continue later" }).click();
  await expect(first).toHaveURL(/\?saved=1$/);
  await expect(first.getByRole("status").first()).toContainText("Your answers are saved");

  // Submitting too early: each missing answer is named next to its question, answers kept.
  await first.getByRole("button", { name: "Submit" }).click();
  const dateOfBirth = first.getByLabel(/^Date of birth/);
  await expect(dateOfBirth).toHaveAttribute("aria-invalid", "true");
  await expect(first.locator("#intake-date-of-birth-error")).toHaveText(
    "Please answer this question",
  );
  await expect(first.getByLabel(/^What brings you in\?/)).toHaveValue(
    "Sore right knee after long runs",
  );
  await noScript.close();

  // --- Second sitting, with JavaScript: answers save as they change; then Submit. ---
  const patientContext = await browser.newContext({ baseURL: webUrl });
  const later = await patientContext.newPage();
  await later.goto(link);
  await expect(later.getByLabel(/^What brings you in\?/)).toHaveValue(
    "Sore right knee after long runs",
  );
  await expect(
    later.getByRole("group", { name: /Where do you feel pain/ }).getByLabel("Knees"),
  ).toBeChecked();
  await expectAccessible(later);
  await later.getByLabel(/^Date of birth/).fill("1990-05-17");
  await expect(later.getByText(/^Saved at/)).toBeVisible();
  const saved = await api.intake.byToken.query({ token: link.split("/").at(-1) ?? "" });
  expect(saved.state === "open" && saved.answers["date-of-birth"]).toBe("1990-05-17");

  await later
    .getByRole("group", { name: /How long have you had it/ })
    .getByLabel("1–6 weeks")
    .check();
  await later
    .getByRole("group", { name: /Which times suit you for rehab/ })
    .getByLabel("Evenings")
    .check();
  await later
    .getByRole("group", { name: /unexplained weight loss/ })
    .getByLabel("No")
    .check();
  // Submitting unsigned (once that change is saved): the consent's message is next to it.
  const token = link.split("/").at(-1)!;
  await expect
    .poll(async () => {
      const form = await api.intake.byToken.query({ token });
      return form.state === "open" ? form.answers["red-flags"] : null;
    })
    .toBe("no");
  await expect(later.getByText("Saving…")).toHaveCount(0);
  await later.getByRole("button", { name: "Submit" }).click();
  await expect(later.locator("#intake-consent-error")).toHaveText(
    "Type your full name and the date to sign",
  );
  const consent = later.getByRole("group", { name: /Consent to assessment/ });
  await consent.getByLabel("Full name").fill("Ivy Intake");
  await consent.getByLabel("Date", { exact: true }).fill(clinicClock(new Date()).date);
  await later.getByRole("button", { name: "Submit" }).click();
  await expect(later.getByRole("heading", { level: 1 })).toHaveText("Thank you");
  await expectAccessible(later);
  await patientContext.close();

  // --- Jason reads the answers from the booking page; the front desk sees only the status. ---
  const jasonAccount = await createStaffAccount(owner, "practitioner", {
    name: "Jason Intake",
    practitionerId: jason.id,
  });
  const jasonContext = await browser.newContext({ baseURL: adminUrl });
  const jasonPage = await jasonContext.newPage();
  await signIn(jasonPage, jasonAccount);
  await jasonPage.goto(`/bookings/${booked.booking.id}`);
  const panel = jasonPage.getByRole("region", { name: "Intake form" });
  await expect(panel).toContainText("Submitted");
  await expectAccessible(jasonPage);
  await panel.getByRole("link", { name: "Read the answers" }).click();
  await expect(jasonPage.getByRole("heading", { level: 1 })).toHaveText(
    "Intake answers: Ivy Intake",
  );
  await expect(jasonPage.getByText("Sore right knee after long runs")).toBeVisible();
  await expect(jasonPage.getByText("Hips, Knees")).toBeVisible();
  await expect(jasonPage.getByText("Evenings")).toBeVisible();
  await expectAccessible(jasonPage);
  const answersPath = new URL(jasonPage.url()).pathname;
  await jasonContext.close();

  // Joey has never seen this patient: no answers for him.
  const joey = practitioners.find((p) => p.slug === "joey-lee");
  if (!joey) throw new Error("The demo clinic should have Joey Lee");
  const joeyAccount = await createStaffAccount(owner, "practitioner", {
    name: "Joey Intake",
    practitionerId: joey.id,
  });
  const joeyContext = await browser.newContext({ baseURL: adminUrl });
  const joeyPage = await joeyContext.newPage();
  await signIn(joeyPage, joeyAccount);
  const refused = await joeyPage.goto(answersPath);
  expect(refused?.status()).toBe(403);
  await expect(joeyPage.getByRole("heading", { level: 1 })).toHaveText("You don't have access");
  await expect(joeyPage.getByText("Sore right knee after long runs")).toHaveCount(0);
  await joeyContext.close();

  const reads = await owner.audit.list.query({ entity: "patient", page: 1 });
  expect(reads.items.some((entry) => entry.action === "patient.read_intake")).toBe(true);

  const frontDesk = await createStaffAccount(owner, "front_desk", { name: "Frankie Intake" });
  const deskContext = await browser.newContext({ baseURL: adminUrl });
  const desk = await deskContext.newPage();
  await signIn(desk, frontDesk);
  await desk.goto(`/bookings/${booked.booking.id}`);
  const deskPanel = desk.getByRole("region", { name: "Intake form" });
  await expect(deskPanel).toContainText("Submitted");
  await expect(deskPanel.getByRole("link", { name: "Read the answers" })).toHaveCount(0);
  await expect(desk.getByText("Sore right knee after long runs")).toHaveCount(0);
  await deskContext.close();
  await adminContext.close();
});
