import { prepareTestDatabases } from "./testing.js";

// Migrates one PGlite database (and a PostgreSQL template with TEST_DATABASE_URL) for the whole
// run; each test's database is a copy of it.
export default function setup() {
  return prepareTestDatabases();
}
