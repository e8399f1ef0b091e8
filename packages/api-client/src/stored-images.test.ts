import { describe, expect, it } from "vitest";
import { storedImageResponse } from "./stored-images.js";

const KEY = "0123456789abcdef0123456789abcdef";

function api(answer: () => Response) {
  const asked: string[] = [];
  const fetch = (async (url: string | URL | Request) => {
    asked.push(String(url));
    return answer();
  }) as typeof globalThis.fetch;
  return { fetch, asked };
}

describe("storedImageResponse", () => {
  it("passes a stored image on with its type, a year-long immutable cache and nosniff", async () => {
    const bytes = new Uint8Array([1, 2, 3]);
    const { fetch, asked } = api(
      () => new Response(bytes, { headers: { "content-type": "image/avif" } }),
    );
    const res = await storedImageResponse("http://api:4000/", `${KEY}-640.avif`, { fetch });
    expect(asked).toEqual([`http://api:4000/uploads/${KEY}-640.avif`]);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/avif");
    expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(bytes);
  });

  it("answers 404 without asking the API for a name that is never ours", async () => {
    const { fetch, asked } = api(() => new Response("x"));
    for (const name of ["..%2Fsecret", "notes.txt", `${KEY}-640.svg`, `${KEY}.gif`, ""]) {
      expect((await storedImageResponse("http://api", name, { fetch })).status, name).toBe(404);
    }
    expect(asked).toEqual([]);
  });

  it("answers 404 for a missing file and 502 when the API fails or answers something else", async () => {
    const missing = api(() => new Response("{}", { status: 404 }));
    expect((await storedImageResponse("http://api", `${KEY}.png`, missing)).status).toBe(404);
    const html = api(() => new Response("<html>", { headers: { "content-type": "text/html" } }));
    expect((await storedImageResponse("http://api", `${KEY}.png`, html)).status).toBe(502);
    const down = {
      fetch: (async () => {
        throw new TypeError("fetch failed");
      }) as typeof fetch,
    };
    expect((await storedImageResponse("http://api", `${KEY}.png`, down)).status).toBe(502);
  });
});
