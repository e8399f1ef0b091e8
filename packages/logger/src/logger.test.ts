import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createLogger, memoryLogger } from "./logger.js";
import { isSensitiveKey, REDACTED, redactFields, scrubText } from "./redact.js";

const MANAGE_TOKEN = "q9hRKDMZtFlWa1GoEwdjbCAz3yoX-gl00cVSoz3BED0";

describe("scrubText", () => {
  it.each([
    ["write to Pat.Example+clinic@mail.example.com.au today", "write to [email] today"],
    ["mobile 0412 987 654, office (02) 9000 1234", "mobile [phone], office [phone]"],
    ["call +61 2 9876 5432 or 0412-987-654 or 0412987654", "call [phone] or [phone] or [phone]"],
    [
      `http://localhost:3000/manage/${MANAGE_TOKEN}?booked=1`,
      "http://localhost:3000/manage/[token]?booked=1",
    ],
    [`/manage/${MANAGE_TOKEN}.`, "/manage/[token]"],
    [`GET /bookings/${MANAGE_TOKEN}/calendar.ics`, "GET /bookings/[token]/calendar.ics"],
    [`GET /calendar/practitioners/${MANAGE_TOKEN}.ics`, "GET /calendar/practitioners/[token]"],
    [
      `http://localhost:3000/account/sign-in/${MANAGE_TOKEN}`,
      "http://localhost:3000/account/sign-in/[token]",
    ],
    [`http://localhost:3000/waitlist/${MANAGE_TOKEN}`, "http://localhost:3000/waitlist/[token]"],
    [`POST /intake/${MANAGE_TOKEN}?saved=1`, "POST /intake/[token]?saved=1"],
    [`authorization: Bearer ${MANAGE_TOKEN}`, `authorization: Bearer ${REDACTED}`],
    [`session ${MANAGE_TOKEN} expired`, "session [token] expired"],
    [
      "smtp://mailer:hunter2-secret@smtp.example.com:587",
      `smtp://${REDACTED}@smtp.example.com:587`,
    ],
    ["cookie: __session=eyJhbGciOi.abc; theme=dark", `cookie: __session=${REDACTED}; theme=dark`],
    ["/reset?token=abc123&next=/", `/reset?token=${REDACTED}&next=/`],
    ["cookie: __clinic_admin=s%3Aabc.def", `cookie: __clinic_admin=${REDACTED}`],
  ])("%s", (input, expected) => {
    expect(scrubText(input)).toBe(expected);
    // Scrubbing what is already scrubbed changes nothing (the web hands over cleaned paths).
    expect(scrubText(expected)).toBe(expected);
  });

  it("removes the parameters from a failed query's message, keeping the SQL", () => {
    const message =
      'Failed query: insert into "enquiries" ("name", "email") values ($1, $2)\nparams: Bartholomew Vantongeren,bart@example.com';
    expect(scrubText(message)).toBe(
      `Failed query: insert into "enquiries" ("name", "email") values ($1, $2)\nparams: ${REDACTED}`,
    );
  });

  it.each([
    "booking 3f2a1b2c-1234-4abc-8def-0123456789ab created",
    "on 2027-03-01 at 2027-03-01T05:45:00.000Z",
    "from 198.51.100.23 port 4070, 12 attempts in 300000 ms",
    'duplicate key value violates unique constraint "bookings_no_overlapping_active_bookings"',
    "    at placeBooking (/work/app/node_modules/.pnpm/drizzle-orm@0.45.4/src/pg-core/session.ts:73:11)",
    "GET /blog/why-runners-benefit-from-spinal-adjustments 200 12ms",
  ])("keeps ids, dates, addresses, counts and code locations: %s", (text) => {
    expect(scrubText(text)).toBe(text);
  });
});

describe("isSensitiveKey", () => {
  it.each([
    "token",
    "manageToken",
    "session_token",
    "password",
    "newPassword",
    "APP_SECRET",
    "email",
    "patientEmail",
    "phone",
    "name",
    "patientName",
    "authorName",
    "authorization",
    "Cookie",
    "to",
    "params",
    "input",
  ])("redacts %s", (key) => {
    expect(isSensitiveKey(key)).toBe(true);
  });

  it.each([
    "id",
    "path",
    "status",
    "code",
    "sqlState",
    "constraint",
    "hostname",
    "filename",
    "kind",
  ])("keeps %s", (key) => {
    expect(isSensitiveKey(key)).toBe(false);
  });
});

