import { seriousAccessibilityViolations } from "./accessibility";
import { clinicClock, createStaffAccount, ownerApi, signIn } from "./admin-clinic";
import { api, expect, test } from "./fixtures";

/**
 * A practitioner looks after their own diary: they change their weekly hours, are told which
 * bookings the new hours would leave out before anything is saved, keep them on purpose, and
 * see them flagged afterwards. Other practitioners' schedules and bookings are read-only.
 */

const DAY_MS = 86_400_000;

// One after another, in one worker: the first test changes the schedule the second one edits.
test.describe.configure({ mode: "default" });

async function expectAccessible(page: import("@playwright/test").Page) {
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
}

async function practitionersBySlug() {
  const all = await api.practitioners.list.query();
  const jason = all.find((p) => p.slug === "jason-lee");
  const joey = all.find((p) => p.slug === "joey-lee");
  if (!jason || !joey) throw new Error("The demo clinic should have Jason and Joey Lee");
  return { jason, joey };
}

test("a practitioner edits their hours and sees a booking flagged outside them", async ({
  page,
}) => {
  // Roomy: axe runs on six pages, each taking up to half a minute on a busy two-core machine.
  test.setTimeout(420_000);
  const owner = await ownerApi();
  const { jason, joey } = await practitionersBySlug();
  const account = await createStaffAccount(owner, "practitioner", {
    name: "Jason Lee",
    practitionerId: jason.id,
  });
  const service = (await api.services.list.query()).find((s) =>
    s.practitioners.some((p) => p.id === jason.id),
  );
  if (!service) throw new Error("Jason Lee should offer a service");

  // A booking with Jason a week or more ahead, taken by the front desk.
  const from = clinicClock(new Date(Date.now() + 8 * DAY_MS)).date;
  const to = clinicClock(new Date(Date.now() + 28 * DAY_MS)).date;
  const free = await owner.bookings.availability.query({
    serviceId: service.id,
    practitionerId: jason.id,
    from,
    to,
  });
  const slot = free.days[0]?.slots[0];
  if (!slot) throw new Error("Jason Lee should have free times in the coming weeks");
  const patientName = `Hours Check ${Date.now().toString(36)}`;
  const booked = await owner.bookings.createForPatient.mutate({
    serviceId: service.id,
    practitionerId: jason.id,
    start: slot.start,
    patient: {
      name: patientName,
      email: `${Date.now().toString(36)}@example.com`,
      phone: "0412 000 111",
    },
    notes: "",
  });
  const { weekdayName } = clinicClock(slot.start);
  const savedHours = (await owner.schedules.get.query({ practitionerId: jason.id })).weeklyHours;

  try {
    await signIn(page, account);
    await page.getByRole("link", { name: "Schedules", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Schedules");
    await expectAccessible(page);
    // Their own schedule is editable; a colleague's only viewable.
    await expect(page.getByRole("link", { name: "View schedule of Joey Lee" })).toBeVisible();
    await page.getByRole("link", { name: "Edit schedule of Jason Lee" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Schedule: Jason Lee");
    await expectAccessible(page);

    // Stop working on the booking's weekday altogether.
    const removeFirst = page.getByRole("button", {
      name: `Remove ${weekdayName} range 1`,
      exact: true,
    });
    while ((await removeFirst.count()) > 0) await removeFirst.click();
    await expect(page.getByRole("group", { name: weekdayName })).toContainText("Not working");
    await page.getByRole("button", { name: "Save hours" }).click();

    // Nothing saved yet: the bookings left outside are listed, with what changes.
    const warning = page.getByRole("alert").filter({ hasText: "outside the new hours" });
    await expect(warning).toContainText(patientName);
    await expect(warning.getByRole("row", { name: new RegExp(weekdayName) })).toContainText(
      "Not working",
    );
    await expectAccessible(page);
    expect((await owner.schedules.get.query({ practitionerId: jason.id })).weeklyHours).toEqual(
      savedHours,
    );

    await page.getByRole("button", { name: "Save anyway and keep these bookings" }).click();
    await expect(page.getByRole("status")).toContainText("Working hours saved");
    const flagged = page.getByRole("region", { name: /outside these working hours/ });
    await expect(flagged.getByRole("link", { name: new RegExp(patientName) })).toHaveAttribute(
      "href",
      `/bookings/${booked.id}`,
    );
    await expect(page.getByRole("group", { name: weekdayName })).toContainText("Not working");
    await expectAccessible(page);
    const stored = (await owner.schedules.get.query({ practitionerId: jason.id })).weeklyHours;
    expect(stored.some((r) => clinicWeekday(r.weekday) === weekdayName)).toBe(false);
    // The booking itself is untouched.
    expect((await owner.bookings.detail.query({ id: booked.id })).status).toBe("confirmed");

    // Jason's own booking can be acted on; a booking of Joey's only read.
    await flagged.getByRole("link", { name: new RegExp(patientName) }).click();
    await expect(page.getByRole("link", { name: "Cancel booking" })).toBeVisible();
    await expectAccessible(page);
    await page.goto(`/schedules/${joey.id}`);
    await expect(page.getByText("only the owner or the practitioner can change it")).toBeVisible();
    await expect(page.getByRole("button", { name: "Save hours" })).toHaveCount(0);
    const joeysWeek = await owner.bookings.list.query({
      from,
      to,
      practitionerId: joey.id,
      includeCancelled: false,
    });
    const joeysBooking = joeysWeek.bookings[0];
    if (joeysBooking) {
      await page.goto(`/bookings/${joeysBooking.id}`);
      await expect(page.getByRole("heading", { level: 1 })).toContainText(
        joeysBooking.patient.name,
      );
      await expect(page.getByRole("link", { name: "Cancel booking" })).toHaveCount(0);
      await expect(page.getByRole("link", { name: "Reschedule" })).toHaveCount(0);
    }
  } finally {
    await owner.schedules.setWeeklyHours.mutate({
      practitionerId: jason.id,
      ranges: savedHours,
      confirmOrphans: true,
    });
    await owner.bookings.cancel.mutate({ id: booked.id, reason: "Test booking" });
  }
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a practitioner adds and removes hour ranges with the form's own buttons", async ({
    page,
  }) => {
    test.setTimeout(180_000);
    const owner = await ownerApi();
    const { jason } = await practitionersBySlug();
    const account = await createStaffAccount(owner, "practitioner", {
      name: "Jason Lee",
      practitionerId: jason.id,
    });
    await signIn(page, account);
    await page.goto(`/schedules/${jason.id}`);
    const sunday = page.getByRole("group", { name: "Sunday" });
    const before = await sunday.getByRole("button", { name: /^Remove Sunday range/ }).count();

    await page.getByRole("button", { name: "Add range on Sunday" }).click();
    await expect(sunday.getByRole("button", { name: /^Remove Sunday range/ })).toHaveCount(
      before + 1,
    );
    await expect(page.getByLabel(`Sunday range ${before + 1} Start`)).toHaveValue(/^\d\d:\d\d$/);

    await page
      .getByRole("button", { name: `Remove Sunday range ${before + 1}`, exact: true })
      .click();
    await expect(sunday.getByRole("button", { name: /^Remove Sunday range/ })).toHaveCount(before);

    // Previewing proposed hours saves nothing.
    await page.getByRole("button", { name: "Preview bookable times" }).click();
    await expect(
      page.getByRole("heading", { name: /Bookable times with the proposed hours/ }),
    ).toBeVisible();
    // (No axe here: it needs JavaScript in the page; the same page passes it in the test above.)
  });
});

function clinicWeekday(isoWeekday: number): string {
  return (
    ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][
      isoWeekday - 1
    ] ?? ""
  );
}
