import { readFile } from "node:fs/promises";
import { adminUrl } from "../environment";
import { seriousAccessibilityViolations } from "./accessibility";
import { clinicClock, ownerApi, signInAsOwner } from "./admin-clinic";
import { expect, test } from "./fixtures";

/**
 * A patient's data rights in the admin (decision 018): the owner downloads everything held about
 * a patient, then erases them, each behind its confirmation step. The erasure is done with
 * JavaScript off, as the form must work without it. The patient is booked by the test, on a day
 * weeks ahead that no other spec takes.
 */

const DAY_MS = 86_400_000;

test("the owner exports a patient's data, then erases them after typing their name", async ({
  page,
  browser,
}) => {
  // Roomy, as the other admin specs: page loads and axe are slow on a busy two-core machine.
  test.setTimeout(420_000);
  const owner = await ownerApi();
  const tag = Date.now().toString(36);
  const patient = {
    name: `Rights Tester ${tag}`,
    email: `rights-${tag}@example.com`,
    phone: "0412 555 099",
  };
  const service = (await owner.services.list.query())[0];
  if (!service) throw new Error("The demo clinic should offer a service");
  const practitionerId = service.practitioners[0]?.id;
  if (!practitionerId) throw new Error(`${service.name} should have a practitioner`);
  const free = await owner.bookings.availability.query({
    serviceId: service.id,
    practitionerId,
    from: clinicClock(new Date(Date.now() + 40 * DAY_MS)).date,
    to: clinicClock(new Date(Date.now() + 50 * DAY_MS)).date,
  });
  const day = free.days.at(-1);
  const slot = day?.slots.at(-1);
  if (!slot) throw new Error("There should be a free time six weeks ahead");
  await owner.bookings.createForPatient.mutate({
    serviceId: service.id,
    practitionerId,
    start: slot.start,
    patient,
    notes: "Booked for the data rights test",
  });
  const found = (await owner.patients.search.query({ query: patient.email })).patients[0];
  if (!found) throw new Error("The patient should be listed");
  const here = `/patients/${found.id}`;

  // 1. Export: a confirmation step, then a download of the JSON file.
  await signInAsOwner(browser, page.context());
  await page.goto(here);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(patient.name);
  await page.getByRole("link", { name: "Export their data…" }).click();
  await expect(page.getByText(/Download everything held about/)).toBeVisible();
  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download data (JSON)" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(new RegExp(`^patient-${found.id}-.*\\.json$`));
  const file = JSON.parse(await readFile((await download.path())!, "utf8")) as {
    patient: { name: string; email: string; phone: string };
    bookings: { notes: string; status: string }[];
  };
  expect(file.patient).toMatchObject(patient);
  expect(file.bookings).toEqual([
    expect.objectContaining({ status: "confirmed", notes: "Booked for the data rights test" }),
  ]);

  // 2. The erasure's confirmation step is accessible (axe needs the page's JavaScript on).
  await page.goto(`${here}?confirm=erase`);
  await expect(page.getByLabel("Type the patient's name to confirm")).toBeVisible();
  expect(await seriousAccessibilityViolations(page)).toEqual([]);

  // 3. Erase, without JavaScript: a wrong name is refused, the right one erases.
  const noScript = await browser.newContext({ baseURL: adminUrl, javaScriptEnabled: false });
  try {
    await signInAsOwner(browser, noScript);
    const plain = await noScript.newPage();
    await plain.goto(here);
    await plain.getByRole("link", { name: "Erase their details…" }).click();
    await expect(plain.getByText(/Erase .* details for good\?/)).toBeVisible();
    const confirmName = plain.getByLabel("Type the patient's name to confirm");
    await confirmName.fill("Someone Else");
    await plain.getByRole("button", { name: "Erase for good" }).click();
    await expect(
      plain.getByText("That isn't the patient's name as shown on this page"),
    ).toBeVisible();
    expect((await owner.patients.detail.query({ id: found.id })).patient.name).toBe(patient.name);

    await plain.getByLabel("Type the patient's name to confirm").fill(patient.name.toUpperCase());
    await plain.getByRole("button", { name: "Erase for good" }).click();
    await expect(
      plain.getByRole("status").filter({ hasText: "details were erased" }),
    ).toBeVisible();
    await expect(plain.getByRole("heading", { level: 1 })).toHaveText("Erased patient");
    await expect(plain.getByText(patient.email)).toHaveCount(0);
    await expect(plain.getByRole("link", { name: "Erase their details…" })).toHaveCount(0);
  } finally {
    await noScript.close();
  }
  const erased = await owner.patients.detail.query({ id: found.id });
  expect(erased.patient).toMatchObject({ name: "Erased patient", phone: "" });
  expect(erased.bookings.map((b) => [b.status, b.notes])).toEqual([["cancelled", ""]]);
});
