import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

/** A text the sink was sent, as it arrived. */
export interface ReceivedText {
  accountSid: string;
  authorization: string;
  contentType: string;
  to: string | null;
  from: string | null;
  body: string | null;
  /** The status the sink answered with: 201, or 503 while told to fail. */
  answered: number;
}

const sinkScript = fileURLToPath(new URL("./sms-provider-sink.mjs", import.meta.url));

/**
 * The SMS provider sink in a child process: a server the API reaches over a real socket, as
 * in production, recording every text. `failing(true)` makes it refuse them (HTTP 503).
 */
export async function startSmsProviderSink() {
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, [sinkScript], {
    stdio: ["pipe", "pipe", "pipe"],
  });
  const received: ReceivedText[] = [];
  let buffered = "";
  const port = await new Promise<number>((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`the SMS sink exited (${code})`)));
    child.stderr.on("data", (chunk) => process.stderr.write(chunk));
    child.stdout.on("data", (chunk: Buffer) => {
      buffered += chunk.toString("utf8");
      let newline = buffered.indexOf("\n");
      while (newline >= 0) {
        const line = JSON.parse(buffered.slice(0, newline)) as {
          port?: number;
          received?: ReceivedText;
        };
        buffered = buffered.slice(newline + 1);
        if (line.port) resolve(line.port);
        if (line.received) received.push(line.received);
        newline = buffered.indexOf("\n");
      }
    });
  });
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    received,
    async failing(fail: boolean) {
      const response = await fetch(`${url}/control`, {
        method: "POST",
        body: JSON.stringify({ fail }),
      });
      if (!response.ok)
        throw new Error(`the SMS sink refused its control call (${response.status})`);
    },
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

export type SmsProviderSink = Awaited<ReturnType<typeof startSmsProviderSink>>;
