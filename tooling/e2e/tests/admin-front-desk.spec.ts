import { seriousAccessibilityViolations } from "./accessibility";
import { clinicClock, createStaffAccount, ownerApi, shortDate, signIn } from "./admin-clinic";
import { api, expect, test } from "./fixtures";

/**
 * The front desk at work: a patient phones and gets booked in with the same slot engine patients
 * use online, and yesterday's patient who didn't turn up is recorded as a no-show. Attendance can
 * only be recorded once an appointment has started, so the no-show goes on one of the visits the
 * demo seed leaves in the recent past, still "confirmed": no waiting for a booking to begin.
 */

const DAY_MS = 86_400_000;

async function expectAccessible(page: import("@playwright/test").Page) {
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
}

test("the front desk books a phone patient, then records a no-show", async ({ page }) => {
  // Roomy: axe runs on ten pages, up to half a minute each on a busy two-core machine.
  test.setTimeout(420_000);
  const owner = await ownerApi();
  const frontDesk = await createStaffAccount(owner, "front_desk", { name: "Dana Front" });
  const joey = (await api.practitioners.list.query()).find((p) => p.slug === "joey-lee");
  if (!joey) throw new Error("The demo clinic should have Joey Lee");
  const service = (await api.services.list.query()).find(
    (s) => s.durationMinutes <= 45 && s.practitioners.some((p) => p.id === joey.id),
  );
  if (!service) throw new Error("Joey Lee should offer a short service");
  const today = clinicClock(new Date()).date;
  // The phone booking takes the last time of a day a week or more ahead, clear of the first free
  // times the public booking specs take alongside.
  const ahead = await owner.bookings.availability.query({
    serviceId: service.id,
    practitionerId: joey.id,
    from: clinicClock(new Date(Date.now() + 7 * DAY_MS)).date,
    to: clinicClock(new Date(Date.now() + 28 * DAY_MS)).date,
  });
  const day = ahead.days[0]?.date;
  if (!day) throw new Error("Joey Lee should have free times in the coming weeks");
  // Yesterday's visit (the seed's most recent working day), still waiting to be marked.
  const recent = await owner.bookings.list.query({
    from: clinicClock(new Date(Date.now() - 8 * DAY_MS)).date,
    to: today,
    practitionerId: joey.id,
    includeCancelled: false,
  });
  const missed = recent.bookings.find(
    (b) => b.status === "confirmed" && b.startsAt.getTime() < Date.now(),
  );
  if (!missed) throw new Error("The demo seed should leave a recent visit of Joey's to mark");
  const caller = {
    name: `Phone Patient ${Date.now().toString(36)}`,
    email: `phone-${Date.now().toString(36)}@example.com`,
    phone: "0412 555 010",
  };

  await signIn(page, frontDesk);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Dashboard");
  await expectAccessible(page);

  // Service → practitioner → day → time → patient details.
  await page.getByRole("link", { name: "New booking" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("New booking");
  await expectAccessible(page);
  await page.getByRole("link", { name: new RegExp(`^${service.name}`) }).click();
  await expect(page.getByRole("heading", { name: "Choose a practitioner" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Joey Lee" }).click();
  // Any free day shows the last step's form (checked here, before the real booking is made).
  await page.locator(".day-picker a").first().click();
  await page.locator(".time-picker a").first().click();
  await expect(page.getByRole("heading", { name: "Patient details" })).toBeVisible();
  await expectAccessible(page);

  await page.goto(
    `/bookings/new?${new URLSearchParams({ service: service.id, practitioner: joey.id, from: day, day })}`,
  );
  await expect(page.getByRole("heading", { name: `Times on ${shortDate(day)}` })).toBeVisible();
  await page.locator(".time-picker a").last().click();
  await expect(page.getByRole("heading", { name: "Patient details" })).toBeVisible();

  // A mistake first: the form keeps what was typed and says what's wrong, next to the field.
  await page.getByLabel("Name").fill(caller.name);
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel("Phone").fill(caller.phone);
  await page.getByRole("button", { name: "Book the appointment" }).click();
  await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Enter a valid email address")).toBeVisible();
  await expect(page.getByLabel("Name")).toHaveValue(caller.name);

  await page.getByLabel("Email").fill(caller.email);
  await page.getByLabel("Notes (optional)").fill("Booked by phone");
  await page.getByRole("button", { name: "Book the appointment" }).click();
  await expect(page.getByRole("status")).toContainText("Booking made");
  await expect(page.getByRole("heading", { level: 1 })).toContainText(caller.name);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(service.name);
  await expect(page.getByText("Booked by Dana Front for the patient")).toBeVisible();
  await expectAccessible(page);
  const bookingId = new URL(page.url()).pathname.split("/").at(-1) ?? "";
  const booking = await owner.bookings.detail.query({ id: bookingId });
  expect(booking.practitioner.name).toBe("Joey Lee");
  expect(booking.patient.email).toBe(caller.email);
  expect(booking.status).toBe("confirmed");
  // Before it starts, attendance can't be recorded yet; the front desk could cancel or move it.
  await expect(page.getByRole("button", { name: "Mark no-show" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Cancel booking" })).toBeVisible();

  // The booking is on the day's calendar, and the patient is on file.
  await page.goto(`/calendar?date=${day}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Calendar");
  await expect(page.getByRole("link", { name: new RegExp(caller.name) })).toBeVisible();
  await expectAccessible(page);
  await page.goto("/calendar?view=week");
  await expectAccessible(page);

  await page.goto("/patients");
  await page.getByLabel("Search by name, email or phone").fill(caller.email);
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByRole("status")).toHaveText(/^1 patient match/);
  await expectAccessible(page);
  await page.getByRole("link", { name: caller.name }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(caller.name);
  await expect(page.getByRole("link", { name: caller.email })).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(service.name) })).toContainText(
    "Confirmed",
  );
  await expectAccessible(page);

  // The front desk reads schedules but can't change them.
  await page.goto(`/schedules/${joey.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Schedule: Joey Lee");
  await expect(page.getByRole("button", { name: "Save hours" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Add time off" })).toHaveCount(0);
  await expectAccessible(page);

  // Yesterday's patient didn't turn up.
  await page.goto(`/bookings/${missed.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(missed.patient.name);
  await page.getByRole("button", { name: "Mark no-show" }).click();
  await expect(page.getByRole("status")).toHaveText("Marked as a no-show.");
  await expect(page.locator(".lede .status")).toHaveText("No-show");
  await expect(page.getByText("Marked as a no-show by Dana Front")).toBeVisible();
  await expectAccessible(page);
  expect((await owner.bookings.detail.query({ id: missed.id })).status).toBe("no_show");
});
