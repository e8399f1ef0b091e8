import { schema } from "@clinic/db";
import { testDrivers } from "@clinic/db/testing";
import { MAX_EXPORT_ROWS, startOfLocalDay } from "@clinic/domain";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  auditRows,
  createTestApp,
  demoClinic,
  demoStaff,
  failure,
  filledInFormToken,
  type TestApp,
} from "../testing/index.js";
import { toCsv } from "./csv-exports.js";

const SYDNEY = "Australia/Sydney";
const BOM = "\uFEFF";

describe("CSV text", () => {
  it("starts with a byte-order mark, quotes what needs it, and ends lines for Excel", () => {
    const csv = toCsv(["Name", "Note"], [["O'Brien, Ann", 'said "hi"\nthen left']]);
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv.slice(1)).toBe('Name,Note\r\n"O\'Brien, Ann","said ""hi""\nthen left"\r\n');
  });

  it("defuses cells a spreadsheet would run as formulas", () => {
    const hostile = ['=HYPERLINK("http://x")', "+61 400", "-2+3", "@SUM(A1)", "\tTab", "\rCR"];
    const csv = toCsv(
      ["Value"],
      hostile.map((v) => [v]),
    );
    const cells = csv.slice(1).split("\r\n").slice(1, -1);
    expect(cells).toEqual([
      '"\'=HYPERLINK(""http://x"")"',
      "'+61 400",
      "'-2+3",
      "'@SUM(A1)",
      "'\tTab",
      '"\'\rCR"',
    ]);
    // Numbers stay numbers, negative ones included; ordinary text is untouched.
    expect(toCsv(["n", "t"], [[-5, "Mia"]]).slice(1)).toBe("n,t\r\n-5,Mia\r\n");
  });
});

