import { readdir, readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";
import { readMigrationFiles } from "drizzle-orm/migrator";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type DatabaseHandle, migrationsFolder } from "./database.js";
import { createTestDatabaseUrl, testDrivers } from "./testing.js";

/**
 * Upgrades from a released database: each snapshot in `snapshots/` is the database as a release
 * left it (its migrations applied, the demo clinic seeded; see make-snapshot.sh). Migrating it
 * to today's schema must keep every row and every value of the columns it already had
 * (decision 020: migrations expand, then contract a release later).
 */
const snapshotsFolder = fileURLToPath(new URL("../snapshots", import.meta.url));
const snapshots = (await readdir(snapshotsFolder)).filter((name) => name.endsWith(".sql")).sort();

type Rows = Map<string, string[]>;

/** Every table's rows (public and drizzle schemas) as sorted JSON texts of the given columns. */
async function readAll(
  query: <T>(sql: string) => Promise<T[]>,
  columnsOf?: Map<string, string[]>,
): Promise<{ rows: Rows; columns: Map<string, string[]> }> {
  const found = await query<{ table: string; column: string }>(
    `select table_schema || '.' || table_name as table, column_name as column
       from information_schema.columns
      where table_schema in ('public', 'drizzle')
        and table_name in (select table_name from information_schema.tables
                            where table_type = 'BASE TABLE' and table_schema in ('public', 'drizzle'))
      order by table_schema, table_name, ordinal_position`,
  );
  const columns = new Map<string, string[]>();
  for (const { table, column } of found) {
    columns.set(table, [...(columns.get(table) ?? []), column]);
  }
  const rows: Rows = new Map();
  for (const [table, all] of columns) {
    const wanted = columnsOf ? (columnsOf.get(table) ?? []) : all;
    if (wanted.length === 0) continue;
    const list = wanted.map((c) => `'${c}', "${c}"`).join(", ");
    const texts = await query<{ row: string }>(
      `select json_build_object(${list})::text as row from ${table}`,
    );
    rows.set(table, texts.map((t) => t.row).sort());
  }
  return { rows, columns };
}

interface Opened {
  /** Runs a query on the loaded database, outside the handle that migrated it. */
  query: <T>(sql: string) => Promise<T[]>;
  migrate: () => Promise<DatabaseHandle>;
  close: () => Promise<void>;
}

async function loaded(driver: (typeof testDrivers)[number], dump: string): Promise<Opened> {
  if (driver === "pglite") {
    const client = new PGlite({ extensions: { btree_gist } });
    await client.exec(dump);
    return {
      query: async (sql) => (await client.query(sql)).rows as never,
      migrate: () => createDatabase({ kind: "pglite-instance", client }),
      close: () => client.close(),
    };
  }
  const database = await createTestDatabaseUrl();
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  await client.query(dump);
  return {
    query: async (sql) => (await client.query(sql)).rows,
    migrate: () => createDatabase({ kind: "postgres", url: database.url }),
    close: async () => {
      await client.end();
      await database.drop();
    },
  };
}

describe.each(testDrivers)("upgrading a released database on %s", (driver) => {
  describe.each(snapshots)("from %s", (snapshot) => {
    let opened: Opened;
    let handle: DatabaseHandle | undefined;
    let before: { rows: Rows; columns: Map<string, string[]> };

    beforeAll(async () => {
      opened = await loaded(driver, await readFile(`${snapshotsFolder}/${snapshot}`, "utf8"));
      before = await readAll(opened.query);
      handle = await opened.migrate();
    });
    afterAll(async () => {
      // PGlite's handle closes the client the test loaded; PostgreSQL's is its own pool.
      if (driver === "postgres") await handle?.close();
      await opened.close();
    });

    it("holds data in the tables that matter (the snapshot isn't empty)", () => {
      for (const table of ["public.bookings", "public.practitioners", "public.services"]) {
        expect(before.rows.get(table)?.length, table).toBeGreaterThan(0);
      }
    });

    it("keeps every row and value of the columns the release had", async () => {
      const migrations = "drizzle.__drizzle_migrations";
      const after = await readAll(opened.query, before.columns);
      for (const [table, rows] of before.rows) {
        if (table === migrations) continue;
        expect(after.rows.get(table), table).toEqual(rows);
      }
    });

    it("records today's migrations, and the released ones weren't edited since", async () => {
      const files = readMigrationFiles({ migrationsFolder });
      const applied = await opened.query<{ hash: string; created_at: string }>(
        "select hash, created_at from drizzle.__drizzle_migrations order by created_at",
      );
      expect(applied.map((m) => [m.hash, Number(m.created_at)])).toEqual(
        files.map((m) => [m.hash, m.folderMillis]),
      );
    });
  });
});
