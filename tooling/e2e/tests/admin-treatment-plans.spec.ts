import { seriousAccessibilityViolations } from "./accessibility";
import { clinicClock, createStaffAccount, ownerApi, signIn } from "./admin-clinic";
import { api, expect, test } from "./fixtures";

/**
 * Treatment plans (decision 027): the front desk books a weekly series for a patient from the
 * plan page, sees the appointment someone else holds as a conflict with the nearest free times,
 * takes one of them, confirms, and lands on the first booking ("Part of a plan: 1 of …"); later
 * they cancel the third appointment and the rest from its page, and the patient's page lists the
 * plan. Every page passes axe. Exact emails, races and DST are the API tests' job.
 */

const DAY_MS = 86_400_000;

test("the front desk books a treatment plan around a conflict, then cancels the rest", async ({
  page,
}) => {
  test.setTimeout(300_000);
  const owner = await ownerApi();
  const frontDesk = await createStaffAccount(owner, "front_desk", { name: "Pat Planner" });
  const jason = (await api.practitioners.list.query()).find((p) => p.slug === "jason-lee");
  if (!jason) throw new Error("The demo clinic should have Jason Lee");
  const service = (await api.services.list.query()).find((s) => s.slug === "follow-up-adjustment");
  if (!service) throw new Error("The demo clinic should have the follow-up adjustment");

  // Eight weeks out, clear of what the other specs book: the last free time of the first day.
  const ahead = await owner.bookings.availability.query({
    serviceId: service.id,
    practitionerId: jason.id,
    from: clinicClock(new Date(Date.now() + 56 * DAY_MS)).date,
    to: clinicClock(new Date(Date.now() + 62 * DAY_MS)).date,
  });
  const day = ahead.days[0];
  const first = day?.slots[day.slots.length - 1]?.start;
  if (!first) throw new Error("Jason Lee should have free times in eight weeks");
  const wall = clinicClock(first);
  const time = `${String(Math.floor(wall.minute / 60)).padStart(2, "0")}:${String(wall.minute % 60).padStart(2, "0")}`;
  // Someone else already has Jason at the plan's time in the second week.
  const tag = Date.now().toString(36);
  await owner.bookings.createForPatient
    .mutate({
      serviceId: service.id,
      practitionerId: jason.id,
      start: new Date(first.getTime() + 7 * DAY_MS),
      patient: { name: `Other Patient ${tag}`, phone: "0412 555 020" },
    })
    .catch(() => undefined);
  const patient = {
    name: `Plan Patient ${tag}`,
    email: `plan-${tag}@example.com`,
    phone: "0412 555 021",
  };

  await signIn(page, frontDesk);
  await page.goto("/bookings/new");
  await page.getByRole("link", { name: "Book a treatment plan" }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: "Book a treatment plan" }),
  ).toBeVisible();
  expect(await seriousAccessibilityViolations(page)).toEqual([]);

  // Forgetting the patient's name: the message by the field, the rest kept.
  await page.getByLabel("Service").selectOption(service.id);
  await page.getByLabel("Practitioner").selectOption(jason.id);
  await page.getByLabel("First appointment").fill(wall.date);
  await page.getByLabel(/^Time/).fill(time);
  await page.getByLabel("Repeat every").fill("1");
  await page.getByLabel("Days or weeks").selectOption("week");
  await page.getByLabel("Appointments", { exact: true }).fill("4");
  await page.getByLabel("Phone").fill(patient.phone);
  await page.getByRole("button", { name: "Preview the appointments" }).click();
  await expect(page.getByText("Enter the patient's name")).toBeVisible();
  await expect(page.getByLabel("First appointment")).toHaveValue(wall.date);

  await page.getByLabel("Name", { exact: true }).fill(patient.name);
  await page.getByLabel("Email (if they have one)").fill(patient.email);
  await page.getByRole("button", { name: "Preview the appointments" }).click();
  const preview = page.getByRole("region", { name: /^4 appointments:/ });
  await expect(preview).toBeVisible();
  const second = preview.locator('tr[data-occurrence="2"]');
  await expect(second.getByText(/^Conflict: Already booked/)).toBeVisible();
  expect(await seriousAccessibilityViolations(page)).toEqual([]);

  // The nearest free time instead of the taken one.
  await second.getByRole("radio").first().check();
  await page.getByRole("button", { name: "Book the chosen appointments" }).click();
  await expect(page.getByRole("heading", { name: /^Part of a plan: 1 of \d$/ })).toBeVisible();
  await expect(page.getByText("Treatment plan booked.")).toBeVisible();
  expect(await seriousAccessibilityViolations(page)).toEqual([]);

  // From the third appointment: cancel it and the rest.
  const plan = page.getByRole("region", { name: /^Part of a plan/ });
  await plan.getByRole("listitem").nth(2).getByRole("link").click();
  await expect(page.getByRole("heading", { name: /^Part of a plan: 3 of \d$/ })).toBeVisible();
  await page.getByRole("button", { name: /^Cancel this and the rest/ }).click();
  await expect(page.getByText("Say why the appointments are cancelled")).toBeVisible();
  await page.getByLabel(/^Reason/).fill("Treatment finished early");
  await page.getByRole("button", { name: /^Cancel this and the rest/ }).click();
  await expect(
    page.getByText("This appointment and the rest of its plan are cancelled."),
  ).toBeVisible();
  await expect(page.getByRole("button", { name: /^Cancel this and the rest/ })).toHaveCount(0);
  expect(await seriousAccessibilityViolations(page)).toEqual([]);

  // The patient's page lists the plan with every appointment.
  await page.getByRole("link", { name: patient.name }).first().click();
  await expect(page.getByRole("heading", { name: "Treatment plans" })).toBeVisible();
  await expect(page.getByRole("article", { name: `Plan: ${service.name}` })).toBeVisible();
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the plan page previews and books with plain form posts", async ({ page }) => {
    test.setTimeout(180_000);
    const owner = await ownerApi();
    const frontDesk = await createStaffAccount(owner, "front_desk", { name: "Nora NoScript" });
    const joey = (await api.practitioners.list.query()).find((p) => p.slug === "joey-lee");
    if (!joey) throw new Error("The demo clinic should have Joey Lee");
    const service = (await api.services.list.query()).find(
      (s) => s.slug === "follow-up-adjustment",
    );
    if (!service) throw new Error("The demo clinic should have the follow-up adjustment");
    const ahead = await owner.bookings.availability.query({
      serviceId: service.id,
      practitionerId: joey.id,
      from: clinicClock(new Date(Date.now() + 70 * DAY_MS)).date,
      to: clinicClock(new Date(Date.now() + 76 * DAY_MS)).date,
    });
    const first = ahead.days[0]?.slots[0]?.start;
    if (!first) throw new Error("Joey Lee should have free times in ten weeks");
    const wall = clinicClock(first);
    const time = `${String(Math.floor(wall.minute / 60)).padStart(2, "0")}:${String(wall.minute % 60).padStart(2, "0")}`;
    const tag = Date.now().toString(36);

    await signIn(page, frontDesk);
    // As the new-booking page links here once a time is chosen.
    await page.goto(
      `/bookings/plan?${new URLSearchParams({ service: service.id, practitioner: joey.id, date: wall.date, time })}`,
    );
    await expect(page.getByLabel("First appointment")).toHaveValue(wall.date);
    await page.getByLabel("Appointments", { exact: true }).fill("2");
    await page.getByLabel("Name", { exact: true }).fill(`No Script ${tag}`);
    await page.getByLabel("Phone").fill("0412 555 022");
    await page.getByRole("button", { name: "Preview the appointments" }).click();
    await expect(page.getByRole("region", { name: /^2 appointments:/ })).toBeVisible();
    await page.getByRole("button", { name: "Book the chosen appointments" }).click();
    await expect(page.getByRole("heading", { name: /^Part of a plan: 1 of \d$/ })).toBeVisible();
    // No email: staff are told to give the links themselves.
    await expect(
      page.getByText("Treatment plan booked. The patient has no email address", { exact: false }),
    ).toBeVisible();
  });
});