describe("redactFields", () => {
  it("redacts by name at any depth and scrubs every string", () => {
    expect(
      redactFields({
        bookingId: "b1",
        request: { headers: { authorization: "Bearer x", "x-request-id": "r1" } },
        patient: { name: "Pat" },
        attendees: [{ displayName: "Pat Example", note: "ring 0412 987 654" }],
        url: `/manage/${MANAGE_TOKEN}`,
        when: new Date("2027-03-01T05:45:00Z"),
        email: null,
      }),
    ).toEqual({
      bookingId: "b1",
      request: { headers: { authorization: REDACTED, "x-request-id": "r1" } },
      patient: REDACTED,
      attendees: [{ displayName: REDACTED, note: "ring [phone]" }],
      url: "/manage/[token]",
      when: "2027-03-01T05:45:00.000Z",
      email: null,
    });
  });

  it("turns errors into scrubbed plain objects, causes included, and survives cycles", () => {
    const cause = Object.assign(new Error("Key (email)=(pat@example.com) already exists"), {
      code: "23505",
    });
    const error = new Error("Failed query: insert …\nparams: Pat,pat@example.com", { cause });
    const looped: Record<string, unknown> = { error };
    looped.self = looped;
    const result = redactFields(looped) as { error: Record<string, unknown>; self: unknown };
    expect(result.self).toBe("[circular]");
    expect(result.error).toMatchObject({
      type: "Error",
      message: `Failed query: insert …\nparams: ${REDACTED}`,
      cause: { code: "23505", message: "Key (email)=([email]) already exists" },
    });
    expect(JSON.stringify(result)).not.toMatch(/pat@example\.com|Pat,/);
  });
});

describe("createLogger", () => {
  it("writes one JSON line per entry with the service, level, time and message", () => {
    const lines: string[] = [];
    const logger = createLogger({ service: "api", destination: { write: (l) => lines.push(l) } });
    logger.info("api listening", { port: 4000 });
    logger.warn("slow");
    expect(lines).toHaveLength(2);
    const first = JSON.parse(lines[0]!);
    expect(first).toMatchObject({
      level: "info",
      service: "api",
      message: "api listening",
      port: 4000,
    });
    expect(new Date(first.time).toISOString()).toBe(first.time);
    expect(JSON.parse(lines[1]!)).toMatchObject({ level: "warn", message: "slow" });
  });

  it("redacts the message and the fields on the way out", () => {
    const logger = memoryLogger();
    logger.error(`mail to pat@example.com failed: see /manage/${MANAGE_TOKEN}`, {
      email: "pat@example.com",
      password: "hunter2-hunter2",
      error: new Error("550 <pat@example.com> rejected"),
    });
    const [line] = logger.lines;
    expect(line).not.toMatch(/pat@example\.com|hunter2|q9hRKDMZ/);
    expect(logger.entries[0]).toMatchObject({
      level: "error",
      message: "mail to [email] failed: see /manage/[token]",
      fields: { email: REDACTED, password: REDACTED, error: { message: "550 <[email]> rejected" } },
    });
  });

  it("leaves out entries below its level", () => {
    const lines: string[] = [];
    const logger = createLogger({
      service: "web",
      level: "warn",
      destination: { write: (l) => lines.push(l) },
    });
    logger.info("noise");
    logger.error("signal");
    expect(lines.map((l) => JSON.parse(l).message)).toEqual(["signal"]);
  });

  afterEach(() => vi.unstubAllEnvs());

  it("writes to LOG_FILE when it is set, creating its folder", () => {
    const file = join(mkdtempSync(join(tmpdir(), "clinic-logger-")), "logs", "api.log");
    vi.stubEnv("LOG_FILE", file);
    createLogger({ service: "api" }).warn("to the file", { email: "pat@example.com" });
    const [line] = readFileSync(file, "utf8").trimEnd().split("\n");
    expect(JSON.parse(line!)).toMatchObject({ service: "api", message: "to the file" });
    expect(line).not.toContain("pat@example.com");
  });
});
