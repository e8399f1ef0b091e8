import { defineConfig } from "vitest/config";

// Deliberately without the Remix Vite plugin: unit tests exercise plain modules.
export default defineConfig({
  test: {
    include: ["app/**/*.test.ts"],
    environment: "node",
  },
});
