import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

// Chromium's old headless shell first: what Playwright itself runs headless tests in, and half
// the CPU of the full browser in headless mode (the suite's largest cost). Debian packages both.
const SYSTEM_CHROMIUMS = ["/usr/bin/chromium-headless-shell", "/usr/bin/chromium"];

/**
 * The Chromium the tests drive: `CHROMIUM_PATH` (say, the full browser for a `--headed` run),
 * else the system's headless shell or Chromium, else a browser Playwright already has in its
 * cache. Never downloads one: this machine can't, and CI installs Debian's.
 */
export function resolveChromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.CHROMIUM_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(
      `CHROMIUM_PATH is set to ${fromEnv}, but no file exists there. Point it at a Chromium ` +
        "executable, or unset it and install one with `sudo apt-get install chromium`.",
    );
  }
  const system = SYSTEM_CHROMIUMS.find((path) => existsSync(path));
  if (system) return system;
  const cached = playwrightCachedChromium();
  if (cached) return cached;
  throw new Error(
    [
      "No Chromium found for the browser tests.",
      "Install one with `sudo apt-get install chromium-headless-shell` (Debian/Ubuntu),",
      "or set CHROMIUM_PATH to a Chromium or Chrome executable.",
    ].join(" "),
  );
}

function playwrightCachedChromium(): string | undefined {
  try {
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : undefined;
  } catch {
    // Playwright throws when it has no browser registered for this platform.
    return undefined;
  }
}

/** Flags for a quiet, headless, container-friendly Chromium that never phones home, nor reaches past this machine. */
export const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
  // Offline: third-party embeds (YouTube) fail at once instead of waiting on the network. Cheaper
  // than intercepting every request of every page to abort them.
  "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
];
