import { createHash, randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { createDatabase, type DatabaseHandle, pgliteOptions } from "./database.js";
import { seedDemoClinic } from "./seed/index.js";

/**
 * Test databases. PGlite always; PostgreSQL too when `TEST_DATABASE_URL` is
 * set, each test getting a fresh database created on that server.
 *
 * Starting PGlite, migrating and seeding take seconds, so a test run prepares
 * them once (`prepareTestDatabases`, from vitest's `globalSetup`): a migrated
 * database and a seeded one per demo seed, as PGlite data-directory dumps and
 * as PostgreSQL template databases. Every test database is then a copy: a
 * PGlite loaded from a dump, or `CREATE DATABASE … TEMPLATE …`. Without a
 * prepared run (a file run by another tool, a seed nobody prepared) the same
 * databases are built in the test's own process instead.
 */
export type TestDriver = "pglite" | "postgres";

export const testDrivers: TestDriver[] = process.env.TEST_DATABASE_URL
  ? ["pglite", "postgres"]
  : ["pglite"];

/** The demo clinic as seeded for tests: at a fixed instant, with a known owner password. */
export interface TestSeed {
  now: Date;
  ownerPassword: string;
}

// Where `prepareTestDatabases` tells the test processes what it prepared.
const MANIFEST_VARIABLE = "CLINIC_TEST_DATABASES";

interface Manifest {
  /** Paths of PGlite data-directory dumps: the migrated one, and the seeded ones by seed key. */
  pglite: { migrated: string; seeded: Record<string, string> };
  /** Template databases on `TEST_DATABASE_URL`'s server, when it was set. */
  postgres: { migrated: string; seeded: Record<string, string> } | null;
}

function seedKey(seed: TestSeed): string {
  return createHash("sha256")
    .update(`${seed.now.toISOString()}\n${seed.ownerPassword}`)
    .digest("hex")
    .slice(0, 12);
}

let manifest: Manifest | null | undefined;
function preparedDatabases(): Manifest | null {
  if (manifest === undefined) {
    const path = process.env[MANIFEST_VARIABLE];
    manifest = path ? (JSON.parse(readFileSync(path, "utf8")) as Manifest) : null;
  }
  return manifest;
}

/** A fresh, migrated, empty database. */
export function createTestDatabase(driver: TestDriver = "pglite"): Promise<DatabaseHandle> {
  const prepared = preparedDatabases();
  if (driver === "pglite") return openPglite(migratedDump(prepared));
  return createPostgresDatabase(prepared?.postgres?.migrated);
}

/**
 * A fresh database holding the demo clinic seeded at `seed.now`: a copy of the
 * prepared one when the run prepared that seed, else migrated and seeded here.
 */
export async function createSeededTestDatabase(
  driver: TestDriver,
  seed: TestSeed,
): Promise<DatabaseHandle> {
  const prepared = preparedDatabases();
  const key = seedKey(seed);
  if (driver === "pglite") {
    const path = prepared?.pglite.seeded[key];
    if (path) return openPglite(dumpAt(path));
  } else {
    const template = prepared?.postgres?.seeded[key];
    if (template) return createPostgresDatabase(template);
  }
  const handle = await createTestDatabase(driver);
  await seedDemoClinic(handle.db, seed);
  return handle;
}

/** The URL of a fresh database on the test server, for tests that open their own connections. */
export async function createTestDatabaseUrl(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = await createServerDatabase(null);
  return { url: databaseUrl(name), drop: () => dropServerDatabase(name) };
}

/**
 * Prepares the run's databases once, for vitest's `globalSetup`: the migrated
 * database and one per seed, on PGlite and (with `TEST_DATABASE_URL`) on
 * PostgreSQL. Test processes started afterwards find them through an
 * environment variable. Returns the teardown, which drops them.
 */
export async function prepareTestDatabases(
  options: { seeds?: TestSeed[] } = {},
): Promise<() => Promise<void>> {
  const seeds = options.seeds ?? [];
  const dir = await mkdtemp(join(tmpdir(), "clinic-test-databases-"));
  const templates: string[] = [];
  try {
    const dumps = await buildDumps(seeds);
    const prepared: Manifest = {
      pglite: { migrated: join(dir, "migrated.tar"), seeded: {} },
      postgres: null,
    };
    await writeFile(prepared.pglite.migrated, dumps.migrated);
    for (const [index, seed] of seeds.entries()) {
      const path = join(dir, `seeded-${seedKey(seed)}.tar`);
      await writeFile(path, dumps.seeded[index]!);
      prepared.pglite.seeded[seedKey(seed)] = path;
    }

    if (process.env.TEST_DATABASE_URL) {
      // Named per run: several runs (developers, CI) may share one server.
      const run = randomBytes(4).toString("hex");
      const template = async (suffix: string, seed?: TestSeed) => {
        const name = `clinic_template_${run}_${suffix}`;
        await createServerDatabase(null, name);
        templates.push(name);
        const handle = await createDatabase({ kind: "postgres", url: databaseUrl(name) });
        try {
          if (seed) await seedDemoClinic(handle.db, seed);
        } finally {
          await handle.close();
        }
        // A template can be copied only while nobody is connected to it.
        await withServer((client) => untilDisconnected(client, name));
        return name;
      };
      prepared.postgres = { migrated: await template("migrated"), seeded: {} };
      for (const seed of seeds) {
        prepared.postgres.seeded[seedKey(seed)] = await template(seedKey(seed), seed);
      }
    }

    const manifestPath = join(dir, "manifest.json");
    await writeFile(manifestPath, JSON.stringify(prepared));
    process.env[MANIFEST_VARIABLE] = manifestPath;
  } catch (error) {
    await cleanUp(dir, templates);
    throw error;
  }
  return async () => {
    delete process.env[MANIFEST_VARIABLE];
    await cleanUp(dir, templates);
  };
}

async function cleanUp(dir: string, templates: string[]) {
  for (const name of templates) await dropServerDatabase(name);
  await rm(dir, { recursive: true, force: true });
}

// ---- PGlite: a database is a data directory, dumped once and loaded per test ----

function newPglite(dump?: Blob): PGlite {
  return new PGlite(pgliteOptions({ loadDataDir: dump }));
}

async function dumpOf(client: PGlite): Promise<Uint8Array> {
  const dump = await client.dumpDataDir("none");
  return new Uint8Array(await dump.arrayBuffer());
}

/** Dumps a freshly migrated database, then that database seeded with each seed in turn. */
async function buildDumps(
  seeds: TestSeed[],
): Promise<{ migrated: Uint8Array; seeded: Uint8Array[] }> {
  const seeded: Uint8Array[] = [];
  let client = newPglite();
  try {
    let handle = await createDatabase({ kind: "pglite-instance", client });
    const migrated = await dumpOf(client);
    for (const seed of seeds) {
      // The first seed goes into the instance just migrated, the others into copies of it.
      if (seeded.length > 0) {
        await client.close();
        client = newPglite(new Blob([migrated]));
        handle = await createDatabase({ kind: "pglite-instance", client });
      }
      await seedDemoClinic(handle.db, seed);
      seeded.push(await dumpOf(client));
    }
    return { migrated, seeded };
  } finally {
    await client.close();
  }
}

// Read once per process; every test database loads its own copy.
const dumps = new Map<string, Promise<Blob>>();
function dumpAt(path: string): Promise<Blob> {
  let dump = dumps.get(path);
  if (!dump) {
    dump = readFile(path).then((bytes) => new Blob([bytes]));
    dumps.set(path, dump);
  }
  return dump;
}

let localMigratedDump: Promise<Blob> | undefined;
function migratedDump(prepared: Manifest | null): Promise<Blob> {
  if (prepared) return dumpAt(prepared.pglite.migrated);
  localMigratedDump ??= buildDumps([]).then(({ migrated }) => new Blob([migrated]));
  return localMigratedDump;
}

async function openPglite(dump: Promise<Blob>): Promise<DatabaseHandle> {
  // Migrating again finds nothing to do, and checks the dump is current.
  return createDatabase({ kind: "pglite-instance", client: newPglite(await dump) });
}

// ---- PostgreSQL: a database per test on TEST_DATABASE_URL's server ----

function serverUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error("TEST_DATABASE_URL is not set");
  return url;
}

