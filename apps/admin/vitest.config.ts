import { defineConfig } from "vitest/config";

// Kept apart from vite.config.ts: the Remix Vite plugin must not run under vitest.
export default defineConfig({
  test: {
    environment: "node",
    include: ["app/**/*.test.{ts,tsx}"],
    // A real secret keeps env.server.ts from warning about its dev-only fallback in every run.
    env: { SESSION_SECRET: "vitest-only-session-secret-0123456789abcdef" },
    // Test files share each worker's loaded modules (a fifth of the time); spies are put back
    // after every test so none reaches the next file.
    isolate: false,
    restoreMocks: true,
  },
});
