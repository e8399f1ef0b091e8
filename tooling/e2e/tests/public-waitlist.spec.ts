import type { ApiClient } from "@clinic/api-client";
import { adminUrl, webUrl } from "../environment";
import { seriousAccessibilityViolations } from "./accessibility";
import { clinicClock, ownerApi, signInAsOwner } from "./admin-clinic";
import { api, expect, test } from "./fixtures";

/**
 * The waitlist (decision 028): a patient finds Jason's day full and joins the waitlist from the
 * booking picker; a booking that day is cancelled, the matcher emails the freed time to the two
 * patients waiting for it, the first to claim it books it; the front desk then offers the
 * other one a time by hand from the admin's Waitlist page.
 * Far ahead (53–58 days), clear of the days the other specs book.
 */

const DAY_MS = 86_400_000;
const SERVICE_SLUG = "follow-up-adjustment";

/** A day of Jason's with free times, filled by phone bookings; returns the day and the bookings. */
async function fillJasonsDay(owner: ApiClient) {
  const service = (await owner.services.list.query()).find((s) => s.slug === SERVICE_SLUG);
  const jason = service?.practitioners.find((p) => p.slug === "jason-lee");
  if (!service || !jason) throw new Error("Jason should offer the follow-up adjustment");
  const free = await owner.bookings.availability.query({
    serviceId: service.id,
    practitionerId: jason.id,
    from: clinicClock(new Date(Date.now() + 53 * DAY_MS)).date,
    to: clinicClock(new Date(Date.now() + 58 * DAY_MS)).date,
  });
  const day = free.days.find(
    (d) =>
      d.slots.some((slot) => clinicClock(slot.start).minute < 12 * 60) &&
      d.slots.some((slot) => clinicClock(slot.start).minute >= 12 * 60),
  );
  if (!day) throw new Error("Jason should have free times eight weeks ahead");
  const booked: { id: string; start: Date }[] = [];
  for (;;) {
    const left = await owner.bookings.availability.query({
      serviceId: service.id,
      practitionerId: jason.id,
      from: day.date,
      to: day.date,
    });
    const slot = left.days[0]?.slots[0];
    if (!slot) break;
    const made = await owner.bookings.createForPatient.mutate({
      serviceId: service.id,
      practitionerId: jason.id,
      start: slot.start,
      patient: { name: `Filler ${booked.length}`, phone: "0412 555 000" },
    });
    booked.push({ id: made.id, start: slot.start });
  }
  return { date: day.date, booked, serviceId: service.id, jasonId: jason.id };
}

const isMorning = (start: Date) => clinicClock(start).minute < 12 * 60;

/** The claim link in the latest waitlist offer emailed to `email`, once there is one. */
async function claimLinkTo(owner: ApiClient, email: string, count = 1): Promise<string> {
  let found: string | undefined;
  await expect(async () => {
    const offers = await owner.emails.list.query({ kind: "waitlist.offer" });
    const mine = offers.messages.filter((m) => m.to === email);
    expect(mine.length).toBeGreaterThanOrEqual(count);
    const { text } = await owner.emails.get.query({ id: mine[0]!.id });
    found = text.match(/https?:\/\/\S+\/waitlist\/[\w-]{43}/)?.[0];
    expect(found).toBeDefined();
  }).toPass({ timeout: 90_000 });
  return found!;
}

