import { randomBytes } from "node:crypto";
import { mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import * as tar from "tar";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  BackupRefusal,
  backupFileName,
  createBackup,
  listBackups,
  liveBackupSource,
  pruneBackups,
  restoreBackup,
} from "./backup.js";
import { createDatabase, type Database } from "./database.js";
import { insertBooking, upsertPatient } from "./queries/bookings.js";
import * as schema from "./schema.js";
import { seedDemoClinic } from "./seed/seed.js";
import { createTestDatabase, createTestDatabaseUrl, testDrivers } from "./testing.js";

const seed = { now: new Date("2026-03-02T00:00:00Z"), ownerPassword: "backup-test-owner" };
const PGLITE_ROUND_TRIP_MS = 300_000;

let work: string;
let uploadDir: string;
let backupDir: string;
beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), "clinic-backup-test-"));
  uploadDir = join(work, "uploads");
  backupDir = join(work, "backups");
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

async function rows<T>(db: Database, query: string): Promise<T[]> {
  return ((await db.execute(sql.raw(query))) as unknown as { rows: T[] }).rows;
}

/**
 * Everything the database holds, found from the catalog rather than listed by
 * hand: every row of every table (migrations journal included), each
 * sequence's position, and every constraint and index definition.
 */
async function contentsOf(db: Database) {
  const tables = await rows<{ name: string }>(
    db,
    `select format('%I.%I', n.nspname, c.relname) as name
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind in ('r', 'p') and n.nspname not in ('pg_catalog', 'information_schema')
        and n.nspname not like 'pg\\_toast%'
      order by 1`,
  );
  const data: Record<string, string[]> = {};
  for (const { name } of tables) {
    const found = await rows<{ row: string }>(db, `select to_jsonb(t)::text as row from ${name} t`);
    data[name] = found.map((r) => r.row).sort();
  }
  const sequences = await rows<{ name: string; last: string | null }>(
    db,
    `select format('%I.%I', schemaname, sequencename) as name, last_value::text as last
       from pg_sequences order by 1`,
  );
  const definitions = await rows<{ def: string }>(
    db,
    `select format('%s %s %s', conrelid::regclass, conname, pg_get_constraintdef(oid)) as def
       from pg_constraint
      where connamespace not in ('pg_catalog'::regnamespace, 'information_schema'::regnamespace)
     union all
     select indexdef from pg_indexes where schemaname not in ('pg_catalog', 'information_schema')
     order by 1`,
  );
  return { data, sequences, definitions: definitions.map((d) => d.def) };
}

/** The demo clinic, three more bookings, and uploaded photos (one of them a practitioner's). */
async function fillClinic(db: Database): Promise<void> {
  await seedDemoClinic(db, seed);
  const [service] = await db.select().from(schema.services).limit(1);
  const practitioners = await db.select().from(schema.practitioners);
  for (let i = 0; i < 3; i++) {
    const patient = await upsertPatient(db, {
      name: `Backup Patient ${i}`,
      email: `backup-${i}@example.com`,
      phone: `0400 000 10${i}`,
    });
    const startsAt = new Date(Date.UTC(2026, 5, 1 + i, 0, 0));
    const endsAt = new Date(startsAt.getTime() + 30 * 60_000);
    await insertBooking(db, {
      serviceId: service!.id,
      practitionerId: practitioners[i % practitioners.length]!.id,
      patientId: patient.id,
      startsAt,
      endsAt,
      blockedFrom: startsAt,
      blockedUntil: endsAt,
      notes: `Booked for the backup test, with a quote ' and a tab\t`,
      contactConsent: i % 2 === 0,
      idempotencyKey: `backup-test-${i}`,
      manageTokenHash: randomBytes(32).toString("hex"),
    });
  }
  await mkdir(uploadDir, { recursive: true });
  const names = ["jpg", "png", "webp"].map((ext) => `${randomBytes(16).toString("hex")}.${ext}`);
  for (const [i, name] of names.entries()) {
    await writeFile(join(uploadDir, name), randomBytes(2_000 + i * 50_000));
  }
  await db
    .update(schema.practitioners)
    .set({ photoUrl: `/uploads/${names[0]}` })
    .where(sql`${schema.practitioners.id} = ${practitioners[0]!.id}`);
}

async function filesIn(dir: string): Promise<Record<string, Buffer>> {
  const files: Record<string, Buffer> = {};
  for (const name of (await readdir(dir).catch(() => [])).sort()) {
    files[name] = await readFile(join(dir, name));
  }
  return files;
}

async function emptyFolder(dir: string) {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
}

