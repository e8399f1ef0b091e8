import { practiceReport } from "@clinic/api";
import { createDatabase } from "@clinic/db";
import { seedDemoClinic } from "@clinic/db/seed";

export const REPORT_BOOKINGS = 10_000;

/**
 * The practice report in process on PGlite: the demo clinic plus 10,000 generated bookings
 * over 2026 (every status, two in five made online, one in five by staff, 2,000 patients),
 * timed for a month and for the whole year, every practitioner (median of repeated runs).
 */
export async function benchPracticeReport() {
  const handle = await createDatabase({ kind: "pglite" });
  try {
    const now = new Date("2027-01-10T00:00:00Z");
    await seedDemoClinic(handle.db, { now });
    const db = handle.db;
    await db.execute(`
      insert into patients (name, email, phone)
      select 'Bench Patient ' || i, 'bench-' || i || '@example.com', '0400 ' || lpad(i::text, 6, '0')
        from generate_series(1, 2000) as i`);
    // Each practitioner's bookings follow one another, fourteen a day (45 minutes, every 50,
    // from 08:00), so none overlap and 10,000 between two practitioners fill 2026.
    await db.execute(`
      with people as (
        select id, row_number() over (order by id) - 1 as n, count(*) over () as total
          from practitioners),
      service as (select id from services order by id limit 1),
      numbered as (
        select b, (b % people.total) as who, (b / people.total) as turn, people.id as practitioner_id
          from generate_series(0, ${REPORT_BOOKINGS - 1}) as b
          join people on people.n = b % people.total),
      patient_ids as (select id, row_number() over (order by id) - 1 as n from patients where email like 'bench-%'),
      rows as (
        select numbered.*, timestamptz '2026-01-01 08:00+11' + (turn / 14) * interval '1 day'
               + (turn % 14) * interval '50 minutes' as starts_at
          from numbered)
      insert into bookings (service_id, practitioner_id, patient_id, starts_at, ends_at, during,
                            status, cancelled_at)
      select (select id from service), rows.practitioner_id, patient_ids.id, rows.starts_at,
             rows.starts_at + interval '45 minutes',
             tstzrange(rows.starts_at, rows.starts_at + interval '45 minutes'),
             (case rows.b % 10 when 0 then 'cancelled' when 1 then 'no_show'
                when 2 then 'confirmed' else 'completed' end)::booking_status,
             case when rows.b % 10 = 0 then rows.starts_at - interval '3 hours' end
        from rows join patient_ids on patient_ids.n = rows.b % 2000`);
    await db.execute(`
      insert into booking_events (booking_id, kind, actor)
      select id, 'created', case when random() < 0.67 then 'patient' else 'staff-bench' end
        from bookings where starts_at >= '2026-01-01' and random() < 0.6`);
    await db.execute("analyze");
    const ctx = { db, now: () => now };
    const scenarios = [
      { name: "month (March 2026)", input: { period: "month", from: "2026-03-01" } },
      {
        name: "year (2026, 366 days max)",
        input: { period: "custom", from: "2026-01-01", to: "2026-12-31" },
      },
    ] as const;
    const results = [];
    for (const { name, input } of scenarios) {
      let bookings = 0;
      for (let i = 0; i < 2; i++) bookings = (await practiceReport(ctx, input)).total.bookings;
      const samples: number[] = [];
      const until = performance.now() + 1500;
      while (performance.now() < until || samples.length < 5) {
        const t0 = performance.now();
        await practiceReport(ctx, input);
        samples.push(performance.now() - t0);
      }
      samples.sort((a, b) => a - b);
      results.push({
        name,
        bookings,
        runs: samples.length,
        medianMs: samples[Math.floor(samples.length / 2)]!,
      });
    }
    return results;
  } finally {
    await handle.close();
  }
}