describe.each(testDrivers)("CSV exports (%s)", (driver) => {
  let t: TestApp;
  let clinic: Awaited<ReturnType<typeof demoClinic>>;
  let staff: Awaited<ReturnType<typeof demoStaff>>;
  const week = { from: "2027-06-07", to: "2027-06-13" };
  const hostileName = '=cmd|"/c calc"!A1';

  beforeAll(async () => {
    t = await createTestApp({ driver });
    clinic = await demoClinic(t);
    staff = await demoStaff(t, clinic);
    const people = [
      { name: "Zoë Müller, Jr", email: "zoe@example.com", phone: "0412 000 111" },
      { name: hostileName, email: "hostile@example.com", phone: "+61 400 000 000" },
    ];
    for (const [i, person] of people.entries()) {
      const [patient] = await t.db.insert(schema.patients).values(person).returning();
      const startsAt = new Date(
        startOfLocalDay(SYDNEY, "2027-06-08").getTime() + (9 + i) * 3_600_000,
      );
      const endsAt = new Date(startsAt.getTime() + 30 * 60_000);
      await t.db.insert(schema.bookings).values({
        serviceId: clinic.serviceId,
        practitionerId: clinic.jasonId,
        patientId: patient!.id,
        startsAt,
        endsAt,
        during: { start: startsAt, end: endsAt },
      });
    }
    await t.client().enquiries.submit.mutate({
      name: "Ivy Enquirer",
      email: "ivy@example.com",
      phone: "0400 123 123",
      message: "@everyone: do you see runners?",
      formToken: filledInFormToken("enquiry"),
    });
  }, 120_000);
  afterAll(() => t?.close());

  const lines = (csv: string) => csv.slice(1).split("\r\n").filter(Boolean);

  it("exports the filtered bookings list with times in the clinic's zone, and audits it without patient data", async () => {
    const file = await staff.frontDesk.client.bookings.exportCsv.mutate({
      ...week,
      practitionerId: clinic.jasonId,
      query: "example.com",
    });
    expect(file.csv.startsWith(BOM)).toBe(true);
    expect(file.rowCount).toBe(2);
    expect(file.fileName).toMatch(/^bookings-\d{4}-\d{2}-\d{2}\.csv$/);
    const [header, first, second] = lines(file.csv);
    expect(header).toBe(
      "Date,Start,End,Status,Practitioner,Service,Patient,Email,Phone,Booked at,Booking id",
    );
    expect(first).toMatch(
      /^2027-06-08,09:00,09:30,Confirmed,Jason Lee,Follow-up Adjustment,"Zoë Müller, Jr",zoe@example.com,0412 000 111,/,
    );
    expect(second).toContain(`"'=cmd|""/c calc""!A1"`);
    expect(second).toContain(",'+61 400 000 000,");

    const [entry] = await auditRows(t, "booking.export_csv");
    expect(entry).toMatchObject({
      actorId: staff.frontDesk.user.id,
      entity: "booking",
      entityId: null,
    });
    expect(entry!.changes).toEqual({
      from: { from: null, to: week.from },
      to: { from: null, to: week.to },
      practitionerId: { from: null, to: clinic.jasonId },
      searched: { from: null, to: true },
      format: { from: null, to: "csv" },
      rows: { from: null, to: 2 },
    });
    expect(JSON.stringify(entry)).not.toMatch(/example\.com|Zoë|cmd/);
  });

  it("exports patients (a search's matches) and enquiries (a status), each audited", async () => {
    const patients = await staff.owner.client.patients.exportCsv.mutate({ query: "zoe@" });
    expect(patients.fileName).toMatch(/^patients-\d{4}-\d{2}-\d{2}\.csv$/);
    const [header, row, extra] = lines(patients.csv);
    expect(header).toBe("Name,Email,Phone,Bookings,Next visit,Last visit,First seen,Patient id");
    expect(row).toMatch(/^"Zoë Müller, Jr",zoe@example.com,0412 000 111,1,2027-06-08 09:00,,/);
    expect(extra).toBeUndefined();
    const all = await staff.frontDesk.client.patients.exportCsv.mutate({});
    expect(all.rowCount).toBeGreaterThan(2);

    const enquiries = await staff.frontDesk.client.enquiries.exportCsv.mutate({ status: "new" });
    const enquiryLines = lines(enquiries.csv);
    expect(enquiryLines[0]).toBe(
      "Received,Status,Name,Email,Phone,Message,Notes,Replies,Enquiry id",
    );
    const ivy = enquiryLines.find((l) => l.includes("Ivy Enquirer"));
    // The status as staff read it, not its code.
    expect(ivy).toMatch(/^[^,]+,New,/);
    expect(ivy).toContain(",'@everyone: do you see runners?,0,0,");
    const closed = await staff.frontDesk.client.enquiries.exportCsv.mutate({ status: "closed" });
    expect(closed.csv).not.toContain("Ivy Enquirer");

    const [patientEntry] = await auditRows(t, "patient.export_csv");
    expect(patientEntry!.changes).toMatchObject({ rows: { from: null, to: all.rowCount } });
    const searched = (await auditRows(t, "patient.export_csv")).find(
      (e) => (e.changes as Record<string, unknown>).searched,
    );
    expect(JSON.stringify(searched)).not.toContain("zoe");
    const [enquiryEntry] = (await auditRows(t, "enquiry.export_csv")).filter(
      (e) => (e.changes as { status?: { to: string } }).status?.to === "new",
    );
    expect(enquiryEntry!.changes).toMatchObject({ rows: { from: null, to: enquiries.rowCount } });
  });

  it("is for the owner and the front desk only, checked by the API; a refusal writes no audit entry", async () => {
    const before = (await auditRows(t, "booking.export_csv")).length;
    // One call at a time: a refused call's promise left waiting would reject unhandled.
    for (const call of [
      () => staff.jason.client.bookings.exportCsv.mutate(week),
      () => staff.jason.client.patients.exportCsv.mutate({}),
      () => staff.jason.client.enquiries.exportCsv.mutate({}),
    ]) {
      expect((await failure(call())).code).toBe("FORBIDDEN");
    }
    expect((await failure(t.client().bookings.exportCsv.mutate(week))).code).toBe("UNAUTHORIZED");
    expect((await failure(t.client().patients.exportCsv.mutate({}))).code).toBe("UNAUTHORIZED");
    expect(await auditRows(t, "booking.export_csv")).toHaveLength(before);
    // Practitioners still read the list itself.
    expect((await staff.jason.client.bookings.search.query(week)).total).toBe(2);
  });

  it(`refuses an export over ${MAX_EXPORT_ROWS.toLocaleString("en-AU")} rows with a clear message, writing nothing`, async () => {
    // Cancelled bookings (they block no time) at one-minute steps through a July weekend.
    await t.db.execute(sql`
      insert into ${schema.bookings} (service_id, practitioner_id, patient_id, starts_at, ends_at, during, status)
      select ${clinic.serviceId}, ${clinic.joeyId}, p.id, s, s + interval '30 minutes',
             tstzrange(s, s + interval '30 minutes'), 'cancelled'
      from (select id from ${schema.patients} order by id limit 1) p,
           generate_series(timestamptz '2027-07-10 00:00+10', timestamptz '2027-07-10 00:00+10' + (${MAX_EXPORT_ROWS} * interval '1 minute'), interval '1 minute') s`);
    const before = (await auditRows(t, "booking.export_csv")).length;
    const refused = await failure(
      staff.owner.client.bookings.exportCsv.mutate({ from: "2027-07-09", to: "2027-07-20" }),
    );
    expect(refused.code).toBe("BAD_REQUEST");
    expect(refused.message).toBe(
      "That is 10,001 bookings; an export holds at most 10,000. Narrow the filters and export in parts.",
    );
    expect(await auditRows(t, "booking.export_csv")).toHaveLength(before);
    // The list still pages through them.
    const page = await staff.owner.client.bookings.search.query({
      from: "2027-07-09",
      to: "2027-07-20",
      page: 201,
    });
    expect(page).toMatchObject({ total: MAX_EXPORT_ROWS + 1, pageCount: 201 });
    expect(page.items).toHaveLength(1);
  }, 60_000);
});