describe("a backup restores what it took", () => {
  it(
    "on PGlite: from the running database, into an empty data directory, then from that directory",
    async () => {
      const source = await createTestDatabase("pglite");
      await fillClinic(source.db);
      const before = await contentsOf(source.db);
      const filesBefore = await filesIn(uploadDir);
      expect(Object.keys(before.data).length).toBeGreaterThan(15);
      expect(before.data["public.bookings"]!.length).toBeGreaterThanOrEqual(3);
      expect(Object.keys(filesBefore)).toHaveLength(3);

      // The API's way: its own PGlite, open and in use.
      const backup = await createBackup({
        source: liveBackupSource({ kind: "pglite" }, source),
        uploadDir,
        backupDir,
      });
      await source.close();
      expect(backup.manifest.database.driver).toBe("pglite");
      expect(backup.manifest.uploads.map((u) => u.path).sort()).toEqual(Object.keys(filesBefore));

      await emptyFolder(uploadDir);
      const dataDir = join(work, "pglite");
      await restoreBackup({ archive: backup.path, target: { kind: "pglite", dataDir }, uploadDir });
      const restored = await createDatabase({ kind: "pglite", dataDir });
      try {
        expect(await contentsOf(restored.db)).toEqual(before);
        expect(await filesIn(uploadDir)).toEqual(filesBefore);

        // While a process has the directory open, the command line may neither copy nor replace it.
        await expect(
          createBackup({ source: { kind: "pglite", dataDir }, uploadDir, backupDir }),
        ).rejects.toThrow(/open in another process/);
        await expect(
          restoreBackup({
            archive: backup.path,
            target: { kind: "pglite", dataDir },
            uploadDir: join(work, "elsewhere"),
            replace: true,
          }),
        ).rejects.toThrow(/open in another process/);
      } finally {
        await restored.close();
      }

      // Closed, the command line's way: it opens the directory itself.
      const second = await createBackup({
        source: { kind: "pglite", dataDir },
        uploadDir,
        backupDir,
        now: () => new Date(Date.now() + 1_000),
      });
      await expect(
        restoreBackup({ archive: second.path, target: { kind: "pglite", dataDir }, uploadDir }),
      ).rejects.toThrow(/embedded database in .* is not empty: restore needs an empty one/);
      await restoreBackup({
        archive: second.path,
        target: { kind: "pglite", dataDir },
        uploadDir,
        replace: true,
      });
      const again = await createDatabase({ kind: "pglite", dataDir });
      try {
        expect(await contentsOf(again.db)).toEqual(before);
        expect(await filesIn(uploadDir)).toEqual(filesBefore);
      } finally {
        await again.close();
      }
    },
    PGLITE_ROUND_TRIP_MS,
  );

  it.runIf(testDrivers.includes("postgres"))(
    "on PostgreSQL: through pg_dump, wiped, through pg_restore",
    async () => {
      const database = await createTestDatabaseUrl();
      const target = { kind: "postgres" as const, url: database.url };
      try {
        const source = await createDatabase(target);
        let before: Awaited<ReturnType<typeof contentsOf>>;
        try {
          await fillClinic(source.db);
          before = await contentsOf(source.db);
        } finally {
          await source.close();
        }
        const filesBefore = await filesIn(uploadDir);
        const backup = await createBackup({ source: target, uploadDir, backupDir });
        expect(backup.manifest.database.driver).toBe("postgres");

        await expect(restoreBackup({ archive: backup.path, target, uploadDir })).rejects.toThrow(
          /holds \d+ tables: restore needs an empty one/,
        );

        // Wiped as db:reset does, files gone.
        const wipe = await createDatabase(target);
        await wipe.db.execute(sql`drop schema public cascade`);
        await wipe.db.execute(sql`drop schema drizzle cascade`);
        await wipe.db.execute(sql`create schema public`);
        await wipe.close();
        await emptyFolder(uploadDir);

        await restoreBackup({ archive: backup.path, target, uploadDir });
        const restored = await createDatabase(target);
        try {
          expect(await contentsOf(restored.db)).toEqual(before);
          expect(await filesIn(uploadDir)).toEqual(filesBefore);
        } finally {
          await restored.close();
        }

        // Over a database in use, only when told to.
        await restoreBackup({ archive: backup.path, target, uploadDir, replace: true });
        const replaced = await createDatabase(target);
        try {
          expect(await contentsOf(replaced.db)).toEqual(before);
          expect(await filesIn(uploadDir)).toEqual(filesBefore);
        } finally {
          await replaced.close();
        }
      } finally {
        await database.drop();
      }
    },
    PGLITE_ROUND_TRIP_MS,
  );
});

