import { seriousAccessibilityViolations } from "./accessibility";
import { clinicClock, createStaffAccount, ownerApi, shortDate, signIn } from "./admin-clinic";
import { api, expect, test } from "./fixtures";

/**
 * The front desk books from the calendar: a click (here, Enter) on an empty time opens the
 * booking form for that practitioner, day and time; a patient with only a phone is booked and
 * shows by name on the calendar; then a booking outside the practitioner's hours, which the form
 * warns about and asks to confirm, and which the database still keeps off other bookings.
 */

const DAY_MS = 86_400_000;
const hhmm = (minute: number) =>
  `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;

async function expectAccessible(page: import("@playwright/test").Page) {
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
}

test("the front desk books from an empty calendar time, and outside the usual hours", async ({
  page,
}) => {
  test.setTimeout(420_000);
  const owner = await ownerApi();
  const frontDesk = await createStaffAccount(owner, "front_desk", { name: "Cal Desk" });
  const jason = (await api.practitioners.list.query()).find((p) => p.slug === "jason-lee");
  if (!jason) throw new Error("The demo clinic should have Jason Lee");
  const service = (await api.services.list.query()).find(
    (s) =>
      s.durationMinutes <= 30 &&
      s.practitioners.length > 1 &&
      s.practitioners.some((p) => p.id === jason.id),
  );
  if (!service) throw new Error("Jason Lee should share a service of 30 minutes or less");

  // A free half-hour time of Jason's three to six weeks ahead, clear of the other specs' bookings.
  const ahead = await owner.bookings.availability.query({
    serviceId: service.id,
    practitionerId: jason.id,
    from: clinicClock(new Date(Date.now() + 21 * DAY_MS)).date,
    to: clinicClock(new Date(Date.now() + 42 * DAY_MS)).date,
  });
  const slot = ahead.days
    .flatMap((d) => d.slots)
    .reverse()
    .find((s) => clinicClock(s.start).minute % 30 === 0);
  if (!slot) throw new Error("Jason Lee should have a free half hour in the coming weeks");
  const { date: day, minute } = clinicClock(slot.start);
  const time = hhmm(minute);
  const patientName = `Phoneonly Patient ${Date.now().toString(36)}`;

  await signIn(page, frontDesk);
  await page.goto(`/calendar?date=${day}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Calendar");
  await expectAccessible(page);

  // Enter on the empty time opens the form for Jason, that day and time: the service comes next.
  const empty = page.getByRole("link", {
    name: `Book Jason Lee at ${time} on ${shortDate(day)}`,
    exact: true,
  });
  await empty.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("New booking");
  await expect(page.getByRole("heading", { name: "Choose a service" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: new RegExp(`^${service.name}`) }).click();
  await expect(page.getByRole("heading", { name: "Patient details" })).toBeVisible();
  await expect(page.getByText(`with Jason Lee on`)).toBeVisible();

  // Neither phone nor email: said next to the phone field, the name kept.
  await page.getByLabel("Name").fill(patientName);
  await page.getByRole("button", { name: "Book the appointment" }).click();
  await expect(page.getByText("Enter a phone number or an email address")).toBeVisible();
  await expect(page.getByLabel("Phone")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Name")).toHaveValue(patientName);
  await expectAccessible(page);

  await page.getByLabel("Phone").fill("0400 987 654");
  await page.getByRole("button", { name: "Book the appointment" }).click();
  await expect(page.getByRole("status")).toContainText("The patient has no email address");
  await expect(page.getByRole("heading", { level: 1 })).toContainText(patientName);
  await expect(page.getByText("None (no emails are sent)")).toBeVisible();
  const bookingId = new URL(page.url()).pathname.split("/").at(-1) ?? "";
  const booked = await owner.bookings.detail.query({ id: bookingId });
  expect(booked.startsAt).toEqual(slot.start);
  expect(booked.patient.email).toBeNull();
  expect(booked.messages.map((m) => m.subject).join(" ")).not.toContain("confirmed");

  // The link to read out or text, shown on request (and audited).
  await page.getByRole("button", { name: "Show the booking link" }).click();
  await expect(page.getByLabel("Booking link", { exact: true })).toHaveValue(
    /\/manage\/[A-Za-z0-9_-]{32,}$/,
  );
  await expectAccessible(page);
  const bookingAudit = async () => (await owner.audit.list.query({ entity: "booking" })).items;
  expect(
    (await bookingAudit()).some(
      (e) => e.action === "booking.read_manage_link" && e.entityId === bookingId,
    ),
  ).toBe(true);

  // On the calendar the short booking shows the patient's name, in the day and the week view.
  await page.goto(`/calendar?date=${day}`);
  const onCalendar = page.locator(".calendar__booking", { hasText: patientName });
  await expect(onCalendar).toBeVisible();
  await expect(onCalendar.getByRole("link")).toHaveAttribute("title", new RegExp(patientName));
  await page.goto(`/calendar?view=week&date=${day}&practitioner=${jason.id}`);
  await expect(page.getByRole("navigation", { name: "Whose week" })).toBeVisible();
  await expect(page.locator(".calendar__head")).toHaveCount(7);
  await expect(page.locator(".calendar__booking", { hasText: patientName })).toBeVisible();
  await expectAccessible(page);

  // The patients list says there is no email, rather than leaving the cell empty.
  await page.goto(`/patients?q=${encodeURIComponent(patientName)}`);
  const row = page.getByRole("row", { name: new RegExp(patientName) });
  await expect(row.getByRole("cell", { name: "None (no emails)" })).toBeVisible();

  // Before Jason's day starts: not a free time, so the form offers to book outside his hours.
  const schedule = await owner.bookings.list.query({
    from: day,
    to: day,
    practitionerId: jason.id,
    includeCancelled: false,
  });
  const firstStart = schedule.practitioners[0]?.days[0]?.working[0]?.start ?? "08:00";
  const [h, m] = firstStart.split(":").map(Number);
  const early = hhmm((h ?? 8) * 60 + (m ?? 0) - 60);
  await page.goto(
    `/bookings/new?${new URLSearchParams({ service: service.id, practitioner: jason.id, date: day, time: early })}`,
  );
  await expect(page.getByText(`${early} on ${day} isn't one of the free times`)).toBeVisible();
  await page.getByRole("link", { name: "Book outside the usual hours" }).click();
  await expect(page.getByRole("heading", { name: "Book outside the usual hours" })).toBeVisible();
  await expect(page.getByLabel("Time", { exact: true })).toHaveValue(early);
  await page.getByRole("button", { name: "Check this time" }).click();
  await expect(page.getByText("it is outside the practitioner's working hours")).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Name").fill(`${patientName} Early`);
  await page.getByLabel("Phone").fill("0400 987 655");
  await page.getByRole("button", { name: "Book the appointment" }).click();
  await expect(
    page.getByText("Tick the box to confirm booking outside the usual hours"),
  ).toBeVisible();
  await page.getByLabel("I mean to book this outside the usual hours").check();
  await page.getByRole("button", { name: "Book the appointment" }).click();
  await expect(page.getByRole("status")).toContainText("Booking made");
  const earlyId = new URL(page.url()).pathname.split("/").at(-1) ?? "";
  const earlyBooking = await owner.bookings.detail.query({ id: earlyId });
  expect(clinicClock(earlyBooking.startsAt)).toMatchObject({ date: day });
  const created = (await bookingAudit()).find(
    (e) => e.action === "booking.create" && e.entityId === earlyId,
  );
  expect(JSON.stringify(created)).toContain("outside_hours");

  // The same time again is over that booking: refused next to the time, whatever staff say.
  await page.goto(
    `/bookings/new?${new URLSearchParams({ service: service.id, practitioner: jason.id, date: day, time: early, outside: "1" })}`,
  );
  await expect(page.getByText("That time overlaps another booking")).toBeVisible();
  await expect(page.getByLabel("Time", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("heading", { name: "Patient details" })).toHaveCount(0);

  // The phone-only patient's booking moves to Joey Lee, at one of his free times.
  const joey = service.practitioners.find((p) => p.id !== jason.id);
  if (!joey) throw new Error(`${service.name} should be offered by another practitioner too`);
  await page.goto(`/bookings/${bookingId}?step=reschedule`);
  await page
    .getByRole("navigation", { name: "Practitioner to move to" })
    .getByRole("link", { name: joey.name })
    .click();
  await expect(page.getByText(`Free times with ${joey.name}`)).toBeVisible();
  await page.locator(".day-picker a").first().click();
  await page.locator(".time-picker a").first().click();
  await expect(page.getByText(`with ${joey.name}`, { exact: false }).last()).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Move the booking" }).click();
  await expect(page.getByRole("status")).toContainText("Booking moved");
  expect((await owner.bookings.detail.query({ id: bookingId })).practitioner.id).toBe(joey.id);
});
