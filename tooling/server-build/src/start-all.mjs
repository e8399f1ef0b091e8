#!/usr/bin/env node
// `pnpm start`: the API, the public site and the admin app from their production builds
// (`pnpm build`), each as its own process on its own port, in production mode. A signal
// (Ctrl-C, SIGTERM from a service manager) goes to all three, which finish what they serve and
// stop; if one stops by itself (a refused start, a crash), the others are stopped too and this
// exits with its status, so a supervisor sees the failure and restarts the set.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { SERVER_NODE_FLAGS } from "./node-flags.mjs";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const env = process.env;
const apps = [
  { name: "api", port: env.API_PORT ?? "4000" },
  { name: "web", port: env.WEB_PORT ?? "3000" },
  { name: "admin", port: env.ADMIN_PORT ?? "3001" },
];

const missing = apps.filter((app) => !existsSync(`${root}apps/${app.name}/dist/server.js`));
if (missing.length > 0) {
  console.error(
    `cannot start: no production build of ${missing.map((a) => a.name).join(", ")}; run \`pnpm build\` first`,
  );
  process.exit(1);
}

const children = apps.map((app) =>
  spawn(process.execPath, [...SERVER_NODE_FLAGS, "dist/server.js"], {
    cwd: `${root}apps/${app.name}`,
    // Each app reads PORT; the sites find the API on its port unless API_URL says otherwise.
    env: {
      ...env,
      NODE_ENV: env.NODE_ENV ?? "production",
      PORT: app.port,
      API_URL: env.API_URL ?? `http://127.0.0.1:${apps[0].port}`,
    },
    stdio: "inherit",
  }),
);

let stopping = false;
let status = 0;
function stopAll(signal) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill(signal);
}

let running = children.length;
children.forEach((child, index) => {
  child.on("exit", (code, signal) => {
    running -= 1;
    if (!stopping) {
      console.error(
        `${apps[index].name} stopped (${signal ?? `exit ${code}`}); stopping the others`,
      );
      status = code || 1;
      stopAll("SIGTERM");
    }
    if (running === 0) process.exit(status);
  });
});

for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => stopAll(signal));
