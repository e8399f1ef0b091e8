import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { SERVER_NODE_FLAGS } from "@clinic/server-build/node-flags";

const repoRoot = fileURLToPath(new URL("../../..", import.meta.url));

/** A port nobody listens on right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

async function waitFor(url: string, child: ChildProcess, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url}: the server exited (${child.exitCode})`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

function start(app: "api" | "web", env: Record<string, string>) {
  // The production servers as `pnpm start` runs them: the built JavaScript (turbo builds
  // them first: this package's tasks depend on `^build`).
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, "dist/server.js"], {
    cwd: `${repoRoot}apps/${app}`,
    env: { PATH: process.env.PATH ?? "", ...env },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-20_000);
  });
  return { child, stderr: () => stderr };
}

export interface Servers {
  webUrl: string;
  apiUrl: string;
  /** What the servers wrote to stderr (errors), for a failing run's report. */
  errors(): string;
  /** Stops the API only, leaving the site up without it. */
  stopApi(): Promise<void>;
  stop(): Promise<void>;
}

/** The built API (fresh in-memory PGlite with the demo clinic) and public site, on free ports. */
export async function startServers(): Promise<Servers> {
  const [apiPort, webPort] = [await freePort(), await freePort()];
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const webUrl = `http://127.0.0.1:${webPort}`;
  const api = start("api", {
    NODE_ENV: "production",
    HOST: "127.0.0.1",
    PORT: String(apiPort),
    PGLITE_DATA_DIR: "memory://",
    SEED_DEMO_DATA: "true",
    APP_SECRET: "load-test-only-secret-0123456789abcdef0123456789",
    SEED_OWNER_PASSWORD: "load-test-only-owner-password",
    WEB_URL: webUrl,
    // Production without SMTP: the few emails the pages cause stay in the outbox.
    ALLOW_LOG_MAILER: "true",
  });
  const web = start("web", {
    NODE_ENV: "production",
    HOST: "127.0.0.1",
    PORT: String(webPort),
    API_URL: apiUrl,
    SESSION_SECRET: "load-test-only-session-secret-0123456789abcdef",
  });
  const kill = (child: ChildProcess) =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  const stop = async () => {
    await Promise.all([kill(api.child), kill(web.child)]);
  };
  try {
    await waitFor(`${apiUrl}/readyz`, api.child, 120_000);
    await waitFor(`${webUrl}/`, web.child, 60_000);
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n${api.stderr()}\n${web.stderr()}`);
  }
  return {
    apiUrl,
    webUrl,
    errors: () => `${api.stderr()}${web.stderr()}`,
    stopApi: () => kill(api.child),
    stop,
  };
}