function databaseUrl(name: string): string {
  const url = new URL(serverUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

async function withServer<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl() });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

async function createServerDatabase(
  template: string | null,
  name = `clinic_test_${randomBytes(6).toString("hex")}`,
): Promise<string> {
  await withServer((client) =>
    client.query(`create database ${name}${template ? ` template ${template}` : ""}`),
  );
  return name;
}

async function createPostgresDatabase(template: string | undefined): Promise<DatabaseHandle> {
  const name = await createServerDatabase(template ?? null);
  const handle = await createDatabase({ kind: "postgres", url: databaseUrl(name), poolSize: 60 });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await dropServerDatabase(name);
    },
  };
}

/**
 * Waits (up to five seconds) until the server has no connection to a database:
 * node-postgres' `pool.end()` resolves before its backends exit. Dropping the
 * database by force before then reaches the closing clients as an uncaught error.
 */
async function untilDisconnected(client: pg.Client, name: string): Promise<void> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const { rows } = await client.query<{ n: number }>(
      "select count(*)::int as n from pg_stat_activity where datname = $1",
      [name],
    );
    if ((rows[0]?.n ?? 0) === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function dropServerDatabase(name: string): Promise<void> {
  await withServer(async (client) => {
    await untilDisconnected(client, name);
    await client.query(`drop database if exists ${name} with (force)`);
  });
}
