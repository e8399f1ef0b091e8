import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

const SYSTEM_CHROMIUM = "/usr/bin/chromium";

/**
 * The Chromium the tests drive: `CHROMIUM_PATH`, else the system one, else a browser Playwright
 * already has in its cache. Never downloads one: this machine can't, and CI installs Debian's.
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
  if (existsSync(SYSTEM_CHROMIUM)) return SYSTEM_CHROMIUM;
  const cached = playwrightCachedChromium();
  if (cached) return cached;
  throw new Error(
    [
      "No Chromium found for the browser tests.",
      "Install one with `sudo apt-get install chromium` (Debian/Ubuntu),",
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
