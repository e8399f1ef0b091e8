import { createStaffUser, hashPassword, schema } from "@clinic/db";
import { testDrivers } from "@clinic/db/testing";
import type { StaffRole } from "@clinic/domain";
import { sql } from "drizzle-orm";
import fc from "fast-check";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSession } from "../auth/sessions.js";
import { hashManageToken } from "../bookings/manage-token.js";
import { PATIENT_SESSION_HEADER } from "../patient-access/patient-sessions.js";
import { startPatientSession } from "../patient-access/sign-in-links.js";
import {
  applyMutation,
  type Hints,
  type Mutation,
  mutatedInput,
  validLooking,
} from "../testing/generated-input.js";
import {
  createTestApp,
  demoClinic,
  filledInFormToken,
  insertTestBooking,
  TEST_START,
  type TestApp,
} from "../testing/index.js";
import { type RouterProcedure, routerProcedures } from "../testing/procedures.js";

/**
 * Generated, malformed and hostile input for every procedure of the router,
 * over HTTP (`app.request`, so the status is the real one), as anonymous
 * callers and as staff of each role. Each input is a valid-looking sample of
 * the procedure's own input schema (fed with the seeded clinic's ids, slots
 * and booking links, so it gets past validation) with one thing changed: a
 * field replaced by a hostile value or removed, an extra key, or the whole
 * input replaced. The rule it holds: no 5xx ever; a 4xx carries a message,
 * and field errors when the input breaks the schema; a rejected call changes
 * no row.
 *
 * A modest count runs with the suite; `pnpm fuzz` runs FUZZ_RUNS inputs per
 * database driver (10,000 by default), on PostgreSQL too with TEST_DATABASE_URL.
 * FUZZ_SEED replays a run (fixed by default, so CI is repeatable).
 */
const procedures = routerProcedures();
const fuzzing = process.env.FUZZ_RUNS !== undefined;
const TOTAL_RUNS = Number(process.env.FUZZ_RUNS || 0) || 4 * procedures.length;
const RUNS_PER_PROCEDURE = Math.ceil(TOTAL_RUNS / procedures.length);
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_130);

/**
 * Tables a rejected call may still write, by design: a rate-limit hit counts
 * the attempt (limits bound attempts, not successes); a failed sign-in is
 * recorded to throttle guessing; resolving a staff session slides its idle
 * expiry. Every other table must be unchanged after a 4xx.
 */
const SIDE_TABLES = new Set([
  "rate_limit_hits",
  "sign_in_failures",
  "staff_sessions",
  // A patient's session (self-service), made per call like a staff one, and slid by use.
  "patient_sessions",
]);

type Role = "anonymous" | "patient" | StaffRole;

/** One of `values`, or any well-formed id when there are none. */
const oneOf = (values: unknown[]) =>
  values.length > 0 ? fc.constantFrom(...values) : fc.uuid({ version: 4 });

interface Answer {
  status: number;
  message: unknown;
  code: unknown;
  fieldErrors: Record<string, string[]> | null | undefined;
}

interface Finding {
  procedure: string;
  role: Role;
  problem: string;
  status: number;
  message: unknown;
  mutation: string;
}

