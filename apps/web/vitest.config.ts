import { defineConfig } from "vitest/config";

// Deliberately without the Remix Vite plugin: unit tests exercise plain modules.
export default defineConfig({
  test: {
    include: ["app/**/*.test.ts"],
    environment: "node",
    // Plain modules without state: test files can share each worker's loaded modules.
    isolate: false,
  },
});