describe("a restore refuses", () => {
  /** A small archive in the backup format, built by hand so these tests need no database. */
  async function handMadeBackup(change?: (dir: string) => Promise<void>): Promise<string> {
    const dir = join(work, "hand-made");
    await mkdir(join(dir, "uploads"), { recursive: true });
    const dump = Buffer.from("not really a dump");
    await writeFile(join(dir, "database.pglite.tar"), dump);
    await writeFile(join(dir, "uploads", "a.jpg"), "photo");
    const { createHash } = await import("node:crypto");
    const sha = (b: Buffer | string) => createHash("sha256").update(b).digest("hex");
    await writeFile(
      join(dir, "manifest.json"),
      JSON.stringify({
        format: "clinic-backup",
        version: 1,
        createdAt: "2026-11-30T00:00:00.000Z",
        database: {
          driver: "pglite",
          file: "database.pglite.tar",
          bytes: dump.length,
          sha256: sha(dump),
        },
        uploads: [{ path: "a.jpg", bytes: 5, sha256: sha("photo") }],
      }),
    );
    await change?.(dir);
    const file = join(work, backupFileName(new Date()));
    await tar.create({ gzip: true, file, cwd: dir }, [
      "manifest.json",
      "database.pglite.tar",
      "uploads",
    ]);
    return file;
  }

  const pgliteTarget = () => ({ kind: "pglite" as const, dataDir: join(work, "pglite") });

  it("a file that is not a backup, or one whose contents changed", async () => {
    const garbage = join(work, "garbage.tar.gz");
    await writeFile(garbage, "hello");
    await expect(
      restoreBackup({ archive: garbage, target: pgliteTarget(), uploadDir }),
    ).rejects.toThrow(/is not a backup archive/);
    await expect(
      restoreBackup({ archive: join(work, "missing.tar.gz"), target: pgliteTarget(), uploadDir }),
    ).rejects.toThrow(/No backup at/);

    const damaged = await handMadeBackup((dir) =>
      writeFile(join(dir, "uploads", "a.jpg"), "PHOTO"),
    );
    await expect(
      restoreBackup({ archive: damaged, target: pgliteTarget(), uploadDir }),
    ).rejects.toThrow("The backup is damaged: uploads/a.jpg doesn't match its checksum");

    const escaping = await handMadeBackup(async (dir) => {
      const manifest = JSON.parse(await readFile(join(dir, "manifest.json"), "utf8"));
      manifest.uploads[0].path = "../a.jpg";
      await writeFile(join(dir, "manifest.json"), JSON.stringify(manifest));
    });
    await expect(
      restoreBackup({ archive: escaping, target: pgliteTarget(), uploadDir }),
    ).rejects.toThrow(/is not a clinic backup/);
    // Nothing was written anywhere.
    expect(await readdir(work)).not.toContain("pglite");
    expect(await readdir(work)).not.toContain("uploads");
  });

  it("a backup of one kind of database into the other", async () => {
    const archive = await handMadeBackup();
    await expect(
      restoreBackup({
        archive,
        target: { kind: "postgres", url: "postgres://nobody@127.0.0.1:1/none" },
        uploadDir,
      }),
    ).rejects.toThrow(
      "This backup is of an embedded (PGlite) database: restore it with DATABASE_URL unset",
    );
  });

  it("an upload folder that holds files, or a data directory that holds anything", async () => {
    const archive = await handMadeBackup();
    await mkdir(uploadDir, { recursive: true });
    await writeFile(join(uploadDir, "existing.jpg"), "mine");
    await expect(restoreBackup({ archive, target: pgliteTarget(), uploadDir })).rejects.toThrow(
      /upload folder .* is not empty: restore needs an empty one \(--replace wipes it first\)/,
    );
    await rm(uploadDir, { recursive: true });
    await mkdir(pgliteTarget().dataDir, { recursive: true });
    await writeFile(join(pgliteTarget().dataDir, "PG_VERSION"), "17");
    await expect(restoreBackup({ archive, target: pgliteTarget(), uploadDir })).rejects.toThrow(
      BackupRefusal,
    );
    expect(await readFile(join(pgliteTarget().dataDir, "PG_VERSION"), "utf8")).toBe("17");
  });

  it("an in-memory database, for a backup or a restore", async () => {
    await expect(
      createBackup({ source: { kind: "pglite" }, uploadDir, backupDir }),
    ).rejects.toThrow(/in memory/);
    await expect(
      restoreBackup({ archive: await handMadeBackup(), target: { kind: "pglite" }, uploadDir }),
    ).rejects.toThrow(/in-memory/);
  });
});

describe("retention", () => {
  it("keeps the newest backups and touches nothing else in the folder", async () => {
    await mkdir(backupDir, { recursive: true });
    const times = [
      "2026-11-28T03:00:00.000Z",
      "2026-11-30T03:00:00.000Z",
      "2026-11-29T03:00:00.000Z",
      "2026-11-30T03:00:00.001Z",
    ];
    for (const t of times) await writeFile(join(backupDir, backupFileName(new Date(t))), t);
    const others = [
      "notes.txt",
      `${backupFileName(new Date("2020-01-01T00:00:00Z"))}.partial`,
      "clinic-backup-yesterday.tar.gz",
    ];
    for (const name of others) await writeFile(join(backupDir, name), "keep me");
    // Modification times mean nothing: names carry the time.
    await utimes(join(backupDir, backupFileName(new Date(times[0]!))), new Date(), new Date());

    expect((await listBackups(backupDir)).map((b) => b.takenAt.toISOString())).toEqual(
      [...times].sort(),
    );
    expect(await pruneBackups(backupDir, 2)).toEqual([
      backupFileName(new Date(times[0]!)),
      backupFileName(new Date(times[2]!)),
    ]);
    expect((await readdir(backupDir)).sort()).toEqual(
      [...others, backupFileName(new Date(times[1]!)), backupFileName(new Date(times[3]!))].sort(),
    );
    expect(await pruneBackups(backupDir, 2)).toEqual([]);
    expect(await listBackups(join(work, "nowhere"))).toEqual([]);
  });
});
