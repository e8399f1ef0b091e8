import { connect } from "node:net";
import { createTestDatabase } from "@clinic/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "./app.js";
import { MAX_DRAIN_BYTES } from "./body-limit.js";
import { listen } from "./http-server.js";
import { memoryLogger } from "./logger.js";

type Server = ReturnType<typeof listen>;

/** Writes raw bytes on one socket and collects everything the server sends until it closes. */
function exchange(port: number, chunks: (string | Buffer)[], waitMs = 2_000) {
  return new Promise<{ text: string; error: string | null }>((resolve) => {
    const socket = connect(port, "127.0.0.1");
    let text = "";
    let error: string | null = null;
    const done = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ text, error });
    };
    const timer = setTimeout(done, waitMs);
    socket.on("data", (data) => {
      text += data.toString("latin1");
    });
    socket.on("error", (e: NodeJS.ErrnoException) => {
      error = e.code ?? e.message;
    });
    socket.on("close", done);
    socket.on("connect", async () => {
      for (const chunk of chunks) {
        if (socket.destroyed) return;
        socket.write(chunk);
        // The second request goes out once the first one's answer has been read, as a
        // keep-alive client would send it.
        await new Promise((r) => setTimeout(r, 300));
      }
    });
  });
}

const responses = (text: string) =>
  text.split(/(?=HTTP\/1\.1 \d{3})/).filter((part) => part.startsWith("HTTP/1.1"));

describe("the API's HTTP server", () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let server: Server;
  let port: number;
  beforeAll(async () => {
    database = await createTestDatabase();
    const app = createApp({ db: database.db, ping: database.ping, logger: memoryLogger() });
    await new Promise<void>((resolve) => {
      server = listen({ fetch: app.fetch, hostname: "127.0.0.1", port: 0 }, (info) => {
        port = info.port;
        resolve();
      });
    });
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await database.close();
  });

  const tooLargeRequest = (bytes: number) => {
    const body = JSON.stringify({ json: { name: "x".repeat(bytes) } });
    return [
      "POST /trpc/enquiries.submit HTTP/1.1",
      "Host: 127.0.0.1",
      "Content-Type: application/json",
      `Content-Length: ${Buffer.byteLength(body)}`,
      "",
      body,
    ].join("\r\n");
  };
  const next = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
  const closes = (response: string) =>
    /\r\nconnection: close\r\n/i.test(`${response.split("\r\n\r\n")[0]}\r\n`);

  it("answers a body over the limit with 413 and keeps the connection usable for the next request", async () => {
    const { text, error } = await exchange(port, [tooLargeRequest(300 * 1024), next]);
    const [first, second] = responses(text);
    expect(first).toMatch(/^HTTP\/1\.1 413/);
    expect(closes(first!)).toBe(false);
    expect(error).toBeNull();
    expect(second).toMatch(/^HTTP\/1\.1 200/);
  });

  it("answers a body too large to drain with 413 and Connection: close, then closes", async () => {
    const { text } = await exchange(port, [tooLargeRequest(MAX_DRAIN_BYTES + 1024), next], 5_000);
    const [first, second] = responses(text);
    expect(first).toMatch(/^HTTP\/1\.1 413/);
    expect(closes(first!)).toBe(true);
    expect(second).toBeUndefined();
  });
});
