import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { asc, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, migrationsFolder } from "./database.js";
import * as schema from "./schema.js";
import { createTestDatabase, testDrivers } from "./testing.js";

const MIGRATION = "0004_audit_one_shape.sql";
const at = new Date("2026-11-20T01:00:00Z");
const actor = "Olive Owner";

type OldRow = { action: string; entity: string; changes: Record<string, unknown> };

/** Entries as the API wrote them before names and shapes were made one. */
const oldRows: OldRow[] = [
  {
    action: "booking.create",
    entity: "booking",
    changes: { after: { status: "confirmed", startsAt: "2026-12-01T22:30:00.000Z" } },
  },
  {
    action: "booking.cancel",
    entity: "booking",
    changes: { status: { before: "confirmed", after: "cancelled" }, reason: "Patient asked" },
  },
  {
    action: "schedule.set_weekly_hours",
    entity: "practitioner",
    changes: {
      before: [{ weekday: 1, start: "09:00", end: "17:00" }],
      after: [{ weekday: 2, start: "09:00", end: "12:00" }],
      bookingsOutsideHours: ["b1"],
    },
  },
  { action: "schedule.add_time_off", entity: "time_off", changes: { after: { reason: "Leave" } } },
  {
    action: "schedule.remove_closure",
    entity: "clinic_closure",
    changes: { before: { date: "2026-12-25", reason: "Christmas" } },
  },
  { action: "staff.reset_password", entity: "staff_user", changes: { endedSessions: 2 } },
  {
    action: "practitioner.photo",
    entity: "practitioner",
    changes: {
      photoUrl: { from: null, to: "/uploads/a.png" },
      bytes: 1200,
      contentType: "image/png",
    },
  },
  { action: "practitioner.delete", entity: "practitioner", changes: { before: null } },
  { action: "enquiry.note", entity: "enquiries", changes: { noteId: "n1" } },
];

/** The same entries in the one naming scheme and shape. */
const converted = [
  {
    action: "booking.create",
    entity: "booking",
    changes: {
      status: { from: null, to: "confirmed" },
      startsAt: { from: null, to: "2026-12-01T22:30:00.000Z" },
    },
  },
  {
    action: "booking.cancel",
    entity: "booking",
    changes: {
      status: { from: "confirmed", to: "cancelled" },
      cancellationReason: { from: null, to: "Patient asked" },
    },
  },
  {
    action: "practitioner.set_weekly_hours",
    entity: "practitioner",
    changes: {
      weeklyHours: {
        from: [{ weekday: 1, start: "09:00", end: "17:00" }],
        to: [{ weekday: 2, start: "09:00", end: "12:00" }],
      },
      bookingsOutsideHours: { from: null, to: ["b1"] },
    },
  },
  {
    action: "time_off.create",
    entity: "time_off",
    changes: { reason: { from: null, to: "Leave" } },
  },
  {
    action: "clinic_closure.delete",
    entity: "clinic_closure",
    changes: {
      date: { from: "2026-12-25", to: null },
      reason: { from: "Christmas", to: null },
    },
  },
  {
    action: "staff_user.reset_password",
    entity: "staff_user",
    changes: { endedSessions: { from: null, to: 2 } },
  },
  {
    action: "practitioner.update_photo",
    entity: "practitioner",
    changes: {
      photoUrl: { from: null, to: "/uploads/a.png" },
      bytes: { from: null, to: 1200 },
      contentType: { from: null, to: "image/png" },
    },
  },
  { action: "practitioner.delete", entity: "practitioner", changes: {} },
  { action: "enquiry.add_note", entity: "enquiry", changes: { noteId: { from: null, to: "n1" } } },
];

/** Runs the migration's statements again, as the migrator does: in one transaction. */
async function runMigration(handle: DatabaseHandle) {
  const text = await readFile(join(migrationsFolder, MIGRATION), "utf8");
  const statements = text.split("--> statement-breakpoint").map((s) => s.trim());
  await handle.db.transaction(async (tx) => {
    for (const statement of statements) await tx.execute(sql.raw(statement));
  });
}

async function rows(handle: DatabaseHandle) {
  const all = await handle.db
    .select({
      action: schema.auditLog.action,
      entity: schema.auditLog.entity,
      changes: schema.auditLog.changes,
    })
    .from(schema.auditLog)
    .orderBy(asc(schema.auditLog.createdAt));
  return all;
}

describe.each(testDrivers)("the audit migration on %s", (driver) => {
  let handle: DatabaseHandle;

  beforeAll(async () => {
    handle = await createTestDatabase(driver);
  });
  afterAll(() => handle.close());

  it("renames old actions and reads every old change shape into { field: { from, to } }", async () => {
    await handle.db.insert(schema.auditLog).values(
      oldRows.map((row, i) => ({
        ...row,
        actorName: actor,
        createdAt: new Date(at.getTime() + i * 1000),
      })),
    );
    await runMigration(handle);
    expect(await rows(handle)).toEqual(converted);
  });

  it("leaves entries already in the new names and shape as they are, however often it runs", async () => {
    const current = {
      action: "service.update",
      entity: "service",
      changes: {
        priceCents: { from: 9500, to: 10500 },
        // A field that happens to be called "after" is still one field's change.
        after: { from: "a", to: "b" },
      },
    };
    await handle.db.insert(schema.auditLog).values({
      ...current,
      actorName: actor,
      createdAt: new Date(at.getTime() + 60_000),
    });
    await runMigration(handle);
    await runMigration(handle);
    expect(await rows(handle)).toEqual([...converted, current]);
  });
});
