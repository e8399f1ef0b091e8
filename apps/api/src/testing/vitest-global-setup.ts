import { prepareTestDatabases } from "@clinic/db/testing";
import { TEST_OWNER_PASSWORD, TEST_START } from "./test-app.js";

// Migrates and seeds the demo clinic once for the whole run (on PGlite, and on PostgreSQL with
// TEST_DATABASE_URL); every `createTestApp()` gets its own copy of that database.
export default function setup() {
  return prepareTestDatabases({
    seeds: [{ now: TEST_START, ownerPassword: TEST_OWNER_PASSWORD }],
  });
}
