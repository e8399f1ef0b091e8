import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "@playwright/test";
import { chromiumArgs, resolveChromiumPath } from "./chromium-path";
import { adminUrl, apiUrl, portOffset, ports, webUrl } from "./environment";

const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
const ci = Boolean(process.env.CI);
const ADMIN_SPECS = /(^|[\\/])admin-[^\\/]*\.spec\.ts$/;

// The servers write their logs here (LOG_FILE); global-teardown.ts checks no line leaks a
// patient's details or a token. One folder per run: the workers inherit it through the env.
process.env.E2E_LOG_DIR ??= mkdtempSync(join(tmpdir(), "clinic-e2e-logs-"));
const logDir = process.env.E2E_LOG_DIR;
const logFile = (server: string) => join(logDir, `${server}.log`);
// Photos and covers the specs upload go to a folder of the run's own, not the repository's.
process.env.E2E_UPLOAD_DIR ??= mkdtempSync(join(tmpdir(), "clinic-e2e-uploads-"));
const uploadDir = process.env.E2E_UPLOAD_DIR;

// The apps run from their built output (turbo builds them first: `test` depends on `^build`).
// Started in order, each once the previous one answers, so the sites find the API up.
const serverDefaults = {
  cwd: repoRoot,
  // Every run gets its own servers and a fresh database: a server left over from another run
  // (or shared with a concurrent one, which stops it when it ends) would make results lie.
  // E2E_REUSE_SERVERS=1 opts in while iterating on tests against servers you started yourself.
  reuseExistingServer: !ci && process.env.E2E_REUSE_SERVERS === "1",
  // PGlite migrates and seeds in ~10 s on a 2-core machine; leave room for a slow one.
  timeout: 120_000,
  stdout: "ignore",
  stderr: "pipe",
  gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
} as const;

export default defineConfig({
  testDir: "./tests",
  globalTeardown: "./global-teardown.ts",
  fullyParallel: true,
  forbidOnly: ci,
  retries: 0,
  workers: 2,
  // Roomy: a 2-core machine running the whole turbo test graph at once is several times slower.
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [["list"], ["./summary-reporter.ts"]],
  // Playwright empties its output folder when a run starts, so a run on shifted ports keeps its
  // own, where it can't wipe a concurrent run's traces.
  outputDir: portOffset === 0 ? "./test-results" : join(tmpdir(), `clinic-e2e-${portOffset}`),
  use: {
    browserName: "chromium",
    headless: true,
    launchOptions: { executablePath: resolveChromiumPath(), args: chromiumArgs },
    locale: "en-AU",
    timezoneId: "Australia/Sydney",
    // Recording a trace of every test costs a quarter of the suite's CPU; when a test fails, rerun
    // it with `--trace retain-on-failure`. The failure's screenshot and page snapshot are kept.
    trace: "off",
    screenshot: "only-on-failure",
  },
  // Specs named `admin-*.spec.ts` browse the admin app; every other spec the public site.
  projects: [
    { name: "admin", testMatch: ADMIN_SPECS, use: { baseURL: adminUrl } },
    { name: "web", testMatch: /\.spec\.ts$/, testIgnore: ADMIN_SPECS, use: { baseURL: webUrl } },
  ],
  webServer: [
    {
      ...serverDefaults,
      name: "api",
      // A fresh in-memory PGlite database each run, seeded with the demo clinic; a DATABASE_URL
      // from the caller's shell must not point the tests at a real database.
      command: "env -u DATABASE_URL pnpm --filter @clinic/api start",
      url: `${apiUrl}/readyz`,
      env: {
        NODE_ENV: "test",
        HOST: "127.0.0.1",
        PORT: String(ports.api),
        PGLITE_DATA_DIR: "memory://",
        SEED_DEMO_DATA: "true",
        WEB_URL: webUrl,
        ADMIN_URL: adminUrl,
        LOG_FILE: logFile("api"),
        UPLOAD_DIR: uploadDir,
        // admin-webhooks.spec.ts delivers to a receiver on this machine.
        WEBHOOKS_ALLOW_PRIVATE_TARGETS: "true",
        // Texts on (admin-sms.spec.ts), to an address nothing answers: none falls due in a run.
        SMS_PROVIDER_URL: "http://127.0.0.1:9",
        SMS_ACCOUNT_SID: "ACe2e0000000000000",
        SMS_AUTH_TOKEN: "e2e-only-sms-auth-token-0123456789",
        SMS_FROM: "+61480000000",
      },
    },
    {
      ...serverDefaults,
      name: "web",
      command: "pnpm --filter @clinic/web start",
      url: `${webUrl}/`,
      env: {
        NODE_ENV: "production",
        HOST: "127.0.0.1",
        PORT: String(ports.web),
        API_URL: apiUrl,
        SESSION_SECRET: "e2e-only-web-session-secret-0123456789abcdef",
        LOG_FILE: logFile("web"),
      },
    },
    {
      ...serverDefaults,
      name: "admin",
      command: "pnpm --filter @clinic/admin start",
      url: `${adminUrl}/sign-in`,
      env: {
        NODE_ENV: "production",
        HOST: "127.0.0.1",
        PORT: String(ports.admin),
        API_URL: apiUrl,
        SESSION_SECRET: "e2e-only-session-secret-0123456789abcdef",
        LOG_FILE: logFile("admin"),
      },
    },
  ],
});
