import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createDatabase } from "@clinic/db";
import { createTestDatabaseUrl } from "@clinic/db/testing";
import { bundleServer } from "@clinic/server-build";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Real processes of the server entry, as production starts them (`pnpm build`'s bundle run by
// node), not `createApp` in process: what raced was start-up itself (migrate, then seed), across
// processes. Bundled here from the current source, so the test never runs a stale `dist/`; a
// bundle starts on half the CPU of `tsx` (which transforms every module on each start).
const apiDir = fileURLToPath(new URL("..", import.meta.url));
let bundleDir = "";
let serverBundle = "";
const ROUNDS = Number(process.env.COLD_START_ROUNDS ?? 10);

/** A port nobody listens on right now, from the kernel. */
async function freePort(): Promise<number> {
  const probe = createServer();
  probe.listen(0, "127.0.0.1");
  await once(probe, "listening");
  const address = probe.address();
  probe.close();
  if (!address || typeof address === "string") throw new Error("no port");
  return address.port;
}

interface Instance {
  child: ChildProcess;
  port: number;
  output: () => string;
  exited: Promise<number | null>;
}

function startInstance(databaseUrl: string, port: number): Instance {
  const child = spawn(process.execPath, ["--enable-source-maps", serverBundle], {
    env: {
      ...process.env,
      NODE_ENV: "test",
      DATABASE_URL: databaseUrl,
      HOST: "127.0.0.1",
      PORT: String(port),
      SEED_DEMO_DATA: "true",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk) => {
    output += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    output += chunk;
  });
  const exited = once(child, "exit").then(([code]) => code as number | null);
  return { child, port, output: () => output, exited };
}

/** Resolves when /readyz answers 200; rejects if the process exits first or time runs out. */
async function untilReady(instance: Instance, timeoutMs: number): Promise<void> {
  let exitCode: number | null | undefined;
  void instance.exited.then((code) => {
    exitCode = code;
  });
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exitCode !== undefined) {
      throw new Error(
        `instance on ${instance.port} exited (${exitCode}) before it was ready:\n${instance.output()}`,
      );
    }
    const ready = await fetch(`http://127.0.0.1:${instance.port}/readyz`).then(
      (res) => res.status === 200,
      () => false,
    );
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`instance on ${instance.port} not ready in time:\n${instance.output()}`);
}

async function stop(instance: Instance): Promise<void> {
  if (instance.child.exitCode === null && instance.child.signalCode === null) {
    instance.child.kill("SIGTERM");
  }
  await instance.exited;
}

describe.skipIf(!process.env.TEST_DATABASE_URL)("API instances starting together", () => {
  beforeAll(async () => {
    // Inside the app's folder, so the bundle finds the app's node_modules as dist/ does.
    await mkdir(join(apiDir, ".cache"), { recursive: true });
    bundleDir = await mkdtemp(join(apiDir, ".cache", "server-test-"));
    serverBundle = join(bundleDir, "server.js");
    await bundleServer({ entry: "src/server.ts", outfile: serverBundle, cwd: apiDir });
  });
  afterAll(async () => {
    if (bundleDir) await rm(bundleDir, { recursive: true, force: true });
  });

  it(`both come up on an empty PostgreSQL database, ${ROUNDS} times out of ${ROUNDS}`, async () => {
    for (let round = 1; round <= ROUNDS; round++) {
      const database = await createTestDatabaseUrl();
      const instances = [
        startInstance(database.url, await freePort()),
        startInstance(database.url, await freePort()),
      ];
      try {
        await Promise.all(instances.map((instance) => untilReady(instance, 60_000)));
        // Seeded exactly once: one clinic, one demo owner, both practitioners.
        const check = await createDatabase({ kind: "postgres", url: database.url, poolSize: 1 });
        try {
          const { rows } = (await check.db.execute(
            sql`select (select count(*)::int from clinic_settings) as clinics,
                       (select count(*)::int from staff_users) as owners,
                       (select count(*)::int from practitioners) as people`,
          )) as unknown as { rows: { clinics: number; owners: number; people: number }[] };
          expect(rows[0], `round ${round}`).toEqual({ clinics: 1, owners: 1, people: 2 });
        } finally {
          await check.close();
        }
      } finally {
        await Promise.all(instances.map(stop));
        await database.drop();
      }
    }
  }, 600_000);
});
