import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { SERVER_NODE_FLAGS } from "@clinic/server-build/node-flags";

export const repoRoot = fileURLToPath(new URL("../../..", import.meta.url));

/**
 * The bench's ports: a block of 100 from BENCH_PORT_BASE (default 5300), apart from `pnpm dev`
 * (3000, 3001, 4000) and the browser tests (3100+, 4100+), so a run never meets either.
 */
const portBase = Number.parseInt(process.env.BENCH_PORT_BASE ?? "5300", 10) || 5300;
export const ports = {
  apiPglite: portBase,
  apiPostgres: portBase + 1,
  web: portBase + 10,
  admin: portBase + 11,
  static: portBase + 20,
} as const;

export interface Server {
  name: string;
  url: string;
  pid: number;
  /** Milliseconds from spawn to the first 200 of the readiness path. */
  startMs: number;
  /** The tail of what the server wrote to stderr, for an error's report. */
  stderr(): string;
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const force = setTimeout(() => child.kill("SIGKILL"), 10_000);
    child.once("exit", () => {
      clearTimeout(force);
      running.delete(child);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

/** Stops every server this process started (each by its own pid). */
export async function stopAll(): Promise<void> {
  await Promise.all([...running].map(stopChild));
}

// Whatever ends the bench (an error, Ctrl-C), no server outlives it.
process.once("exit", () => {
  for (const child of running) child.kill("SIGKILL");
});
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void stopAll().finally(() => process.exit(130));
  });
}

/**
 * Spawns `node <args>` in `cwd` (with only PATH and `env` as its environment) and resolves once
 * `readyPath` answers 200, timing from the spawn. Polls every 10 ms so the start-up figure is
 * the server's, not the poll's.
 */
export async function startServer(options: {
  name: string;
  cwd: string;
  args: string[];
  port: number;
  readyPath: string;
  env: Record<string, string>;
  timeoutMs?: number;
}): Promise<Server> {
  const url = `http://127.0.0.1:${options.port}`;
  const script = options.args.at(-1) ?? "";
  if (script.startsWith("dist/") && !existsSync(`${options.cwd}/${script}`)) {
    throw new Error(
      `${options.name}: ${options.cwd}/${script} is missing: run \`pnpm bench\` (it builds first) or \`pnpm turbo run build\``,
    );
  }
  await assertPortFree(url, options.name);
  const started = performance.now();
  const child = spawn(process.execPath, options.args, {
    cwd: options.cwd,
    env: { PATH: process.env.PATH ?? "", ...options.env },
    // Logs go nowhere: the servers still write them (production does), but nobody reads them.
    stdio: ["ignore", "ignore", "pipe"],
  });
  running.add(child);
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-20_000);
  });
  const spawnError = new Promise<never>((_, reject) => child.once("error", reject));
  spawnError.catch(() => {});
  const server: Server = {
    name: options.name,
    url,
    pid: child.pid ?? -1,
    startMs: 0,
    stderr: () => stderr,
    stop: () => stopChild(child),
  };
  const deadline = started + (options.timeoutMs ?? 180_000);
  try {
    while (performance.now() < deadline) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`exited (${child.exitCode ?? child.signalCode}) before answering`);
      }
      const status = await Promise.race([
        fetch(`${url}${options.readyPath}`).then(
          async (r) => {
            await r.arrayBuffer();
            return r.status;
          },
          () => 0,
        ),
        spawnError,
      ]);
      if (status === 200) {
        server.startMs = performance.now() - started;
        return server;
      }
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(
      `${options.readyPath} did not answer 200 within ${options.timeoutMs ?? 180_000} ms`,
    );
  } catch (error) {
    await stopChild(child);
    throw new Error(`${options.name} (${url}): ${(error as Error).message}\n${stderr}`);
  }
}

/** A server left on one of our ports (another run's) would be measured instead of ours. */
async function assertPortFree(url: string, name: string) {
  const answered = await fetch(url, { signal: AbortSignal.timeout(2_000) }).then(
    () => true,
    () => false,
  );
  if (answered) {
    throw new Error(
      `${name}: something already listens on ${url}; stop it or set BENCH_PORT_BASE to a free block of 100 ports`,
    );
  }
}

/** Resident memory of a process in MB: VmRSS from /proc, else `ps`. */
export function residentMb(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
    if (kb) return Number(kb) / 1024;
  } catch {
    // not Linux: ask ps
  }
  return (
    Number(
      execFileSync("ps", ["-o", "rss=", "-p", String(pid)])
        .toString()
        .trim(),
    ) / 1024
  );
}

const secrets = {
  APP_SECRET: "bench-only-app-secret-0123456789abcdef0123456789",
  SEED_OWNER_PASSWORD: "bench-only-owner-password",
  SESSION_SECRET: "bench-only-session-secret-0123456789abcdef",
};

/**
 * The built API (`apps/api/dist/server.js`, what `pnpm --filter @clinic/api start` runs) in
 * production mode on `database`, seeding the demo clinic when the database is empty.
 */
export function startApi(options: {
  name: string;
  port: number;
  database: { DATABASE_URL: string } | { PGLITE_DATA_DIR: string };
  uploadDir: string;
}): Promise<Server> {
  return startServer({
    name: options.name,
    cwd: `${repoRoot}apps/api`,
    args: [...SERVER_NODE_FLAGS, "dist/server.js"],
    port: options.port,
    // Ready means the database answers too, not only the process.
    readyPath: "/readyz",
    env: {
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: String(options.port),
      ...options.database,
      SEED_DEMO_DATA: "true",
      APP_SECRET: secrets.APP_SECRET,
      SEED_OWNER_PASSWORD: secrets.SEED_OWNER_PASSWORD,
      WEB_URL: `http://127.0.0.1:${ports.web}`,
      ADMIN_URL: `http://127.0.0.1:${ports.admin}`,
      UPLOAD_DIR: options.uploadDir,
      // Production without SMTP: the bench sends no email anyway.
      ALLOW_LOG_MAILER: "true",
    },
  });
}

/** A built Remix site (`apps/<app>/dist/server.js`, as `pnpm start` runs it) talking to `apiUrl`. */
export function startSite(app: "web" | "admin", apiUrl: string): Promise<Server> {
  const port = app === "web" ? ports.web : ports.admin;
  return startServer({
    name: app,
    cwd: `${repoRoot}apps/${app}`,
    args: [...SERVER_NODE_FLAGS, "dist/server.js"],
    port,
    readyPath: app === "web" ? "/" : "/sign-in",
    env: {
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: String(port),
      API_URL: apiUrl,
      // The admin's session cookie, and the site's patient session cookie.
      SESSION_SECRET: secrets.SESSION_SECRET,
    },
    timeoutMs: 60_000,
  });
}

/** The captured pages under `root`, served by a plain static file server in its own process. */
export function startStaticServer(root: string): Promise<Server> {
  return startServer({
    name: "static",
    cwd: `${repoRoot}tooling/bench`,
    args: ["--import", "tsx", "src/static-server.ts"],
    port: ports.static,
    readyPath: "/",
    env: { STATIC_ROOT: root, PORT: String(ports.static) },
    timeoutMs: 30_000,
  });
}
