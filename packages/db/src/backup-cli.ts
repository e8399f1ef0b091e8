import { resolve } from "node:path";
import { parseArgs } from "node:util";
import {
  BackupRefusal,
  createBackup,
  defaultBackupDir,
  defaultUploadDir,
  describeUrl,
  pruneBackups,
  restoreBackup,
} from "./backup.js";
import { databaseConfigFrom } from "./database.js";

const USAGE = {
  backup: "Usage: pnpm db:backup [--out <folder>] [--keep <n>]",
  restore: "Usage: pnpm db:restore <backup.tar.gz> [--replace]",
};

type Env = Record<string, string | undefined>;

/**
 * `pnpm db:backup` and `pnpm db:restore <backup>` on the database the API
 * would open (`DATABASE_URL`, else PGlite in `PGLITE_DATA_DIR`) and its upload
 * folder (`UPLOAD_DIR`). Prints one line and returns the exit code: a refusal
 * (a database in use, a restore over data) is one line on standard error.
 */
export async function runBackupCommand(
  command: "backup" | "restore",
  argv: string[],
  env: Env,
): Promise<number> {
  // pnpm runs the script in packages/db; paths typed on the command line mean where it was typed.
  const here = env.INIT_CWD || process.cwd();
  const config = databaseConfigFrom(env);
  const uploadDir = env.UPLOAD_DIR || defaultUploadDir;
  const where =
    config.kind === "postgres"
      ? `PostgreSQL (${describeUrl(config.url)})`
      : `PGlite (${config.kind === "pglite" ? (config.dataDir ?? "memory") : "memory"})`;
  try {
    if (command === "backup") {
      const { values, positionals } = parseArgs({
        args: argv,
        options: { out: { type: "string" }, keep: { type: "string" } },
        allowPositionals: true,
      });
      const keep = values.keep === undefined ? undefined : Number(values.keep);
      if (positionals.length > 0 || (keep !== undefined && !(Number.isInteger(keep) && keep > 0))) {
        console.error(USAGE.backup);
        return 2;
      }
      const backupDir = values.out ? resolve(here, values.out) : env.BACKUP_DIR || defaultBackupDir;
      const backup = await createBackup({ source: config, uploadDir, backupDir });
      const removed = keep ? await pruneBackups(backupDir, keep) : [];
      console.log(
        `Backup of ${where} and ${backup.manifest.uploads.length} uploaded files written to ${backup.path} (${formatBytes(backup.bytes)})${removed.length ? `; ${removed.length} older removed` : ""}.`,
      );
      return 0;
    }

    const { values, positionals } = parseArgs({
      args: argv,
      options: { replace: { type: "boolean", default: false } },
      allowPositionals: true,
    });
    if (positionals.length !== 1) {
      console.error(USAGE.restore);
      return 2;
    }
    const archive = resolve(here, positionals[0]!);
    const manifest = await restoreBackup({
      archive,
      target: config,
      uploadDir,
      replace: values.replace,
    });
    console.log(
      `Restored the backup of ${manifest.createdAt} into ${where} and ${manifest.uploads.length} files into ${uploadDir}.`,
    );
    return 0;
  } catch (error) {
    if (error instanceof BackupRefusal) {
      console.error(error.message);
    } else if ((error as { code?: string }).code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
      console.error(USAGE[command]);
      return 2;
    } else {
      console.error(
        `db:${command} failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    return 1;
  }
}

function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} kB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
