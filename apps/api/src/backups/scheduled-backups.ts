import type { DatabaseConfig, DatabaseHandle } from "@clinic/db";
import {
  asOnlyBackupWriter,
  createBackup,
  listBackups,
  liveBackupSource,
  pruneBackups,
} from "@clinic/db/backup";
import { startBackgroundLoop } from "../background-loop.js";
import type { Logger } from "../logger.js";

const CHECK_EVERY_MS = 10 * 60_000;

export interface BackupSchedulerOptions {
  database: Pick<DatabaseHandle, "db" | "driver">;
  /** How the API opened the database: PostgreSQL's URL is what `pg_dump` connects to. */
  databaseConfig: DatabaseConfig;
  uploadDir: string;
  backupDir: string;
  /** A backup is due when the newest in `backupDir` is at least this old. */
  intervalMs: number;
  /** Backups kept in `backupDir`; older ones are deleted after each new one. */
  keep: number;
  logger: Logger;
  now: () => Date;
  /** Start the timer at once (the default); tests that call `runOnce` themselves turn it off. */
  autoStart?: boolean;
}

export type BackupRun =
  | { status: "written"; name: string; bytes: number; uploads: number; removed: string[] }
  /** The newest backup is younger than the interval (another instance, or a restart, took it). */
  | { status: "not-due"; newest: string }
  /** Another instance is writing one right now. */
  | { status: "busy" };

export interface BackupScheduler {
  runOnce(): Promise<BackupRun>;
  /** Stops the timer and a backup in progress (its unfinished archive is removed). */
  stop(): Promise<void>;
}

/**
 * Scheduled backups inside the API (decision 019). Every instance checks
 * every ten minutes (or each interval, if shorter); a check takes the backup
 * lock without waiting and, holding it, writes a backup only when the newest
 * one in the folder is at least an interval old. So with several instances on one PostgreSQL and one backup folder,
 * exactly one writes each backup, and restarts don't add extra ones. After
 * writing, it deletes all but the newest `keep`.
 */
export function startBackupScheduler(options: BackupSchedulerOptions): BackupScheduler {
  const { database, uploadDir, backupDir, intervalMs, keep, logger, now } = options;
  const source = liveBackupSource(options.databaseConfig, database as DatabaseHandle);
  const aborts = new AbortController();
  // Checking more often than the interval keeps backups near schedule when the instance that
  // wrote the last one stops; a check that finds nothing due costs a directory listing.
  const checkEveryMs = Math.min(intervalMs, CHECK_EVERY_MS);

  async function pass(): Promise<BackupRun> {
    const run = await asOnlyBackupWriter(database, async (): Promise<BackupRun> => {
      const newest = (await listBackups(backupDir)).at(-1);
      if (newest && now().getTime() - newest.takenAt.getTime() < intervalMs) {
        return { status: "not-due", newest: newest.name };
      }
      const startedAt = Date.now();
      const backup = await createBackup({
        source,
        uploadDir,
        backupDir,
        now,
        signal: aborts.signal,
      });
      const removed = await pruneBackups(backupDir, keep);
      // File names and counts only: never the database's address, which may hold a password.
      logger.info("backup written", {
        file: backup.name,
        bytes: backup.bytes,
        uploads: backup.manifest.uploads.length,
        durationMs: Date.now() - startedAt,
        removed: removed.length,
      });
      return {
        status: "written",
        name: backup.name,
        bytes: backup.bytes,
        uploads: backup.manifest.uploads.length,
        removed,
      };
    });
    return run ?? { status: "busy" };
  }

  const loop = startBackgroundLoop({
    logger,
    failureMessage: "backup failed",
    pass,
    nextDelayMs: () => checkEveryMs,
    // A backup under way when the API stops is cut short (its partial file removed).
    onStop: () => aborts.abort(),
    autoStart: options.autoStart,
  });

  return { runOnce: loop.runOnce, stop: loop.stop };
}
