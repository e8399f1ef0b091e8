import { mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDatabase, type DatabaseHandle } from "@clinic/db";
import { BACKUP_LOCK_KEY, defaultUploadDir as cliUploadDir, listBackups } from "@clinic/db/backup";
import { createSeededTestDatabase, createTestDatabaseUrl, testDrivers } from "@clinic/db/testing";
import { sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { memoryLogger } from "../logger.js";
import { TEST_OWNER_PASSWORD, TEST_START } from "../testing/index.js";
import { defaultUploadDir } from "../uploads/photos.js";
import { startBackupScheduler } from "./scheduled-backups.js";

const HOUR = 60 * 60 * 1000;

let work: string;
let uploadDir: string;
let backupDir: string;
beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), "clinic-scheduled-backups-"));
  uploadDir = join(work, "uploads");
  backupDir = join(work, "backups");
  await mkdir(uploadDir);
  await writeFile(join(uploadDir, "0123456789abcdef0123456789abcdef.png"), "a photo");
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

/** A clock that stands still until moved. */
function clock() {
  let at = TEST_START.getTime();
  return {
    now: () => new Date(at),
    advance(ms: number) {
      at += ms;
    },
  };
}

it("the command line and the API agree on where uploads are", () => {
  expect(cliUploadDir).toBe(defaultUploadDir);
});

describe("scheduled backups on PGlite", () => {
  let database: DatabaseHandle;
  beforeEach(async () => {
    database = await createSeededTestDatabase("pglite", {
      now: TEST_START,
      ownerPassword: TEST_OWNER_PASSWORD,
    });
  });
  afterEach(() => database.close());

  it("write one backup per interval and keep the newest", async () => {
    const time = clock();
    const logger = memoryLogger();
    const scheduler = startBackupScheduler({
      database,
      databaseConfig: { kind: "pglite" },
      uploadDir,
      backupDir,
      intervalMs: 24 * HOUR,
      keep: 2,
      logger,
      now: time.now,
      autoStart: false,
    });
    try {
      const first = await scheduler.runOnce();
      expect(first).toMatchObject({ status: "written", uploads: 1, removed: [] });
      // A restart, or another check within the interval, finds it and writes none.
      time.advance(23 * HOUR);
      expect(await scheduler.runOnce()).toEqual({
        status: "not-due",
        newest: first.status === "written" ? first.name : "",
      });

      time.advance(HOUR);
      expect(await scheduler.runOnce()).toMatchObject({ status: "written", removed: [] });
      time.advance(24 * HOUR);
      const third = await scheduler.runOnce();
      expect(third).toMatchObject({
        status: "written",
        removed: [first.status === "written" && first.name],
      });

      const kept = await listBackups(backupDir);
      expect(kept.map((b) => b.takenAt.getTime() - TEST_START.getTime())).toEqual([
        24 * HOUR,
        48 * HOUR,
      ]);
      // Only finished archives are left: no temporary files or folders.
      expect((await readdir(backupDir)).sort()).toEqual(kept.map((b) => b.name));

      const written = logger.entries.filter((e) => e.message === "backup written");
      expect(written).toHaveLength(3);
      expect(written[2]?.fields).toMatchObject({ file: kept[1]?.name, uploads: 1, removed: 1 });
    } finally {
      await scheduler.stop();
    }
  });
});

describe.runIf(testDrivers.includes("postgres"))("scheduled backups on PostgreSQL", () => {
  let server: { url: string; drop(): Promise<void> };
  let url: string;
  const instances: DatabaseHandle[] = [];
  beforeEach(async () => {
    server = await createTestDatabaseUrl();
    // A password in the address (trust authentication ignores it) that no log line may show.
    const withPassword = new URL(server.url);
    if (!withPassword.password) withPassword.password = "never-in-logs-7f3a";
    url = withPassword.toString();
    // Two API instances on one database: each with its own connection pool.
    for (let i = 0; i < 2; i++) instances.push(await createDatabase({ kind: "postgres", url }));
  });
  afterEach(async () => {
    for (const instance of instances.splice(0)) await instance.close();
    await server.drop();
  });

  function schedulerOf(database: DatabaseHandle, time: { now: () => Date }, databaseUrl = url) {
    const logger = memoryLogger();
    const scheduler = startBackupScheduler({
      database,
      databaseConfig: { kind: "postgres", url: databaseUrl },
      uploadDir,
      backupDir,
      intervalMs: HOUR,
      keep: 10,
      logger,
      now: time.now,
      autoStart: false,
    });
    return { scheduler, logger };
  }

  it("have exactly one writer among instances whose timers meet", async () => {
    const time = clock();
    const [a, b] = instances.map((database) => schedulerOf(database, time));
    try {
      for (let round = 1; round <= 3; round++) {
        const runs = await Promise.all([a!.scheduler.runOnce(), b!.scheduler.runOnce()]);
        expect(runs.filter((r) => r.status === "written")).toHaveLength(1);
        expect(["busy", "not-due"]).toContain(runs.find((r) => r.status !== "written")?.status);
        expect(await listBackups(backupDir)).toHaveLength(round);
        time.advance(HOUR);
      }

      // While another instance holds the lock, a check writes nothing.
      await instances[1]!.db.transaction(async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(${BACKUP_LOCK_KEY})`);
        expect(await a!.scheduler.runOnce()).toEqual({ status: "busy" });
      });
      expect(await listBackups(backupDir)).toHaveLength(3);
      expect(await a!.scheduler.runOnce()).toMatchObject({ status: "written" });

      const lines = [...a!.logger.lines, ...b!.logger.lines].join("\n");
      expect(lines).toContain("backup written");
      expect(lines).not.toContain(new URL(url).password);
      expect(lines).not.toContain("postgres://");
    } finally {
      await a!.scheduler.stop();
      await b!.scheduler.stop();
    }
  });

  it("log a failed backup without the database's password", async () => {
    const wrong = new URL(url);
    wrong.pathname = "/clinic_no_such_database";
    const logger = memoryLogger();
    const scheduler = startBackupScheduler({
      database: instances[0]!,
      databaseConfig: { kind: "postgres", url: wrong.toString() },
      uploadDir,
      backupDir,
      intervalMs: HOUR,
      keep: 2,
      logger,
      now: clock().now,
    });
    try {
      await vi.waitFor(
        () => expect(logger.entries.map((e) => e.message)).toContain("backup failed"),
        {
          timeout: 30_000,
        },
      );
    } finally {
      await scheduler.stop();
    }
    expect(logger.lines.join("\n")).toMatch(/pg_dump failed.*clinic_no_such_database/);
    expect(logger.lines.join("\n")).not.toContain(wrong.password);
    expect(await readdir(backupDir)).toEqual([]);
  });
});
