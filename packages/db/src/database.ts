import { mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import v8 from "node:v8";
import { PGlite, type PGliteOptions } from "@electric-sql/pglite";
import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { drizzle as drizzleNodePg } from "drizzle-orm/node-postgres";
import { migrate as migrateNodePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import * as schema from "./schema.js";

export type Schema = typeof schema;
/** One typed database object, whichever driver is underneath. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = PgTransaction<
  PgQueryResultHKT,
  Schema,
  ExtractTablesWithRelations<Schema>
>;
/** Anything queries can run on: the database or an open transaction. */
export type Executor = Database | Transaction;

export type DatabaseConfig =
  | { kind: "postgres"; url: string; poolSize?: number }
  | { kind: "pglite"; dataDir?: string }
  | { kind: "pglite-instance"; client: PGlite };

export interface DatabaseHandle {
  db: Database;
  driver: "postgres" | "pglite";
  /** Runs `select 1`; used by the readiness probe. */
  ping(): Promise<void>;
  /** The PostgreSQL pool's connections (for metrics); null on PGlite, which has none. */
  poolStats(): { total: number; idle: number; waiting: number } | null;
  close(): Promise<void>;
}

export const migrationsFolder = fileURLToPath(new URL("../migrations", import.meta.url));

/**
 * The advisory lock that serialises changes to the database's shape and first
 * content when several API instances start against one server: migrations hold
 * it for their session, the demo seed for its transaction (seed/seed.ts).
 */
export const SCHEMA_LOCK_KEY = 724_310_501;

/**
 * Postgres settings for the embedded database, on top of PGlite's own start parameters.
 * Without them PGlite keeps initdb's server defaults, `shared_buffers=128MB` above all, and
 * PGlite's shared memory lives in the process's WebAssembly heap, which is filled in when the
 * database opens and never shrinks: ~120 MB of resident memory and a good part of the start-up
 * time. The demo clinic is ~25 MB on disk and PGlite reads its files through Node's `fs`, so
 * pages beyond the buffer pool come from the operating system's page cache, not the disk.
 * Given on the command line, they hold for each start and are not written to the data
 * directory's `postgresql.conf`.
 */
export const PGLITE_SETTINGS: Readonly<Record<string, string>> = {
  shared_buffers: "16MB",
};

/**
 * Has V8 compile WebAssembly with its baseline compiler only (Liftoff), never optimising it
 * again (TurboFan). PGlite is one ~9 MB module: tiering it up kept ~70 MB of optimised code
 * and compiler memory resident and spent about a second of CPU after every start, for no
 * measurable gain on our queries (decision 017). Read when a module is compiled, so it is set
 * before each PGlite is created; it is the process's only WebAssembly.
 */
function compileWebAssemblyForMemory(): void {
  v8.setFlagsFromString("--liftoff-only");
}

/** PGlite's options for a data directory (or, with none, memory), or for a dump to load. */
export function pgliteOptions(
  source: { dataDir?: string; loadDataDir?: Blob } = {},
): PGliteOptions {
  compileWebAssemblyForMemory();
  return {
    ...source,
    extensions: { btree_gist },
    startParams: [
      ...PGlite.defaultStartParams,
      ...Object.entries(PGLITE_SETTINGS).flatMap(([name, value]) => ["-c", `${name}=${value}`]),
    ],
  };
}

/**
 * A database a newer release has migrated. This code doesn't know that schema, and drizzle
 * would start on it without a word (it only applies migrations newer than the last applied):
 * start the newer release, or restore a backup taken before the upgrade.
 */
export class SchemaNewerThanCodeError extends Error {
  constructor(appliedAt: number, knownAt: number) {
    super(
      `the database's schema is newer than this release: it holds a migration from ${new Date(appliedAt).toISOString()}, this code knows migrations up to ${new Date(knownAt).toISOString()}; start the newer release, or restore a backup taken before the upgrade`,
    );
    this.name = "SchemaNewerThanCodeError";
  }
}

/** Refuses a database holding migrations later than this code's last one (see the error). */
async function refuseNewerSchema(query: (sql: string) => Promise<Record<string, unknown>[]>) {
  const [found] = await query(
    "select to_regclass('drizzle.__drizzle_migrations') is not null as present",
  );
  if (!found?.present) return;
  const [row] = await query(
    "select max(created_at)::text as latest from drizzle.__drizzle_migrations",
  );
  const applied = Number(row?.latest ?? 0);
  const known = readMigrationFiles({ migrationsFolder }).at(-1)?.folderMillis ?? 0;
  if (applied > known) throw new SchemaNewerThanCodeError(applied, known);
}

/**
 * Opens PostgreSQL (when given a URL) or PGlite and applies pending migrations; refuses a
 * database a newer release migrated (`SchemaNewerThanCodeError`).
 */
export async function createDatabase(config: DatabaseConfig): Promise<DatabaseHandle> {
  if (config.kind === "postgres") {
    const pool = new pg.Pool({ connectionString: config.url, max: config.poolSize ?? 10 });
    try {
      const lockClient = await pool.connect();
      try {
        await lockClient.query("select pg_advisory_lock($1)", [SCHEMA_LOCK_KEY]);
        await refuseNewerSchema(async (sql) => (await lockClient.query(sql)).rows);
        await migrateNodePg(drizzleNodePg(lockClient), { migrationsFolder });
      } finally {
        await lockClient.query("select pg_advisory_unlock($1)", [SCHEMA_LOCK_KEY]).catch(() => {});
        lockClient.release();
      }
    } catch (error) {
      // Unreachable, or refused: nothing of the pool may keep the process alive.
      await pool.end();
      throw error;
    }
    const db = drizzleNodePg(pool, { schema }) as unknown as Database;
    return {
      db,
      driver: "postgres",
      ping: async () => void (await pool.query("select 1")),
      poolStats: () => ({
        total: pool.totalCount,
        idle: pool.idleCount,
        waiting: pool.waitingCount,
      }),
      close: () => pool.end(),
    };
  }

  if (config.kind === "pglite" && config.dataDir) await mkdir(config.dataDir, { recursive: true });
  const client =
    config.kind === "pglite-instance"
      ? config.client
      : new PGlite(pgliteOptions({ dataDir: config.dataDir }));
  await client.waitReady;
  const pgliteDb = drizzlePglite(client, { schema });
  try {
    await refuseNewerSchema(async (sql) => (await client.query<Record<string, unknown>>(sql)).rows);
    await migratePglite(pgliteDb, { migrationsFolder });
  } catch (error) {
    if (config.kind !== "pglite-instance") await client.close();
    throw error;
  }
  return {
    db: pgliteDb as unknown as Database,
    driver: "pglite",
    ping: async () => void (await client.query("select 1")),
    poolStats: () => null,
    close: () => client.close(),
  };
}

/** Where the embedded database lives between runs unless `PGLITE_DATA_DIR` says otherwise. */
const defaultDataDir = fileURLToPath(new URL("../../../.data/pglite", import.meta.url));

/**
 * Chooses the driver from the environment: `DATABASE_URL` means PostgreSQL;
 * otherwise PGlite in `PGLITE_DATA_DIR` (default `.data/pglite` at the repo
 * root), or in memory when that is `memory://`.
 */
export function databaseConfigFrom(env: {
  DATABASE_URL?: string | undefined;
  PGLITE_DATA_DIR?: string | undefined;
}): DatabaseConfig {
  if (env.DATABASE_URL) return { kind: "postgres", url: env.DATABASE_URL };
  const dataDir = env.PGLITE_DATA_DIR || defaultDataDir;
  return { kind: "pglite", dataDir: dataDir === "memory://" ? undefined : dataDir };
}

/** The SQLSTATE of a database error, unwrapping Drizzle's `DrizzleQueryError`. */
export function sqlState(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

export const SQLSTATE = {
  uniqueViolation: "23505",
  foreignKeyViolation: "23503",
  checkViolation: "23514",
  exclusionViolation: "23P01",
  serializationFailure: "40001",
} as const;
