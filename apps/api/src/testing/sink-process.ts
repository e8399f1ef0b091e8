import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";

/**
 * A test's stand-in server (an SMTP server, an SMS provider, a webhook receiver) in a child
 * process, so the API reaches it over a real socket as in production. The child writes one
 * JSON object a line on stdout: first `{ "port": n }` once it listens, then whatever it
 * records, handed to `onLine`. Ending its stdin stops it.
 */
export async function startSinkProcess<Line extends { port?: number }>(
  name: string,
  args: readonly string[],
  onLine: (line: Line) => void = () => {},
): Promise<{ port: number; stop(): Promise<void> }> {
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, [...args], {
    stdio: ["pipe", "pipe", "pipe"],
  });
  let buffered = "";
  const port = await new Promise<number>((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`the ${name} exited (${code})`)));
    child.stderr.on("data", (chunk) => process.stderr.write(chunk));
    child.stdout.on("data", (chunk: Buffer) => {
      buffered += chunk.toString("utf8");
      let newline = buffered.indexOf("\n");
      while (newline >= 0) {
        const line = JSON.parse(buffered.slice(0, newline)) as Line;
        buffered = buffered.slice(newline + 1);
        if (line.port) resolve(line.port);
        onLine(line);
        newline = buffered.indexOf("\n");
      }
    });
  });
  return {
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.removeAllListeners("exit");
        child.once("exit", () => resolve());
        child.stdin.end();
        setTimeout(() => child.kill(), 2_000).unref();
      }),
  };
}
