import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_BATCH_SIZE } from "../app.js";
import { createTestApp, type TestApp } from "../testing/index.js";
import { routerProcedures } from "../testing/procedures.js";

/**
 * The HTTP layer under the procedures: bodies that aren't JSON, malformed and
 * huge batches, wrong methods, odd paths and headers. Whatever arrives, the
 * answer is a 4xx (or a 2xx), never a 5xx, and nothing is logged as an error.
 * The procedures' own input is generated-input.test.ts's job.
 */
const procedures = routerProcedures();
const query = procedures.find((p) => p.type === "query" && p.path === "posts.list")!;
const mutation = procedures.find((p) => p.type === "mutation" && p.path === "enquiries.submit")!;
const RUNS = Math.max(50, Math.ceil(Number(process.env.FUZZ_RUNS || 0) / 20));
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_130);

describe("the HTTP layer answers hostile requests without a 5xx", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  /** Status of a request to the app; a failure names the request, never its body. */
  async function statusOf(path: string, init: RequestInit = {}): Promise<number> {
    const response = await t.app.request(`http://api.test${path}`, init);
    await response.arrayBuffer();
    return response.status;
  }

  function expectNoServerErrors(results: [string, number][]) {
    expect(results.filter(([, status]) => status >= 500)).toEqual([]);
    expect(t.logger.entries.filter((e) => e.level === "error").map((e) => e.message)).toEqual([]);
  }

  const post = (body: RequestInit["body"], contentType = "application/json"): RequestInit => ({
    method: "POST",
    headers: { "content-type": contentType },
    body,
  });

  it("bodies that aren't JSON, or aren't what tRPC expects", async () => {
    const bodies: [string, RequestInit][] = [
      ["empty", post("")],
      ["no body", { method: "POST" }],
      ["text", post("hello", "text/plain")],
      ["truncated JSON", post('{"json":{"name":')],
      ["null", post("null")],
      ["array", post("[]")],
      ["number", post("1e999")],
      ["string", post('"x"')],
      ["json null", post('{"json":null}')],
      ["bad superjson meta", post('{"json":{},"meta":{"values":{"a":["Date"]}}}')],
      ["superjson meta on __proto__", post('{"json":{},"meta":{"values":{"__proto__":["Date"]}}}')],
      ["superjson unknown type", post('{"json":{"a":1},"meta":{"values":{"a":["bogus"]}}}')],
      ["prototype keys", post('{"__proto__":{"x":1},"json":{"constructor":{"prototype":1}}}')],
      ["NUL bytes", post("\u0000\u0000")],
      ["lone surrogate", post('{"json":"\\ud800"}')],
      ["bytes", post(new Uint8Array([0xff, 0xfe, 0x00, 0x80]), "application/octet-stream")],
      ["form", post("name=a&email=b", "application/x-www-form-urlencoded")],
      [
        "multipart",
        post(
          "--x\r\nContent-Disposition: form-data\r\n\r\n--x--",
          "multipart/form-data; boundary=x",
        ),
      ],
      ["multipart without boundary", post("garbage", "multipart/form-data")],
      ["deep nesting", post(`${"[".repeat(100_000)}${"]".repeat(100_000)}`)],
      ["over the body limit", post(`{"json":"${"x".repeat(300 * 1024)}"}`)],
    ];
    const results: [string, number][] = [];
    for (const [name, init] of bodies) {
      results.push([`${name} → mutation`, await statusOf(`/trpc/${mutation.path}`, init)]);
      results.push([`${name} → query`, await statusOf(`/trpc/${query.path}`, init)]);
    }
    expectNoServerErrors(results);
  });

  it("malformed query strings and batches", async () => {
    const paths = [
      `/trpc/${query.path}?input=`,
      `/trpc/${query.path}?input=%7B`,
      `/trpc/${query.path}?input=not-json`,
      `/trpc/${query.path}?input=%00`,
      `/trpc/${query.path}?input=%E0%A4%A`,
      `/trpc/${query.path}?input=${encodeURIComponent('{"json":{"page":1e999}}')}`,
      `/trpc/${query.path}?input=1&input=2`,
      `/trpc/${query.path}?batch=1`,
      `/trpc/${query.path}?batch=1&input=%7B`,
      `/trpc/${query.path}?batch=1&input=${encodeURIComponent("[]")}`,
      `/trpc/${query.path}?batch=1&input=${encodeURIComponent('{"0":{"json":null},"5":{}}')}`,
      `/trpc/${query.path}?batch=1&input=${encodeURIComponent('{"__proto__":{"json":{}}}')}`,
      `/trpc/${query.path},${query.path}?batch=1&input=${encodeURIComponent('{"1":"x"}')}`,
      `/trpc/${query.path},nope.nope?batch=1&input=%7B%7D`,
      `/trpc/${query.path},${mutation.path}?batch=1&input=%7B%7D`,
      `/trpc/${Array(5000).fill("x").join(",")}?batch=1`,
      "/trpc/,,,?batch=1",
      "/trpc/?batch=1",
      `/trpc/${query.path}?batch=yes`,
    ];
    const results: [string, number][] = [];
    for (const path of paths) results.push([path.slice(0, 120), await statusOf(path)]);
    const batchBodies = [
      "{",
      "[]",
      '{"0":',
      '{"0":{"json":{"name":"\\u0000"}},"1":null}',
      JSON.stringify(Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [i, {}]))),
    ];
    for (const body of batchBodies) {
      results.push([
        `batch POST ${body.slice(0, 40)}`,
        await statusOf(`/trpc/${mutation.path},${mutation.path}?batch=1`, post(body)),
      ]);
    }
    expectNoServerErrors(results);
  });

  it("a batch of more calls than the limit is refused before any runs", async () => {
    // Before the limit, a batch of 1000 calls ran every one of them (minutes of database work).
    const batch = (n: number) =>
      `/trpc/${Array(n).fill(query.path).join(",")}?batch=1&input=%7B%7D`;
    expect(await statusOf(batch(MAX_BATCH_SIZE))).toBe(200);
    expect(await statusOf(batch(MAX_BATCH_SIZE + 1))).toBe(400);
    expect(await statusOf(batch(100_000))).toBe(400);
    const body = JSON.stringify(Object.fromEntries(Array.from({ length: 50 }, (_, i) => [i, {}])));
    const mutations = `/trpc/${Array(50).fill(mutation.path).join(",")}?batch=1`;
    expect(await statusOf(mutations, post(body))).toBe(400);
  });

  it("wrong methods and odd paths", async () => {
    const results: [string, number][] = [];
    for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD"]) {
      for (const p of [query, mutation]) {
        const init: RequestInit = { method };
        if (!["GET", "HEAD", "OPTIONS"].includes(method)) init.body = "{}";
        results.push([`${method} ${p.path}`, await statusOf(`/trpc/${p.path}`, init)]);
      }
    }
    for (const path of [
      "/trpc",
      "/trpc/",
      "/trpc/nope",
      "/trpc/__proto__",
      "/trpc/constructor",
      "/trpc/toString",
      "/trpc/posts.__proto__",
      "/trpc/posts.constructor.prototype",
      "/trpc/posts",
      "/trpc/%00",
      "/trpc/%E0%A4%A",
      `/trpc/${"a.".repeat(5000)}`,
      "/bookings/%00/calendar.ics",
      `/bookings/${"x".repeat(5000)}/calendar.ics`,
      "/bookings/..%2F..%2Fetc%2Fpasswd/calendar.ics",
      "/calendar/practitioners/nope.ics",
      "/calendar/practitioners/__proto__.ics",
      "/uploads/..%2F..%2Fpackage.json",
      "/uploads/%00",
      "/uploads/__proto__",
      "/healthz?x=%00",
    ]) {
      results.push([path.slice(0, 80), await statusOf(path)]);
      results.push([`POST ${path.slice(0, 80)}`, await statusOf(path, post("{}"))]);
    }
    expectNoServerErrors(results);
  });

  it("odd headers", async () => {
    const headers: Record<string, string>[] = [
      { authorization: "Bearer " },
      { authorization: `Bearer ${"a".repeat(10_000)}` },
      { authorization: "Bearer aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" },
      { authorization: "Basic Og==" },
      { "x-forwarded-for": "" },
      { "x-forwarded-for": "not an address, ::1, 999.999.999.999" },
      { "x-forwarded-for": "x".repeat(10_000) },
      { "content-length": "-1" },
      { "content-type": "application/json; charset=utf-7" },
      { "trpc-accept": "application/jsonl" },
      { "trpc-accept": "bogus" },
    ];
    const results: [string, number][] = [];
    for (const h of headers) {
      const name = Object.entries(h)
        .map(([k, v]) => `${k}: ${v.slice(0, 30)}`)
        .join();
      results.push([
        `query ${name}`,
        await statusOf(`/trpc/${query.path}?input=%7B%7D`, { headers: h }),
      ]);
      results.push([
        `mutation ${name}`,
        await statusOf(`/trpc/${mutation.path}`, { method: "POST", headers: h, body: "{}" }),
      ]);
    }
    expectNoServerErrors(results);
  });

  it("generated raw bodies and query strings to every procedure", async () => {
    const results: [string, number][] = [];
    const raw = fc.oneof(
      fc.string({ unit: "binary", maxLength: 200 }),
      fc.json(),
      fc.jsonValue().map((v) => JSON.stringify({ json: v })),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...procedures),
        raw,
        fc.boolean(),
        async (p, body, batch) => {
          const path = `/trpc/${p.path}${batch ? `,${p.path}?batch=1` : ""}`;
          const status =
            p.type === "query"
              ? await statusOf(`${path}${batch ? "&" : "?"}input=${encodeURIComponent(body)}`)
              : await statusOf(path, post(body));
          results.push([`${p.path} (batch: ${batch})`, status]);
        },
      ),
      { seed: SEED, numRuns: RUNS },
    );
    expectNoServerErrors(results);
  });
});
