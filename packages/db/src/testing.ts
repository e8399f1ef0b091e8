import { randomBytes } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";
import pg from "pg";
import { createDatabase, type DatabaseHandle } from "./database.js";

/**
 * Test databases. PGlite always; PostgreSQL too when `TEST_DATABASE_URL` is
 * set, each test getting a fresh database created on that server.
 */
export type TestDriver = "pglite" | "postgres";

export const testDrivers: TestDriver[] = process.env.TEST_DATABASE_URL
  ? ["pglite", "postgres"]
  : ["pglite"];

let template: Promise<PGlite> | undefined;

// Migrating PGlite takes a while; migrate one template per process and clone it per test.
function pgliteTemplate(): Promise<PGlite> {
  template ??= (async () => {
    const client = new PGlite({ extensions: { btree_gist } });
    const handle = await createDatabase({ kind: "pglite-instance", client });
    void handle;
    return client;
  })();
  return template;
}

export async function createTestDatabase(driver: TestDriver = "pglite"): Promise<DatabaseHandle> {
  if (driver === "pglite") {
    const clone = (await (await pgliteTemplate()).clone()) as PGlite;
    return createDatabase({ kind: "pglite-instance", client: clone });
  }
  const baseUrl = process.env.TEST_DATABASE_URL;
  if (!baseUrl) throw new Error("TEST_DATABASE_URL is not set");
  const name = `clinic_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  const handle = await createDatabase({ kind: "postgres", url: url.toString(), poolSize: 60 });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      const cleanup = new pg.Client({ connectionString: baseUrl });
      await cleanup.connect();
      try {
        await cleanup.query(`drop database if exists ${name} with (force)`);
      } finally {
        await cleanup.end();
      }
    },
  };
}

/** The URL of a fresh database on the test server, for tests that open their own connections. */
export async function createTestDatabaseUrl(): Promise<{ url: string; drop(): Promise<void> }> {
  const baseUrl = process.env.TEST_DATABASE_URL;
  if (!baseUrl) throw new Error("TEST_DATABASE_URL is not set");
  const name = `clinic_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`create database ${name}`).finally(() => admin.end());
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const cleanup = new pg.Client({ connectionString: baseUrl });
      await cleanup.connect();
      await cleanup
        .query(`drop database if exists ${name} with (force)`)
        .finally(() => cleanup.end());
    },
  };
}
