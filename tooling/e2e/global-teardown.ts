import { existsSync, readdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { leaksInLogs } from "./log-leaks";

/**
 * After the browser tests: no log line the servers wrote may hold a patient's contact details,
 * a manage link or a token (the servers log to E2E_LOG_DIR, see playwright.config.ts).
 */
export default function globalTeardown() {
  // The run's uploaded images are of no use once it is over.
  const uploads = process.env.E2E_UPLOAD_DIR;
  if (uploads) rmSync(uploads, { recursive: true, force: true });
  const dir = process.env.E2E_LOG_DIR;
  if (!dir || !existsSync(dir)) return;
  const lines = readdirSync(dir)
    .filter((name) => name.endsWith(".log"))
    .map((name) => `${name} (${statSync(join(dir, name)).size} bytes)`);
  const leaks = leaksInLogs(dir);
  if (leaks.length > 0) {
    const where = leaks.map((l) => `  ${l.kind} in ${join(dir, l.file)}:${l.line}`).join("\n");
    throw new Error(`The servers logged what they must not:\n${where}`);
  }
  console.log(`Server logs checked for leaks: ${lines.join(", ")}`);
}
