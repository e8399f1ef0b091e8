import { fileURLToPath } from "node:url";
import { startSinkProcess } from "./sink-process.js";

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
  const received: ReceivedText[] = [];
  const { port, stop } = await startSinkProcess<{ port?: number; received?: ReceivedText }>(
    "SMS sink",
    [sinkScript],
    (line) => {
      if (line.received) received.push(line.received);
    },
  );
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
    stop,
  };
}

export type SmsProviderSink = Awaited<ReturnType<typeof startSmsProviderSink>>;