/** A short, log-safe description of a mutation (huge values cut). */
function describeMutation(mutation: Mutation): string {
  const text = (() => {
    try {
      return JSON.stringify(superjson.serialize(mutation).json);
    } catch {
      return String(mutation.kind);
    }
  })();
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

describe.each(testDrivers)("generated input on %s", (driver) => {
  let t: TestApp;
  let hints: Hints;
  let idsByArea: Record<string, string[]>;
  const sessionUsers = new Map<
    StaffRole,
    { id: string; role: StaffRole; practitionerId: string | null }
  >();
  let checksumQuery: ReturnType<typeof sql.raw>;
  /** The patient the "patient" role signs in as: the one with the first test booking. */
  let patientId: string;
  const findings: Finding[] = [];
  const timing: Record<string, number> = {};
  const stats = { calls: 0, reachedService: 0, byStatus: new Map<number, number>(), unnamed400: 0 };

  beforeAll(async () => {
    t = await createTestApp({ driver });
    const clinic = await demoClinic(t);
    const passwordHash = await hashPassword("fuzz-staff-password");
    for (const role of ["owner", "front_desk", "practitioner"] as const) {
      const practitionerId = role === "practitioner" ? clinic.jasonId : null;
      const user = await createStaffUser(t.db, {
        email: `${role}@fuzz.test`,
        name: `Fuzz ${role}`,
        role,
        practitionerId,
        passwordHash,
      });
      sessionUsers.set(role, { id: user.id, role, practitionerId });
    }

    // Upcoming bookings with known manage links, so token procedures reach a real booking.
    const tokens: string[] = [];
    for (let day = 1; day <= 3; day++) {
      const token = `fuzz_manage_token_${day}_${"x".repeat(24)}`;
      await insertTestBooking(t.db, {
        startsAt: new Date(TEST_START.getTime() + day * 86_400_000 + 3_600_000),
        manageTokenHash: hashManageToken(token),
        practitionerId: day % 2 ? clinic.jasonId : clinic.joeyId,
      });
      tokens.push(token);
    }

    const [firstBooking] = await t.db
      .select({ patientId: schema.bookings.patientId })
      .from(schema.bookings)
      .where(sql`${schema.bookings.manageTokenHash} = ${hashManageToken(tokens[0]!)}`);
    patientId = firstBooking!.patientId;

    const ids = async (table: string) => {
      const { rows } = (await t.db.execute(sql.raw(`select id from "${table}"`))) as unknown as {
        rows: { id: string }[];
      };
      return rows.map((r) => r.id);
    };
    idsByArea = {
      bookings: await ids("bookings"),
      emails: await ids("outbox_messages"),
      enquiries: await ids("enquiries"),
      patients: await ids("patients"),
      posts: await ids("posts"),
      practitioners: await ids("practitioners"),
      reviews: await ids("reviews"),
      schedules: [...(await ids("time_off")), ...(await ids("clinic_closures"))],
      services: await ids("services"),
      staff: await ids("staff_users"),
    };
    const slots = (
      await t.client().availability.slots.query({
        serviceId: clinic.serviceId,
        practitionerId: "any",
        from: new Date(TEST_START.getTime() + 2 * 86_400_000).toISOString().slice(0, 10),
        to: new Date(TEST_START.getTime() + 9 * 86_400_000).toISOString().slice(0, 10),
      })
    ).days.flatMap((day: { slots: { start: Date }[] }) => day.slots.map((s) => s.start));
    const slugs = [
      ...(await t.db.select({ slug: schema.posts.slug }).from(schema.posts)),
      ...(await t.db.select({ slug: schema.practitioners.slug }).from(schema.practitioners)),
      ...(await t.db.select({ slug: schema.services.slug }).from(schema.services)),
    ].map((r) => r.slug);
    const localDay = (offset: number) =>
      new Date(TEST_START.getTime() + offset * 86_400_000).toISOString().slice(0, 10);

    hints = {
      serviceId: fc.constantFrom(...idsByArea.services!),
      "practitionerId:union": fc.constantFrom(...idsByArea.practitioners!, "any"),
      practitionerId: fc.constantFrom(...idsByArea.practitioners!),
      authorId: fc.constantFrom(...idsByArea.practitioners!, null),
      practitionerIds: fc.subarray(idsByArea.practitioners!, { minLength: 1 }),
      actorId: oneOf(idsByArea.staff!),
      token: fc.constantFrom(...tokens),
      "start:date": slots.length > 0 ? fc.constantFrom(...slots) : fc.date(),
      "from:string": fc.integer({ min: 0, max: 6 }).map(localDay),
      "to:string": fc.integer({ min: 7, max: 13 }).map(localDay),
      "date:string": fc.integer({ min: 0, max: 30 }).map(localDay),
      "startDate:string": fc.integer({ min: 0, max: 30 }).map(localDay),
      "endDate:string": fc.integer({ min: 31, max: 40 }).map(localDay),
      "startTime:string": fc.constantFrom("09:00", "13:30"),
      "endTime:string": fc.constantFrom("12:00", "17:00"),
      "start:string": fc.constantFrom("08:00", "13:00"),
      "end:string": fc.constantFrom("12:00", "18:00"),
      timeZone: fc.constantFrom("Australia/Sydney", "Australia/Perth", "UTC"),
      email: fc.constantFrom("pat@example.com", "owner@fuzz.test"),
      phone: fc.constantFrom("0412 345 678", "(02) 9876 5432"),
      slug: fc.constantFrom(...slugs),
      honeypot: fc.constant(""),
    };

    const { rows } = (await t.db.execute(
      sql`select table_name from information_schema.tables
          where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
    )) as unknown as { rows: { table_name: string }[] };
    const tables = rows.map((r) => r.table_name).filter((name) => !SIDE_TABLES.has(name));
    expect(tables).toEqual(expect.arrayContaining(["bookings", "patients", "audit_log"]));
    // One md5 per table over all its rows: an update that leaves the count alone still shows.
    checksumQuery = sql.raw(
      `select ${tables
        .map(
          (name) =>
            `(select md5(coalesce(string_agg(x::text, '|' order by x::text), '')) from "${name}" x) as "${name}"`,
        )
        .join(", ")}`,
    );
  });

  afterAll(async () => {
    const byStatus = Object.fromEntries([...stats.byStatus].sort(([a], [b]) => a - b));
    // The run's figures, for `pnpm fuzz` reports (counts only: no input is printed).
    console.info(
      `[generated input, ${driver}] ${stats.calls} calls, ${stats.reachedService} past validation, ` +
        `statuses ${JSON.stringify(byStatus)}, 400s without field errors: ${stats.unnamed400}`,
    );
    console.info(JSON.stringify(timing));
    await t?.close();
  });

  async function checksum(): Promise<Record<string, string>> {
    const { rows } = (await t.db.execute(checksumQuery)) as unknown as {
      rows: Record<string, string>[];
    };
    return rows[0]!;
  }

  /**
   * Undoes what earlier generated calls did to the callers themselves (deactivated, demoted,
   * limited), in one statement; says whether any caller had to be restored.
   */
  async function resetCallers(): Promise<boolean> {
    const callers = sql.join(
      [...sessionUsers.values()].map(
        (u) => sql`(${u.id}::uuid, ${u.role}::text, ${u.practitionerId}::uuid)`,
      ),
      sql`, `,
    );
    const { rows } = (await t.db.execute(sql`
      with hits as (delete from rate_limit_hits), failures as (delete from sign_in_failures)
      update staff_users s set active = true, role = c.role::staff_role, practitioner_id = c.practitioner_id
      from (values ${callers}) as c(id, role, practitioner_id)
      where s.id = c.id and (not s.active or s.role::text <> c.role
        or s.practitioner_id is distinct from c.practitioner_id)
      returning s.id`)) as unknown as { rows: unknown[] };
    return rows.length > 0;
  }

  let baseline: Record<string, string> | undefined;
  let visitor = 0;
  async function send(procedure: RouterProcedure, role: Role, input: unknown): Promise<Answer> {
    const headers: Record<string, string> = {
      "x-forwarded-for": `203.0.113.${(visitor++ % 250) + 1}`,
    };
    if (role === "patient") {
      const { sessionToken } = await startPatientSession(t.db, patientId, t.now());
      headers[PATIENT_SESSION_HEADER] = sessionToken;
    } else if (role !== "anonymous") {
      const { token } = await startSession(t.db, sessionUsers.get(role)!.id, t.now());
      headers.authorization = `Bearer ${token}`;
    }
    const body = JSON.stringify(superjson.serialize(input));
    const url = `http://api.test/trpc/${procedure.path}`;
    const response =
      procedure.type === "query"
        ? await t.app.request(`${url}?input=${encodeURIComponent(body)}`, { headers })
        : await t.app.request(url, {
            method: "POST",
            headers: { ...headers, "content-type": "application/json" },
            body,
          });
    const text = await response.text();
    let error: { message?: unknown; code?: unknown; data?: Record<string, unknown> } | undefined;
    try {
      const parsed = JSON.parse(text) as { error?: { json?: typeof error; message?: unknown } };
      error = parsed.error?.json ?? (parsed.error as typeof error);
    } catch {
      error = undefined;
    }
    return {
      status: response.status,
      message: error?.message,
      code: error?.data?.code,
      fieldErrors: error?.data?.fieldErrors as Answer["fieldErrors"],
    };
  }

  const rolesFor = (procedure: RouterProcedure): Role[] =>
    procedure.meta?.access === "staff"
      ? ["anonymous", "owner", "owner", "front_desk", "practitioner"]
      : procedure.meta?.patientSession
        ? ["anonymous", "patient", "patient", "owner"]
        : ["anonymous", "anonymous", "owner"];

  it.each(procedures.map((p) => [p.path, p] as const))(
    "%s answers generated input with no 5xx and no partial write",
    async (path, procedure) => {
      const [inputSchema, ...more] = procedure.inputs;
      expect(more, `${path}: more than one .input() is not generated for`).toEqual([]);
      const when = {
        from: new Date(TEST_START.getTime() - 7 * 86_400_000),
        to: new Date(TEST_START.getTime() + 60 * 86_400_000),
      };
      const area = path.split(".")[0]!;
      const samples = inputSchema
        ? validLooking(
            inputSchema,
            {
              id: oneOf(idsByArea[area] ?? []),
              ...hints,
              // The signed-in patient's bookings among others', so self-service reaches its service.
              ...(area === "patientAccess" ? { bookingId: oneOf(idsByArea.bookings!) } : {}),
              // A real token for the form this procedure checks, so generated forms reach the service.
              formToken: fc.constant(filledInFormToken(area === "reviews" ? "review" : "enquiry")),
            },
            when,
          )
        : fc.constant(undefined);
      const before = findings.length;
      if (process.env.DEBUG_SAMPLES) {
        const got = fc.sample(samples, { seed: SEED, numRuns: 40 });
        const ok = got.filter((v) => inputSchema?.safeParse(v).success ?? true).length;
        const firstIssue = got.map((v) => inputSchema?.safeParse(v)).find((r) => r && !r.success)
          ?.error?.issues[0];
        console.info(`SAMPLES ${path} ${ok}/40 ${JSON.stringify(firstIssue ?? null)}`);
      }

      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...rolesFor(procedure)),
          mutatedInput(samples),
          async (role, { sample, mutation }) => {
            const input = applyMutation(sample, mutation);
            let sent: unknown;
            try {
              sent = superjson.parse(JSON.stringify(superjson.serialize(input)));
            } catch {
              return; // Too deep to send: nothing reaches the server.
            }
            let mark = performance.now();
            const lap = (k: string) => {
              const now = performance.now();
              timing[k] = (timing[k] ?? 0) + now - mark;
              mark = now;
            };
            // The rows as they stand: the last call's checksum, unless restoring the callers changed them.
            if ((await resetCallers()) || !baseline) baseline = await checksum();
            lap("reset");
            const rowsBefore = baseline;
            const errorsBefore = t.logger.entries.filter((e) => e.level === "error").length;
            const answer = await send(procedure, role, input);
            lap("send");
            stats.calls++;
            stats.byStatus.set(answer.status, (stats.byStatus.get(answer.status) ?? 0) + 1);
            const record = (problem: string) =>
              findings.push({
                procedure: path,
                role,
                problem,
                status: answer.status,
                message: answer.message,
                mutation: describeMutation(mutation),
              });

            baseline = undefined;
            if (answer.status >= 500) return void record("5xx");
            const schemaAccepts = inputSchema ? inputSchema.safeParse(sent).success : true;
            if (schemaAccepts && role !== "anonymous") stats.reachedService++;
            if (answer.status < 400) return;

            if (typeof answer.message !== "string" || answer.message.trim() === "")
              record("4xx without a message");
            const refusedCaller = [401, 403, 413, 429].includes(answer.status);
            if (!schemaAccepts && !refusedCaller) {
              if (answer.status !== 400) record("schema refuses the input, but not with 400");
              else if (!answer.fieldErrors || Object.keys(answer.fieldErrors).length === 0)
                record("400 for a schema failure without field errors");
            }
            if (answer.status === 400 && !answer.fieldErrors) stats.unnamed400++;
            const errorsAfter = t.logger.entries.filter((e) => e.level === "error").length;
            if (errorsAfter !== errorsBefore) record("a 4xx was logged as an error");
            const rowsAfter = await checksum();
            baseline = rowsAfter;
            const changed = Object.keys(rowsAfter).filter((k) => rowsAfter[k] !== rowsBefore[k]);
            lap("checksum");
            if (changed.length > 0) record(`rejected, yet wrote to ${changed.join(", ")}`);
          },
        ),
        { seed: SEED, numRuns: RUNS_PER_PROCEDURE, endOnFailure: true },
      );

      const mine = findings.slice(before);
      // Distinct problems only: the same failure a hundred times says nothing more.
      const distinct = [
        ...new Map(
          mine.map((f) => [`${f.role} ${f.problem} ${f.status} ${f.message}`, f]),
        ).values(),
      ];
      expect(distinct).toEqual([]);
    },
    fuzzing ? 3_600_000 : 120_000,
  );
});
