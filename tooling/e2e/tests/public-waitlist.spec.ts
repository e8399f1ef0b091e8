import type { ApiClient } from "@clinic/api-client";
import { adminUrl, webUrl } from "../environment";
import { seriousAccessibilityViolations } from "./accessibility";
import { clinicClock, ownerApi, signInAsOwner } from "./admin-clinic";
import { api, expect, test } from "./fixtures";

/**
 * The waitlist (decision 028): a patient finds Jason's day full, joins the waitlist from the
 * booking picker; a booking that day is cancelled, the front desk offers the freed time from
 * the admin's Waitlist page, and the patient claims it from the link in the email.
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
  const day = free.days.find((d) => d.slots.length >= 2);
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

test.describe("the waitlist", () => {
  test("a patient joins from a full day and claims a freed time from the email link", async ({
    page,
    browser,
  }) => {
    test.setTimeout(240_000);
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
    const entry = waiting.items.find((e) => e.email === email);
    expect(entry).toMatchObject({ fromDate: day.date, toDate: day.date });

    // 3. A booking that day is cancelled; the front desk offers the freed time by hand.
    const freed = day.booked[0]!;
    await owner.bookings.cancel.mutate({ id: freed.id, reason: "Patient is unwell" });
    const admin = await browser.newContext({ baseURL: adminUrl });
    await signInAsOwner(browser, admin);
    const staffPage = await admin.newPage();
    await staffPage.goto("/waitlist");
    await staffPage.getByRole("link", { name: "Wally Waiting" }).click();
    await expect(staffPage.getByRole("heading", { level: 1 })).toHaveText("Wally Waiting");
    expect(await seriousAccessibilityViolations(staffPage), "axe on the entry").toEqual([]);
    await staffPage.getByLabel("Free time").selectOption(freed.start.toISOString());
    await staffPage.getByRole("button", { name: "Offer this time" }).click();
    await expect(staffPage.getByText("Time offered")).toBeVisible();
    await admin.close();

    // 4. The email holds the claim link (read as the other specs read mail: the Emails API).
    const offers = await owner.emails.list.query({ kind: "waitlist.offer" });
    const message = offers.messages.find((m) => m.to === email);
    if (!message) throw new Error("The offer should have been emailed");
    const { text } = await owner.emails.get.query({ id: message.id });
    const link = text.match(/https?:\/\/\S+\/waitlist\/[\w-]{43}/)?.[0];
    if (!link) throw new Error("The email should hold a claim link");
    expect(link.startsWith(webUrl)).toBe(true);

    // Another patient waiting for Jason that day is offered the same time (by the API).
    const { token: formToken } = await api.forms.token.query({ form: "waitlist" });
    await new Promise((resolve) => setTimeout(resolve, 3_100));
    const rivalEmail = `rita-${Date.now().toString(36)}@example.com`;
    const rival = await api.waitlist.join.mutate({
      serviceId: day.serviceId,
      practitionerId: day.jasonId,
      fromDate: day.date,
      toDate: day.date,
      timesOfDay: ["morning", "afternoon", "evening"],
      name: "Rita Rival",
      email: rivalEmail,
      phone: "0412 000 111",
      formToken,
    });
    await owner.waitlist.offerTime.mutate({ id: rival.id, start: freed.start });
    const rivalMessage = (await owner.emails.list.query({ kind: "waitlist.offer" })).messages.find(
      (m) => m.to === rivalEmail,
    );
    const rivalLink = (await owner.emails.get.query({ id: rivalMessage!.id })).text.match(
      /https?:\/\/\S+\/waitlist\/[\w-]{43}/,
    )?.[0];

    // 5. The patient claims it and is booked.
    await page.goto(link);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("A time is free for you");
    expect(await seriousAccessibilityViolations(page), "axe on the claim page").toEqual([]);
    await page.getByRole("button", { name: "Book this time" }).click();
    await expect(page).toHaveURL(/\/manage\/[\w-]{32,}\?booked=1$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("You're booked");

    // 6. The other patient got there second.
    await page.goto(rivalLink!);
    await page.getByRole("button", { name: "Book this time" }).click();
    await expect(page.getByText("Someone got there first")).toBeVisible();
    expect(await seriousAccessibilityViolations(page), "axe on a missed offer").toEqual([]);

    // The link now says it's booked; the entry is done.
    await page.goto(link);
    await expect(page.getByText("You've booked this time.")).toBeVisible();
    const booked = await owner.waitlist.list.query({ status: "booked" });
    expect(booked.items.map((e) => e.email)).toContain(email);
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
