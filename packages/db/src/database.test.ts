import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { describe, expect, it } from "vitest";
import {
  createDatabase,
  type Database,
  migrationsFolder,
  PGLITE_SETTINGS,
  pgliteOptions,
  SchemaNewerThanCodeError,
} from "./database.js";
import { createTestDatabase, createTestDatabaseUrl, testDrivers } from "./testing.js";

describe("pgliteOptions", () => {
  it("keeps PGlite's own start parameters and adds the settings after them", () => {
    const { startParams } = pgliteOptions({ dataDir: "/tmp/somewhere" });
    // Single-user mode must stay the first argument; later `-c` flags win over earlier ones.
    expect(startParams?.slice(0, PGlite.defaultStartParams.length)).toEqual(
      PGlite.defaultStartParams,
    );
    expect(startParams?.slice(PGlite.defaultStartParams.length)).toEqual([
      "-c",
      "shared_buffers=16MB",
    ]);
  });

  it("opens the given data directory or dump, with btree_gist", () => {
    const dump = new Blob([]);
    expect(pgliteOptions({ dataDir: "/tmp/somewhere" })).toMatchObject({
      dataDir: "/tmp/somewhere",
    });
    expect(pgliteOptions({ loadDataDir: dump }).loadDataDir).toBe(dump);
    expect(pgliteOptions().dataDir).toBeUndefined();
    expect(Object.keys(pgliteOptions().extensions ?? {})).toEqual(["btree_gist"]);
  });
});

describe("the embedded database", () => {
  it("runs with the settings", async () => {
    const handle = await createTestDatabase("pglite");
    try {
      for (const [name, value] of Object.entries(PGLITE_SETTINGS)) {
        const result = await handle.db.execute(sql`select current_setting(${name}) as value`);
        expect((result as unknown as { rows: { value: string }[] }).rows[0]?.value).toBe(value);
      }
    } finally {
      await handle.close();
    }
  });
});

describe.each(testDrivers)("opening a database a newer release migrated, on %s", (driver) => {
  it("is refused with one line saying so, and the database is left as it was", async () => {
    const latest = readMigrationFiles({ migrationsFolder }).at(-1)!.folderMillis;
    const later = latest + 86_400_000;
    const markNewer = (db: Database) =>
      db.execute(
        sql`insert into drizzle.__drizzle_migrations (hash, created_at) values ('from-a-newer-release', ${later})`,
      );
    const applied = async (db: Database) =>
      (
        (await db.execute(
          sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
        )) as unknown as {
          rows: { n: number }[];
        }
      ).rows[0]!.n;

    if (driver === "pglite") {
      const client = new PGlite(pgliteOptions());
      try {
        const first = await createDatabase({ kind: "pglite-instance", client });
        await markNewer(first.db);
        const count = await applied(first.db);
        await expect(createDatabase({ kind: "pglite-instance", client })).rejects.toThrow(
          SchemaNewerThanCodeError,
        );
        expect(await applied(first.db)).toBe(count);
      } finally {
        await client.close();
      }
      return;
    }
    const database = await createTestDatabaseUrl();
    try {
      const first = await createDatabase({ kind: "postgres", url: database.url });
      await markNewer(first.db);
      const count = await applied(first.db);
      const refusal = createDatabase({ kind: "postgres", url: database.url });
      await expect(refusal).rejects.toThrow(/schema is newer than this release/);
      expect(await applied(first.db)).toBe(count);
      await first.close();
    } finally {
      await database.drop();
    }
  });
});
