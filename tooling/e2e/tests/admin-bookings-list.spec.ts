import { readFile } from "node:fs/promises";
import { seriousAccessibilityViolations } from "./accessibility";
import { clinicClock, ownerApi, signInAsOwner } from "./admin-clinic";
import { expect, test } from "./fixtures";

/**
 * The bookings list as the front office uses it: the owner narrows it to a few weeks and a
 * search, pages through, opens a booking, and downloads the matches as CSV; then the patients
 * as CSV. The bookings are made by the test (51: one more than a page), four months ahead,
 * where no other spec books.
 */

const DAY_MS = 86_400_000;
const BOM = [0xef, 0xbb, 0xbf];

test("the owner filters the bookings list, pages through it, opens a booking and downloads CSVs", async ({
  page,
  browser,
}) => {
  // Roomy, as the other admin specs: 51 bookings, page loads and axe on a busy two-core machine.
  test.setTimeout(420_000);
  const owner = await ownerApi();
  const tag = Date.now().toString(36);
  const service = (await owner.services.list.query())[0];
  if (!service) throw new Error("The demo clinic should offer a service");
  const practitioner = service.practitioners[0];
  if (!practitioner) throw new Error(`${service.name} should have a practitioner`);
  const from = clinicClock(new Date(Date.now() + 120 * DAY_MS)).date;
  const to = clinicClock(new Date(Date.now() + 150 * DAY_MS)).date;
  const free = await owner.bookings.availability.query({
    serviceId: service.id,
    practitionerId: practitioner.id,
    from,
    to,
  });

  // Book free times one after another; a time that overlaps the one before is refused and skipped.
  const made: { name: string; email: string }[] = [];
  for (const slot of free.days.flatMap((d) => d.slots)) {
    if (made.length === 51) break;
    const n = made.length;
    const patient = {
      name: `Lister ${tag} ${String(n).padStart(2, "0")}`,
      email: `lister-${tag}-${n}@example.com`,
      phone: "0412 555 311",
    };
    const booked = await owner.bookings.createForPatient
      .mutate({
        serviceId: service.id,
        practitionerId: practitioner.id,
        start: slot.start,
        patient,
      })
      .then(
        () => true,
        () => false,
      );
    if (booked) made.push(patient);
  }
  expect(made).toHaveLength(51);

  // 1. Filter with the form: dates, practitioner and a search (the address keeps them).
  await signInAsOwner(browser, page.context());
  await page.goto("/bookings");
  await expect(page.getByRole("heading", { level: 1, name: "Bookings" })).toBeVisible();
  await page.getByLabel("From", { exact: true }).fill(from);
  await page.getByLabel("To", { exact: true }).fill(to);
  await page.getByLabel("Practitioner", { exact: true }).selectOption({ label: practitioner.name });
  await page.getByLabel("Patient name, email or phone").fill(`Lister ${tag}`);
  await page.getByRole("button", { name: "Show bookings" }).click();
  await expect(page.getByRole("status").filter({ hasText: "51 bookings." })).toBeVisible();
  expect(new URL(page.url()).searchParams.get("q")).toBe(`Lister ${tag}`);
  const rows = page.getByRole("table").getByRole("row");
  await expect(rows).toHaveCount(51); // 50 bookings and the header
  await expect(rows.nth(1)).toContainText(made[0]!.name);
  expect(await seriousAccessibilityViolations(page)).toEqual([]);

  // 2. Page on: the one booking left, in start order.
  await page.getByRole("link", { name: "Later bookings" }).click();
  await expect(page.getByText("Page 2 of 2", { exact: true })).toBeVisible();
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText(made[50]!.name);

  // 3. Open it.
  await rows.nth(1).getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    `${made[50]!.name}: ${service.name}`,
  );
  await page.goBack();

  // 4. Download the matches as CSV: a byte-order mark, the header, a row per booking.
  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download CSV" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^bookings-\d{4}-\d{2}-\d{2}\.csv$/);
  const bytes = await readFile((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual(BOM);
  const lines = bytes.subarray(3).toString("utf8").split("\r\n").filter(Boolean);
  expect(lines[0]).toBe(
    "Date,Start,End,Status,Practitioner,Service,Patient,Email,Phone,Booked at,Booking id",
  );
  expect(lines).toHaveLength(52);
  expect(lines[1]).toContain(
    `,Confirmed,${practitioner.name},${service.name},${made[0]!.name},${made[0]!.email},0412 555 311,`,
  );

  // 5. The patients matching a search, as CSV from the patients page.
  await page.goto(`/patients?q=${encodeURIComponent(`lister-${tag}-1`)}`);
  await expect(page.getByRole("status")).toContainText("match");
  const downloadingPatients = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download CSV" }).click();
  const patients = await downloadingPatients;
  expect(patients.suggestedFilename()).toMatch(/^patients-\d{4}-\d{2}-\d{2}\.csv$/);
  const patientBytes = await readFile((await patients.path())!);
  expect([...patientBytes.subarray(0, 3)]).toEqual(BOM);
  const patientLines = patientBytes.subarray(3).toString("utf8").split("\r\n").filter(Boolean);
  expect(patientLines[0]).toBe(
    "Name,Email,Phone,Bookings,Next visit,Last visit,First seen,Patient id",
  );
  // lister-<tag>-1, -10 … -19: eleven of them, by name.
  expect(patientLines).toHaveLength(12);
  expect(patientLines[1]).toMatch(
    new RegExp(
      `^${made[1]!.name},${made[1]!.email},0412 555 311,1,\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2},`,
    ),
  );

  // Both exports are in the audit log, without the search's text.
  const log = await owner.audit.list.query({ entity: "booking" });
  const entry = log.items.find((e) => e.action === "booking.export_csv");
  expect(entry?.changes).toMatchObject({ rows: { to: 51 }, searched: { to: true } });
  expect(JSON.stringify(entry)).not.toContain(tag);
});
