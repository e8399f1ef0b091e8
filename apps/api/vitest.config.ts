import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Each test file starts PGlite (WebAssembly) and hashes passwords with argon2.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
