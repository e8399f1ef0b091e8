import { rm } from "node:fs/promises";
import { sql } from "drizzle-orm";
import { runBackupCommand } from "./backup-cli.js";
import { createDatabase, databaseConfigFrom } from "./database.js";
import { announceContentChange } from "./queries/content-changes.js";
import { DEMO_OWNER_PASSWORD, demoOwnerEmail, isEmpty, seedDemoClinic } from "./seed/seed.js";

/** `pnpm db:migrate | db:seed | db:reset | db:backup | db:restore` on the database the API would open. */
const command = process.argv[2];
if (command === "backup" || command === "restore") {
  // Neither opens the database through createDatabase: a backup must not migrate what it copies.
  process.exit(await runBackupCommand(command, process.argv.slice(3), process.env));
}
const config = databaseConfigFrom(process.env);
const ownerPassword = process.env.SEED_OWNER_PASSWORD || DEMO_OWNER_PASSWORD;

if (command === "reset" && config.kind === "pglite" && config.dataDir) {
  await rm(config.dataDir, { recursive: true, force: true });
}
const handle = await createDatabase(config);
const where =
  config.kind === "postgres"
    ? "PostgreSQL"
    : `PGlite (${config.kind === "pglite" ? (config.dataDir ?? "memory") : ""})`;
try {
  if (command === "migrate") {
    console.log(`Migrations applied on ${where}.`);
  } else if (command === "seed" || command === "reset") {
    if (command === "reset" && config.kind === "postgres") {
      await handle.db.execute(sql`drop schema if exists public cascade`);
      await handle.db.execute(sql`drop schema if exists drizzle cascade`);
      await handle.db.execute(sql`create schema public`);
      await handle.close();
      const fresh = await createDatabase(config);
      await seedDemoClinic(fresh.db, { ownerPassword });
      // Running API instances drop what they cached of the old clinic.
      await announceContentChange(fresh.db, "db:reset");
      await fresh.close();
      console.log(`Database reset and seeded on ${where}.`);
      process.exit(0);
    }
    // seedDemoClinic checks again under the schema lock: an API starting beside us may seed first.
    if ((await isEmpty(handle.db)) && (await seedDemoClinic(handle.db, { ownerPassword }))) {
      if (config.kind === "postgres") await announceContentChange(handle.db, "db:seed");
      console.log(`Demo clinic seeded on ${where}. Sign in as ${demoOwnerEmail}.`);
    } else {
      console.log(
        `The database on ${where} already holds a clinic: nothing seeded (use pnpm db:reset).`,
      );
    }
  } else {
    console.error("Usage: cli.ts migrate | seed | reset | backup | restore <backup>");
    process.exitCode = 2;
  }
} finally {
  await handle.close().catch(() => {});
}
