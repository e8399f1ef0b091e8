import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ContentVersionPoller } from "./content-version";

// A stand-in for the API's `GET /content-version`, on a port of this checkout's range.
const PORT = 5291;
const apiUrl = `http://127.0.0.1:${PORT}`;
let answer: { status: number; body: string; hang?: boolean };
let requests: string[] = [];
let server: Server;

beforeAll(async () => {
  server = createServer((request, response) => {
    requests.push(request.url ?? "");
    if (answer.hang) return; // never answers: the poller's timeout must end the poll
    response.writeHead(answer.status, {
      "Content-Type": "application/json",
      "Cache-Control": "no-store",
    });
    response.end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(PORT, "127.0.0.1", resolve));
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  answer = { status: 200, body: JSON.stringify({ version: "v1" }) };
  requests = [];
});

function poller(options: { now?: () => number; onChange?: (v: string | null) => void } = {}) {
  return new ContentVersionPoller({ apiUrl: `${apiUrl}/`, intervalMs: 1_000, ...options });
}

describe("ContentVersionPoller", () => {
  it("knows nothing before its first answer", () => {
    expect(poller().current()).toBeNull();
  });

  it("reads the version from GET /content-version, and follows its changes", async () => {
    const changes: (string | null)[] = [];
    const versions = poller({ onChange: (v) => changes.push(v) });
    await versions.poll();
    expect(requests).toEqual(["/content-version"]);
    expect(versions.current()).toBe("v1");
    await versions.poll();
    answer = { status: 200, body: JSON.stringify({ version: "v2" }) };
    await versions.poll();
    expect(versions.current()).toBe("v2");
    expect(changes).toEqual(["v1", "v2"]);
  });

  it("falls back to unknown on an API without the route (404)", async () => {
    const changes: (string | null)[] = [];
    const versions = poller({ onChange: (v) => changes.push(v) });
    await versions.poll();
    answer = { status: 404, body: JSON.stringify({ error: "not found" }) };
    await versions.poll();
    expect(versions.current()).toBeNull();
    // Back, unchanged: not a change (what was rendered under v1 is still good).
    answer = { status: 200, body: JSON.stringify({ version: "v1" }) };
    await versions.poll();
    expect(versions.current()).toBe("v1");
    expect(changes).toEqual(["v1"]);
  });

  it.each([
    ["not JSON", "<html>"],
    ["no version", "{}"],
    ["a non-string version", '{"version":42}'],
    ["an empty version", '{"version":""}'],
  ])("treats an answer with %s as unknown", async (_, body) => {
    const versions = poller();
    await versions.poll();
    answer = { status: 200, body };
    await versions.poll();
    expect(versions.current()).toBeNull();
  });

  it("treats an unreachable API as unknown", async () => {
    const versions = new ContentVersionPoller({ apiUrl: "http://127.0.0.1:5292", intervalMs: 100 });
    await versions.poll();
    expect(versions.current()).toBeNull();
  });

  it("gives up on a hung poll and forgets what it knew", async () => {
    const versions = new ContentVersionPoller({ apiUrl, intervalMs: 100 });
    await versions.poll();
    expect(versions.current()).toBe("v1");
    answer = { ...answer, hang: true };
    await versions.poll();
    expect(versions.current()).toBeNull();
  });

  it("no longer trusts an answer older than its staleness bound", async () => {
    let now = 0;
    const versions = poller({ now: () => now });
    await versions.poll();
    now = 5_000;
    expect(versions.current()).toBe("v1");
    now = 5_001;
    expect(versions.current()).toBeNull();
  });

  it("shares one request between overlapping polls", async () => {
    const versions = poller();
    await Promise.all([versions.poll(), versions.poll(), versions.poll()]);
    expect(requests).toHaveLength(1);
  });

  it("polls on its own once started, and stops", async () => {
    const versions = new ContentVersionPoller({ apiUrl, intervalMs: 100 });
    versions.start();
    await expect.poll(() => versions.current()).toBe("v1");
    answer = { status: 200, body: JSON.stringify({ version: "v2" }) };
    await expect.poll(() => versions.current()).toBe("v2");
    versions.stop();
    await versions.poll();
    const count = requests.length;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(requests.length).toBe(count);
  });
});
