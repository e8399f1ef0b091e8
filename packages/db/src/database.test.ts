import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { PGLITE_SETTINGS, pgliteOptions } from "./database.js";
import { createTestDatabase } from "./testing.js";

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
