import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { createReadStream, existsSync } from "node:fs";
import {
  constants,
  copyFile,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rename,
  rm,
  stat,
  writeFile,
} from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";
import { sql } from "drizzle-orm";
import pg from "pg";
import * as tar from "tar";
import { z } from "zod";
import type { Database, DatabaseConfig, DatabaseHandle } from "./database.js";

/**
 * Backups of the clinic's data: the database and the uploaded files, in one
 * `clinic-backup-<UTC time>.tar.gz` (decision 019). PostgreSQL is dumped with
 * `pg_dump` (one snapshot) and restored with `pg_restore`; PGlite as its data
 * directory, taken in process while no transaction is open. A backup restores
 * only into the database kind it came from, and only into an empty database
 * and upload folder unless told to replace what is there.
 */

/** One instance writes each scheduled backup; the others find this lock taken and skip. */
export const BACKUP_LOCK_KEY = 724_310_504;

/** Where backups go unless `BACKUP_DIR` says otherwise: `.data/backups` at the repo root. */
export const defaultBackupDir = fileURLToPath(new URL("../../../.data/backups", import.meta.url));

/**
 * The API's default upload folder (`apps/api/src/uploads/photos.ts`), for the
 * command line, which can't import the API; a test in the API keeps them equal.
 */
export const defaultUploadDir = fileURLToPath(new URL("../../../.data/uploads", import.meta.url));

/** A backup that can't be taken or restored as asked: the message is the one line to show. */
export class BackupRefusal extends Error {
  override name = "BackupRefusal";
}

const MANIFEST = "manifest.json";
const UPLOADS = "uploads";
const DATABASE_FILES = { postgres: "database.pgdump", pglite: "database.pglite.tar" } as const;
const NAME = /^clinic-backup-(\d{4}-\d{2}-\d{2})T(\d{2})\.(\d{2})\.(\d{2})\.(\d{3})Z\.tar\.gz$/;
// Each segment of a stored file's path: no "..", nothing hidden, no separators.
const SAFE_SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9._-]*$/;

