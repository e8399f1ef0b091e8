import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Migrates once per run; each test database is a copy (see src/testing.ts).
    globalSetup: ["./src/vitest-global-setup.ts"],
    // Test files share each worker's loaded modules (and PGlite's compiled WebAssembly): they
    // keep no state in modules and mock none, and every file closes what it opens.
    isolate: false,
    // Starting PGlite (WebAssembly) takes seconds on a busy machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