test.describe("the waitlist", () => {
  test("patients join from a full day; a freed time is emailed, claimed first by one; staff offer another", async ({
    page,
    browser,
  }) => {
    test.setTimeout(300_000);
    const owner = await ownerApi();
    const day = await fillJasonsDay(owner);
    const email = `wally-${Date.now().toString(36)}@example.com`;

    // 1. Jason's day is full: the picker says so and invites the patient onto the waitlist.
    await page.goto(`/book/${SERVICE_SLUG}?practitioner=jason-lee&day=${day.date}`);
    await expect(page.getByText("There are no free times left on this day.")).toBeVisible();
    await page.getByRole("link", { name: "Join the waitlist" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Join the waitlist");
    await expect(page.getByLabel("Practitioner")).toHaveValue(day.jasonId);
    await expect(page.getByLabel("First day that suits you")).toHaveValue(day.date);
    expect(await seriousAccessibilityViolations(page), "axe on the waitlist form").toEqual([]);

    // 2. A mistake is shown next to its field, and what was typed stays.
    await page.getByLabel("Last day that suits you").fill(day.date);
    await page.getByLabel("Afternoon (12 pm – 5 pm)").uncheck();
    await page.getByLabel("Evening (from 5 pm)").uncheck();
    await page.getByLabel("Name").fill("Wally Waiting");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Phone").fill("12");
    await page.getByRole("button", { name: "Join the waitlist" }).click();
    await expect(page.getByText("Enter a valid phone number")).toBeVisible();
    await expect(page.getByLabel("Name")).toHaveValue("Wally Waiting");
    await page.getByLabel("Phone").fill("0412 345 678");
    // Each form proves a person filled it in: not within three seconds of showing it.
    await page.waitForTimeout(3_100);
    await page.getByRole("button", { name: "Join the waitlist" }).click();
    await expect(page.getByText("You're on the waitlist.")).toBeVisible();
    const waiting = await owner.waitlist.list.query({ status: "waiting" });
    expect(waiting.items.find((e) => e.email === email)).toMatchObject({
      fromDate: day.date,
      toDate: day.date,
      timesOfDay: ["morning"],
    });

    // Another patient waits for Jason's mornings that day too (joined through the API).
    const { token: formToken } = await api.forms.token.query({ form: "waitlist" });
    await new Promise((resolve) => setTimeout(resolve, 3_100));
    const rivalEmail = `rita-${Date.now().toString(36)}@example.com`;
    await api.waitlist.join.mutate({
      serviceId: day.serviceId,
      practitionerId: day.jasonId,
      fromDate: day.date,
      toDate: day.date,
      timesOfDay: ["morning"],
      name: "Rita Rival",
      email: rivalEmail,
      phone: "0412 000 111",
      formToken,
    });

    // 3. A morning booking is cancelled: both are emailed the freed time with a claim link
    //    (read as the other specs read mail: the Emails API).
    const freed = day.booked.find((b) => isMorning(b.start))!;
    await owner.bookings.cancel.mutate({ id: freed.id, reason: "Patient is unwell" });
    const link = await claimLinkTo(owner, email);
    expect(link.startsWith(webUrl)).toBe(true);
    const rivalLink = await claimLinkTo(owner, rivalEmail);

    // 4. Wally claims it first and is booked.
    await page.goto(link);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("A time is free for you");
    expect(await seriousAccessibilityViolations(page), "axe on the claim page").toEqual([]);
    await page.getByRole("button", { name: "Book this time" }).click();
    await expect(page).toHaveURL(/\/manage\/[\w-]{32,}\?booked=1$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("You're booked");
    await page.goto(link);
    await expect(page.getByText("You've booked this time.")).toBeVisible();

    // 5. Rita got there second.
    await page.goto(rivalLink);
    const claim = page.getByRole("button", { name: "Book this time" });
    // The matcher may already have closed her offer; either way she hears it's gone.
    if (await claim.isVisible()) await claim.click();
    await expect(page.getByText("Someone got there first")).toBeVisible();
    expect(await seriousAccessibilityViolations(page), "axe on a missed offer").toEqual([]);

    // 6. An afternoon time comes free: not what Rita asked for, so the front desk offers it
    //    to her by hand from the admin's Waitlist page.
    const later = day.booked.find((b) => !isMorning(b.start))!;
    await owner.bookings.cancel.mutate({ id: later.id, reason: "Patient moved away" });
    const admin = await browser.newContext({ baseURL: adminUrl });
    await signInAsOwner(browser, admin);
    const staffPage = await admin.newPage();
    await staffPage.goto("/waitlist");
    await staffPage.getByRole("link", { name: "Rita Rival" }).click();
    await expect(staffPage.getByRole("heading", { level: 1 })).toHaveText("Rita Rival");
    expect(await seriousAccessibilityViolations(staffPage), "axe on the entry").toEqual([]);
    await staffPage.getByLabel("Free time").selectOption(later.start.toISOString());
    await staffPage.getByRole("button", { name: "Offer this time" }).click();
    await expect(staffPage.getByText("Time offered")).toBeVisible();
    await admin.close();

    const handLink = await claimLinkTo(owner, rivalEmail, 2);
    expect(handLink).not.toBe(rivalLink);
    await page.goto(handLink);
    await page.getByRole("button", { name: "Book this time" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("You're booked");
    const booked = await owner.waitlist.list.query({ status: "booked" });
    expect(booked.items.map((e) => e.email)).toEqual(expect.arrayContaining([email, rivalEmail]));
  });

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });

    test("the form keeps what was typed and says what's missing next to the field", async ({
      page,
    }) => {
      const start = clinicClock(new Date(Date.now() + 54 * DAY_MS)).date;
      await page.goto(`/book/${SERVICE_SLUG}/waitlist?practitioner=any&day=${start}`);
      await page.getByLabel("Morning (before 12 pm)").uncheck();
      await page.getByLabel("Afternoon (12 pm – 5 pm)").uncheck();
      await page.getByLabel("Evening (from 5 pm)").uncheck();
      await page.getByLabel("Name").fill("Nora Noscript");
      await page.getByLabel("Email").fill("nora@example.com");
      await page.getByLabel("Phone").fill("0412 345 678");
      await page.getByRole("button", { name: "Join the waitlist" }).click();
      await expect(page.getByText("Choose at least one time of day")).toBeVisible();
      await expect(page.getByLabel("Name")).toHaveValue("Nora Noscript");
      await expect(page.getByLabel("First day that suits you")).toHaveValue(start);
    });
  });
});