const fileEntry = z.object({
  bytes: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
const manifestSchema = z.object({
  format: z.literal("clinic-backup"),
  version: z.literal(1),
  createdAt: z.iso.datetime(),
  database: fileEntry.extend({
    driver: z.enum(["postgres", "pglite"]),
    file: z.enum([DATABASE_FILES.postgres, DATABASE_FILES.pglite]),
  }),
  uploads: z.array(
    fileEntry.extend({
      path: z.string().refine((p) => p.split("/").every((s) => SAFE_SEGMENT.test(s))),
    }),
  ),
});
export type BackupManifest = z.infer<typeof manifestSchema>;

/**
 * `clinic-backup-2026-11-30T15.07.49.123Z.tar.gz`: sorts by time, and has no colons (other
 * systems refuse them) and no run of 32 letters, digits and dashes (the logger hides those
 * as tokens).
 */
export function backupFileName(at: Date): string {
  return `clinic-backup-${at.toISOString().replaceAll(":", ".")}.tar.gz`;
}

export interface BackupFile {
  name: string;
  path: string;
  takenAt: Date;
}

/** The finished backups in `dir`, oldest first; other files (and unfinished ones) are not listed. */
export async function listBackups(dir: string): Promise<BackupFile[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  const backups: BackupFile[] = [];
  for (const name of names) {
    const match = NAME.exec(name);
    if (!match) continue;
    const [, day, h, m, s, ms] = match;
    backups.push({
      name,
      path: join(dir, name),
      takenAt: new Date(`${day}T${h}:${m}:${s}.${ms}Z`),
    });
  }
  return backups.sort((a, b) => a.takenAt.getTime() - b.takenAt.getTime());
}

/** Deletes all but the newest `keep` backups in `dir`; returns the names it deleted. */
export async function pruneBackups(dir: string, keep: number): Promise<string[]> {
  if (!Number.isInteger(keep) || keep < 1) throw new Error("keep must be a positive integer");
  const old = (await listBackups(dir)).slice(0, -keep);
  for (const backup of old) await rm(backup.path, { force: true });
  return old.map((b) => b.name);
}

/**
 * What a backup of a running API reads: PostgreSQL by its URL, or the API's
 * own PGlite, which no other process may open while the API holds it.
 */
export function liveBackupSource(config: DatabaseConfig, handle: DatabaseHandle): DatabaseConfig {
  if (handle.driver === "postgres") return config;
  // Drizzle keeps the client it was built on as `$client`.
  return { kind: "pglite-instance", client: (handle.db as unknown as { $client: PGlite }).$client };
}

/**
 * Runs `write` as the one backup writer of all the instances sharing this
 * database: on PostgreSQL under a transaction-level advisory lock tried
 * without waiting (null when another instance holds it, as housekeeping
 * does). On PGlite one process owns the database, so there is nothing to
 * coordinate; taking a transaction there would also stall the dump, which
 * waits for open transactions.
 */
export async function asOnlyBackupWriter<T>(
  handle: Pick<DatabaseHandle, "db" | "driver">,
  write: () => Promise<T>,
): Promise<T | null> {
  if (handle.driver === "pglite") return write();
  return (handle.db as Database).transaction(async (tx) => {
    const { rows } = (await tx.execute(
      sql`select pg_try_advisory_xact_lock(${BACKUP_LOCK_KEY}) as locked`,
    )) as unknown as { rows: { locked: boolean }[] };
    return rows[0]?.locked ? write() : null;
  });
}

export interface BackupResult {
  name: string;
  path: string;
  bytes: number;
  manifest: BackupManifest;
}

export interface BackupOptions {
  /** The database: PostgreSQL by URL, a closed PGlite data directory, or a live PGlite client. */
  source: DatabaseConfig;
  uploadDir: string;
  backupDir: string;
  now?: () => Date;
  /** Aborting stops `pg_dump` and removes the unfinished archive. */
  signal?: AbortSignal;
}

/**
 * Writes one backup: the database first (a consistent snapshot), then the
 * uploaded files, with their sizes and SHA-256 in a manifest. The archive is
 * written under a temporary name and renamed when complete, so a backup that
 * fails halfway never looks like one.
 */
export async function createBackup(options: BackupOptions): Promise<BackupResult> {
  const { source, uploadDir, backupDir, signal } = options;
  const takenAt = (options.now ?? (() => new Date()))();
  const name = backupFileName(takenAt);
  const path = join(backupDir, name);
  if (existsSync(path)) throw new BackupRefusal(`A backup named ${name} already exists`);
  if (source.kind === "pglite") await ensureClosedPgliteDataDir(source.dataDir);
  await mkdir(backupDir, { recursive: true });
  const staging = await mkdtemp(join(backupDir, `.${name}-`));
  const partial = `${path}.partial`;
  try {
    const database = await dumpDatabase(source, staging, signal);
    signal?.throwIfAborted();
    const uploads = await copyUploads(uploadDir, join(staging, UPLOADS));
    const manifest: BackupManifest = {
      format: "clinic-backup",
      version: 1,
      createdAt: takenAt.toISOString(),
      database,
      uploads,
    };
    await writeFile(join(staging, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
    signal?.throwIfAborted();
    await tar.create({ gzip: true, file: partial, cwd: staging, portable: true }, [
      MANIFEST,
      database.file,
      UPLOADS,
    ]);
    await rename(partial, path);
    return { name, path, bytes: (await stat(path)).size, manifest };
  } finally {
    await rm(staging, { recursive: true, force: true });
    await rm(partial, { force: true });
  }
}

export interface RestoreOptions {
  archive: string;
  /** PostgreSQL by URL, or a PGlite data directory (not in memory). */
  target: DatabaseConfig;
  uploadDir: string;
  /** Wipe a database and upload folder that already hold something, instead of refusing. */
  replace?: boolean;
}

/**
 * Restores a backup into an empty database and upload folder: a PostgreSQL
 * database with no tables, a PGlite data directory that doesn't exist or is
 * empty, an upload folder with nothing in it. Anything else is refused unless
 * `replace` is set, which first drops the database's schemas (as `db:reset`
 * does) or the data directory, and empties the upload folder. Every file is
 * checked against the manifest's checksum before anything is touched.
 */
export async function restoreBackup(options: RestoreOptions): Promise<BackupManifest> {
  const { archive, target, uploadDir, replace = false } = options;
  if (target.kind === "pglite-instance" || (target.kind === "pglite" && !target.dataDir)) {
    throw new BackupRefusal("Restore needs a PGlite data directory, not an in-memory database");
  }
  if (!existsSync(archive)) throw new BackupRefusal(`No backup at ${archive}`);
  const unpacked = await mkdtemp(join(tmpdir(), "clinic-restore-"));
  try {
    const manifest = await unpack(archive, unpacked);
    const kind = target.kind === "postgres" ? "postgres" : "pglite";
    if (manifest.database.driver !== kind) {
      throw new BackupRefusal(
        manifest.database.driver === "pglite"
          ? "This backup is of an embedded (PGlite) database: restore it with DATABASE_URL unset"
          : "This backup is of a PostgreSQL database: restore it with DATABASE_URL set",
      );
    }
    // Every refusal comes before the first change.
    if (target.kind === "pglite")
      await ensureClosedPgliteDataDir(target.dataDir, { mayBeAbsent: true });
    const databaseHolds = await databaseContents(target);
    const uploadsHold = await folderContents(uploadDir);
    if (!replace && (databaseHolds || uploadsHold)) {
      throw new BackupRefusal(
        `${databaseHolds ?? uploadsHold}: restore needs an empty one (--replace wipes it first)`,
      );
    }

    const dump = join(unpacked, manifest.database.file);
    if (target.kind === "postgres") {
      // Reads the dump's table of contents: a pg_restore too old for it fails here, before a wipe.
      await runTool("pg_restore", null, ["--list", dump]);
      if (databaseHolds) await wipePostgres(target.url);
      await runTool("pg_restore", target.url, [
        "--no-owner",
        "--no-privileges",
        "--exit-on-error",
        "--single-transaction",
        dump,
      ]);
    } else if (target.kind === "pglite" && target.dataDir) {
      if (databaseHolds) await rm(target.dataDir, { recursive: true, force: true });
      await mkdir(target.dataDir, { recursive: true });
      const client = new PGlite({
        dataDir: target.dataDir,
        loadDataDir: new Blob([await readFile(dump)]),
        extensions: { btree_gist },
      });
      try {
        await client.query("select 1");
      } finally {
        await client.close();
      }
    }

    // The folder itself stays: it may be a mount point.
    for (const entry of uploadsHold ? await readdir(uploadDir) : []) {
      await rm(join(uploadDir, entry), { recursive: true, force: true });
    }
    await mkdir(uploadDir, { recursive: true });
    for (const file of manifest.uploads) {
      const to = join(uploadDir, ...file.path.split("/"));
      await mkdir(dirname(to), { recursive: true });
      await copyFile(join(unpacked, UPLOADS, ...file.path.split("/")), to, constants.COPYFILE_EXCL);
    }
    return manifest;
  } finally {
    await rm(unpacked, { recursive: true, force: true });
  }
}

// ---- taking the database ----

async function dumpDatabase(
  source: DatabaseConfig,
  staging: string,
  signal: AbortSignal | undefined,
): Promise<BackupManifest["database"]> {
  if (source.kind === "postgres") {
    const file = DATABASE_FILES.postgres;
    // pg_dump reads the whole database in one repeatable-read snapshot.
    await runTool("pg_dump", source.url, ["--format=custom", `--file=${join(staging, file)}`], {
      signal,
    });
    return { driver: "postgres", file, ...(await describe(join(staging, file))) };
  }
  const file = DATABASE_FILES.pglite;
  if (source.kind === "pglite-instance") {
    await writeFile(join(staging, file), await dumpPglite(source.client));
  } else {
    const client = new PGlite({ dataDir: source.dataDir, extensions: { btree_gist } });
    try {
      await writeFile(join(staging, file), await dumpPglite(client));
    } finally {
      await client.close();
    }
  }
  return { driver: "pglite", file, ...(await describe(join(staging, file))) };
}

/**
 * PGlite's data directory as a tar. Inside a transaction, so the API's other
 * transactions (PGlite runs one at a time) finish before and wait after: none
 * is half done in the copy. The checkpoint writes everything to the data
 * files, so the restored copy starts without replaying the log.
 */
async function dumpPglite(client: PGlite): Promise<Uint8Array> {
  return client.transaction(async (tx) => {
    await tx.exec("checkpoint");
    const dump = await client.dumpDataDir("none");
    return new Uint8Array(await dump.arrayBuffer());
  });
}

/**
 * A PGlite data directory no process has open. PGlite keeps `postmaster.pid`
 * there while open and removes it on close; a second process opening the
 * directory would corrupt it. A process killed without closing leaves the
 * file behind too: then starting and stopping the API once clears it.
 */
async function ensureClosedPgliteDataDir(
  dataDir: string | undefined,
  options: { mayBeAbsent?: boolean } = {},
): Promise<void> {
  if (!dataDir) {
    throw new BackupRefusal(
      "The embedded database is in memory (PGLITE_DATA_DIR=memory://): nothing to back up",
    );
  }
  if (existsSync(join(dataDir, "postmaster.pid"))) {
    throw new BackupRefusal(
      `The embedded database in ${dataDir} is open in another process (the API?): stop it first, or let the API take backups (BACKUP_INTERVAL_MS)`,
    );
  }
  if (!options.mayBeAbsent && !existsSync(join(dataDir, "PG_VERSION"))) {
    throw new BackupRefusal(`No embedded database in ${dataDir}`);
  }
}

// ---- files ----

async function copyUploads(from: string, to: string): Promise<BackupManifest["uploads"]> {
  await mkdir(to, { recursive: true });
  if (!existsSync(from)) return [];
  const entries = await readdir(from, { recursive: true, withFileTypes: true });
  const uploads: BackupManifest["uploads"] = [];
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const path = relative(from, join(entry.parentPath, entry.name)).split(sep).join("/");
    // Only what the API stores (random names); anything else in the folder isn't ours to carry.
    if (!path.split("/").every((s) => SAFE_SEGMENT.test(s))) continue;
    const copy = join(to, ...path.split("/"));
    await mkdir(dirname(copy), { recursive: true });
    try {
      await copyFile(join(from, ...path.split("/")), copy, constants.COPYFILE_FICLONE);
    } catch (error) {
      // Deleted since the listing (a replaced photo): its row is gone too, or soon will be.
      if ((error as NodeJS.ErrnoException).code === "ENOENT") continue;
      throw error;
    }
    uploads.push({ path, ...(await describe(copy)) });
  }
  return uploads.sort((a, b) => a.path.localeCompare(b.path));
}

async function describe(file: string): Promise<{ bytes: number; sha256: string }> {
  const hash = createHash("sha256");
  let bytes = 0;
  for await (const chunk of createReadStream(file)) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { bytes, sha256: hash.digest("hex") };
}

async function unpack(archive: string, into: string): Promise<BackupManifest> {
  try {
    // tar refuses absolute paths and ".." in entries by default.
    await tar.extract({ file: archive, cwd: into, strict: true });
  } catch {
    throw new BackupRefusal(`${archive} is not a backup archive (not a readable .tar.gz)`);
  }
  let manifest: BackupManifest;
  try {
    manifest = manifestSchema.parse(JSON.parse(await readFile(join(into, MANIFEST), "utf8")));
  } catch {
    throw new BackupRefusal(`${archive} is not a clinic backup (no valid ${MANIFEST})`);
  }
  const expected = [
    { path: manifest.database.file, ...manifest.database },
    ...manifest.uploads.map((u) => ({ ...u, path: `${UPLOADS}/${u.path}` })),
  ];
  for (const file of expected) {
    const actual = await describe(join(into, ...file.path.split("/"))).catch(() => null);
    if (actual?.sha256 !== file.sha256 || actual.bytes !== file.bytes) {
      throw new BackupRefusal(`The backup is damaged: ${file.path} doesn't match its checksum`);
    }
  }
  return manifest;
}

async function folderContents(dir: string): Promise<string | null> {
  const entries = await readdir(dir).catch(() => []);
  return entries.length > 0 ? `The upload folder ${dir} is not empty` : null;
}

// ---- the target database ----

/** Null when the target database is empty, else what to tell the user. */
async function databaseContents(target: DatabaseConfig): Promise<string | null> {
  if (target.kind === "pglite") {
    const entries = await readdir(target.dataDir ?? "").catch(() => []);
    return entries.length > 0 ? `The embedded database in ${target.dataDir} is not empty` : null;
  }
  if (target.kind !== "postgres") return null;
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(
      `select count(*)::int as n from pg_class c join pg_namespace s on s.oid = c.relnamespace
       where c.relkind in ('r', 'p')
         and s.nspname not in ('pg_catalog', 'information_schema')
         and s.nspname not like 'pg\\_toast%' and s.nspname not like 'pg\\_temp%'`,
    );
    const n = rows[0]?.n ?? 0;
    return n > 0 ? `The PostgreSQL database ${describeUrl(target.url)} holds ${n} tables` : null;
  } finally {
    await client.end();
  }
}

async function wipePostgres(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // As `db:reset`: our schemas go, extensions in them with them.
    await client.query(
      "drop schema if exists public cascade; drop schema if exists drizzle cascade; create schema public",
    );
  } finally {
    await client.end();
  }
}

/** `host:port/database`: how a PostgreSQL database is named in messages, never with its password. */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}${u.port ? `:${u.port}` : ""}${u.pathname}`;
  } catch {
    return "(DATABASE_URL)";
  }
}

/**
 * Runs `pg_dump` or `pg_restore` against `url` (or none, to read a dump). The password goes in
 * `PGPASSWORD`, not the command line, where other users' `ps` would see it.
 */
async function runTool(
  tool: "pg_dump" | "pg_restore",
  url: string | null,
  args: string[],
  options: { signal?: AbortSignal | undefined } = {},
): Promise<void> {
  const target = url ? new URL(url) : null;
  const password = target ? decodeURIComponent(target.password) : "";
  if (target) target.password = "";
  const env = { ...process.env, ...(password ? { PGPASSWORD: password } : {}) };
  const dbname = target ? [`--dbname=${target.toString()}`] : [];
  await new Promise<void>((resolve, reject) => {
    const child = spawn(tool, [...dbname, ...args], {
      env,
      stdio: ["ignore", "ignore", "pipe"],
      signal: options.signal,
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on("error", (error: NodeJS.ErrnoException) => {
      reject(
        error.code === "ENOENT"
          ? new BackupRefusal(
              `${tool} was not found: install PostgreSQL's client tools (the server's major version or newer)`,
            )
          : error,
      );
    });
    child.on("close", (code) => {
      if (code === 0) resolve();
      else reject(new Error(`${tool} failed (exit ${code}): ${stderr.trim().split("\n").at(-1)}`));
    });
  });
}
