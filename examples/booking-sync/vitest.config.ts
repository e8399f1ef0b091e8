import { defineConfig } from "vitest/config";

export default defineConfig({
  // Starting PGlite (WebAssembly) and seeding the demo clinic takes a while on a busy machine.
  test: { testTimeout: 120_000, hookTimeout: 240_000 },
});
