import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Each test file starts PGlite (WebAssembly) and hashes passwords with argon2;
    // on a loaded two-core machine that alone can take a minute or more.
    testTimeout: 120_000,
    hookTimeout: 240_000,
  },
});
