import { describe, expect, it } from "vitest";
import {
  documentCacheControl,
  PUBLIC_PAGE_CACHE_CONTROL,
  patientPageHeaders,
  privatePageHeaders,
  publicPageHeaders,
} from "./cache-control";
import type { ContentVersionSource } from "./content-version";
import { PageCache, RENDERED_WITH_PLACEHOLDER, type RenderPage } from "./page-cache";
import { contentSecurityPolicy, createNonce } from "./security-headers.server";

/** The content version as the poller would report it. */
class Versions implements ContentVersionSource {
  constructor(public version: string | null = "v1") {}
  current() {
    return this.version;
  }
}

interface Route {
  /** What the route's `headers` export declares. */
  headers?: HeadersInit;
  status?: number;
  /** Text the page shows: its "data", as the API answered at render time. */
  content: () => string;
  /** A public form on the page: its token is asked for as the loader would (`formToken`). */
  form?: string;
  setCookie?: string;
}

/**
 * A stand-in for Remix and entry.server.tsx, following the same rules: the page is rendered
 * with `renderNonce` only when the declared Cache-Control says it may be kept; its nonce is in
 * an inline script and in the CSP header.
 */
function site(routes: Record<string, Route>) {
  const renders: { path: string; renderNonce: string | undefined; cookie: string | null }[] = [];
  let tokensIssued = 0;
  const render: RenderPage = async (request, forCache) => {
    const renderNonce = forCache?.nonce;
    const url = new URL(request.url);
    const route = routes[url.pathname];
    renders.push({ path: url.pathname, renderNonce, cookie: request.headers.get("cookie") });
    // Let concurrent requests pile up on one render.
    await new Promise((resolve) => setTimeout(resolve, 5));
    const status = route?.status ?? (route ? 200 : 404);
    const headers = new Headers(route?.headers);
    if (route?.setCookie) headers.append("Set-Cookie", route.setCookie);
    const cacheControl = documentCacheControl(request, status, headers);
    const nonce = cacheControl === "no-cache" && renderNonce ? renderNonce : createNonce();
    headers.set("Cache-Control", cacheControl);
    if (nonce === renderNonce) headers.set(RENDERED_WITH_PLACEHOLDER, "1");
    headers.set("Content-Type", "text/html; charset=utf-8");
    headers.set("Content-Security-Policy", contentSecurityPolicy({ nonce }));
    const token = !route?.form
      ? ""
      : forCache
        ? forCache.formToken(route.form)
        : `${route.form}.rendered-${++tokensIssued}`;
    const form = token ? `<input name="formToken" value="${token}">` : "";
    const body = `<!DOCTYPE html><html><body><p>${route?.content() ?? "Not found"}</p>${form}<script nonce="${nonce}">hydrate()</script><script nonce="${nonce}">window.data={"formToken":"${token}"}</script></body></html>`;
    return new Response(request.method === "HEAD" ? null : body, { status, headers });
  };
  return { render, renders };
}

function cache(versions: ContentVersionSource, options: { now?: () => number } = {}) {
  return new PageCache({ versions, placeholder: createNonce(), createNonce, ...options });
}

const at = (path: string, init?: RequestInit) => new Request(`http://site.test${path}`, init);

function scriptNonce(html: string): string | undefined {
  return /<script nonce="([^"]+)">/.exec(html)?.[1];
}
function policyNonce(response: Response): string | undefined {
  return /'nonce-([^']+)'/.exec(response.headers.get("Content-Security-Policy") ?? "")?.[1];
}

describe("PageCache", () => {
  it("renders a public page once and serves it again from memory", async () => {
    const { render, renders } = site({
      "/blog": { headers: publicPageHeaders(), content: () => "Posts" },
    });
    const pages = cache(new Versions());
    const first = await pages.handle(at("/blog"), render);
    const second = await pages.handle(at("/blog"), render);
    expect(await first.text()).toContain("Posts");
    expect(await second.text()).toContain("Posts");
    expect(renders).toHaveLength(1);
    expect(second.headers.get("Cache-Control")).toBe("no-cache");
    expect(second.headers.has(RENDERED_WITH_PLACEHOLDER)).toBe(false);
  });

  it("gives every response a fresh nonce, the same in its scripts and its CSP", async () => {
    const { render } = site({ "/": { headers: publicPageHeaders(), content: () => "Home" } });
    const placeholder = createNonce();
    const pages = new PageCache({ versions: new Versions(), placeholder, createNonce });
    const nonces = new Set<string>();
    for (let i = 0; i < 5; i++) {
      const response = await pages.handle(at("/"), render);
      const html = await response.text();
      const nonce = scriptNonce(html);
      expect(nonce).toBeDefined();
      expect(policyNonce(response)).toBe(nonce);
      expect(html).not.toContain(placeholder);
      expect(response.headers.get("Content-Security-Policy")).not.toContain(placeholder);
      expect(Number(response.headers.get("Content-Length"))).toBe(Buffer.byteLength(html));
      nonces.add(nonce!);
    }
    expect(nonces.size).toBe(5);
  });

  it("never serves a page rendered under an earlier content version", async () => {
    let title = "Old post";
    const { render, renders } = site({
      "/blog": { headers: publicPageHeaders(), content: () => title },
    });
    const versions = new Versions("v1");
    const pages = cache(versions);
    expect(await (await pages.handle(at("/blog"), render)).text()).toContain("Old post");
    title = "New post";
    // The API's data changed, but the poller hasn't seen it yet: the page may still be served.
    expect(await (await pages.handle(at("/blog"), render)).text()).toContain("Old post");
    versions.version = "v2";
    const after = await pages.handle(at("/blog"), render);
    expect(await after.text()).toContain("New post");
    expect(renders).toHaveLength(2);
  });

  it("does not keep a page whose version changed while it was being rendered", async () => {
    const versions = new Versions("v1");
    let title = "Old post";
    const { render, renders } = site({
      "/blog": {
        headers: publicPageHeaders(),
        content: () => {
          // The change lands (and the poller sees it) after the render started.
          const shown = title;
          title = "New post";
          versions.version = "v2";
          return shown;
        },
      },
    });
    const pages = cache(versions);
    expect(await (await pages.handle(at("/blog"), render)).text()).toContain("Old post");
    expect(await (await pages.handle(at("/blog"), render)).text()).toContain("New post");
    expect(renders).toHaveLength(2);
  });

  it("while the version is unknown, serves a page for the fallback time only", async () => {
    let now = 0;
    let n = 0;
    const { render, renders } = site({
      "/": { headers: publicPageHeaders(), content: () => `render ${++n}` },
    });
    const pages = cache(new Versions(null), { now: () => now });
    await pages.handle(at("/"), render);
    now = 1_999;
    expect(await (await pages.handle(at("/"), render)).text()).toContain("render 1");
    now = 2_000;
    expect(await (await pages.handle(at("/"), render)).text()).toContain("render 2");
    expect(renders).toHaveLength(2);
  });

  it("renders a page again in the background once past half its time", async () => {
    let now = 0;
    let n = 0;
    const { render, renders } = site({
      "/": { headers: publicPageHeaders(), content: () => `render ${++n}` },
    });
    const pages = cache(new Versions(null), { now: () => now });
    await pages.handle(at("/"), render);
    now = 999;
    await pages.handle(at("/"), render);
    expect(renders).toHaveLength(1);
    now = 1_000;
    // Served at once from memory while the next render runs.
    expect(await (await pages.handle(at("/"), render)).text()).toContain("render 1");
    expect(renders).toHaveLength(2);
    await expect
      .poll(async () => (await pages.handle(at("/"), render)).text())
      .toContain("render 2");
    expect(renders).toHaveLength(2);
  });

  it("drops a page whose background render finds it gone", async () => {
    let now = 0;
    const route: Route = { headers: publicPageHeaders(), content: () => "Post" };
    const { render } = site({ "/blog/a": route });
    const pages = cache(new Versions(null), { now: () => now });
    await pages.handle(at("/blog/a"), render);
    route.status = 404;
    now = 1_500;
    await pages.handle(at("/blog/a"), render);
    await expect.poll(() => pages.size).toBe(0);
    expect((await pages.handle(at("/blog/a"), render)).status).toBe(404);
  });

  it("renders again once a page is a minute old, even under an unchanged version", async () => {
    let now = 0;
    let n = 0;
    const { render } = site({
      "/": { headers: publicPageHeaders(), content: () => `render ${++n}` },
    });
    const pages = cache(new Versions("v1"), { now: () => now });
    await pages.handle(at("/"), render);
    now = 59_999;
    expect(await (await pages.handle(at("/"), render)).text()).toContain("render 1");
    now = 60_000;
    expect(await (await pages.handle(at("/"), render)).text()).toContain("render 2");
  });

  it("a page rendered while the version was unknown is not trusted once it is known", async () => {
    let now = 0;
    let n = 0;
    const versions = new Versions(null);
    const { render } = site({
      "/": { headers: publicPageHeaders(), content: () => `render ${++n}` },
    });
    const pages = cache(versions, { now: () => now });
    await pages.handle(at("/"), render);
    versions.version = "v1";
    now = 2_000;
    expect(await (await pages.handle(at("/"), render)).text()).toContain("render 2");
  });

  it("renders a page once for many concurrent visitors", async () => {
    const { render, renders } = site({
      "/services": { headers: publicPageHeaders(), content: () => "Services" },
    });
    const pages = cache(new Versions());
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => pages.handle(at("/services"), render)),
    );
    expect(renders).toHaveLength(1);
    const bodies = await Promise.all(responses.map((response) => response.text()));
    expect(new Set(bodies.map(scriptNonce)).size).toBe(20);
  });

  it("answers HEAD from the stored page, without a body", async () => {
    const { render, renders } = site({
      "/blog": { headers: publicPageHeaders(), content: () => "Posts" },
    });
    const pages = cache(new Versions());
    const head = await pages.handle(at("/blog", { method: "HEAD" }), render);
    expect(head.status).toBe(200);
    expect(await head.text()).toBe("");
    expect(policyNonce(head)).toBeDefined();
    const get = await pages.handle(at("/blog"), render);
    expect(Number(head.headers.get("Content-Length"))).toBe(Buffer.byteLength(await get.text()));
    expect(renders).toHaveLength(1);
    expect(renders[0]!.renderNonce).toBeDefined();
  });

  it("keeps public data requests (no nonce in them) too", async () => {
    let n = 0;
    const render: RenderPage = async () => {
      n++;
      return new Response('[{"posts":1}]', {
        headers: { "Cache-Control": PUBLIC_PAGE_CACHE_CONTROL, "Content-Type": "text/x-script" },
      });
    };
    const pages = cache(new Versions());
    await pages.handle(at("/blog.data"), render);
    const again = await pages.handle(at("/blog.data"), render);
    expect(await again.text()).toBe('[{"posts":1}]');
    expect(again.headers.get("Cache-Control")).toBe(PUBLIC_PAGE_CACHE_CONTROL);
    expect(n).toBe(1);
  });

  describe("never keeps", () => {
    const routes: Record<string, Route> = {
      "/book": { headers: privatePageHeaders(), content: () => "Choose a time" },
      "/manage/tok3n": {
        headers: privatePageHeaders(),
        content: () => `Jane Citizen, jane@example.com, ${createNonce()}`,
      },
      "/contact": { content: () => `<input name="formToken" value="${createNonce()}">` },
      // A signed-in patient's bookings (decision 031), and its sign-in page.
      "/account": {
        headers: patientPageHeaders(),
        content: () => `Your bookings, Jane Citizen, ${createNonce()}`,
      },
      "/account/sign-in": { headers: patientPageHeaders(), content: () => createNonce() },
      "/testimonials": { content: () => `<input name="formToken" value="${createNonce()}">` },
      "/broken": { headers: publicPageHeaders(), status: 500, content: () => createNonce() },
      "/busy": { headers: publicPageHeaders(), status: 503, content: () => createNonce() },
      "/flash": {
        headers: publicPageHeaders(),
        setCookie: "notice=1; Path=/",
        content: () => createNonce(),
      },
    };

    it.each(Object.keys(routes).concat("/missing"))("%s", async (path) => {
      const { render, renders } = site(routes);
      const pages = cache(new Versions());
      const first = await (await pages.handle(at(path), render)).text();
      const second = await (await pages.handle(at(path), render)).text();
      expect(renders).toHaveLength(2);
      expect(pages.size).toBe(0);
      if (path !== "/missing") expect(second).not.toBe(first);
    });

    it("a POST's reply, and never answers a POST from a stored page", async () => {
      const { render, renders } = site({
        "/blog": { headers: publicPageHeaders(), content: () => "Posts" },
      });
      const pages = cache(new Versions());
      await pages.handle(at("/blog"), render);
      const post = await pages.handle(at("/blog", { method: "POST" }), render);
      expect(post.headers.get("Cache-Control")).toBe("no-store");
      expect(renders.map((r) => r.renderNonce === undefined)).toEqual([false, true]);
      expect(pages.size).toBe(1);
    });

    it("a request with cookies: rendered for it, never from or into the cache", async () => {
      const { render, renders } = site({
        "/blog": { headers: publicPageHeaders(), content: () => "Posts" },
      });
      const pages = cache(new Versions());
      const init = { headers: { cookie: "booking_draft=abc" } };
      await pages.handle(at("/blog", init), render);
      await pages.handle(at("/blog", init), render);
      expect(pages.size).toBe(0);
      expect(renders).toHaveLength(2);
      expect(renders.every((r) => r.renderNonce === undefined && r.cookie !== null)).toBe(true);
      // Nor does a cookie-less visitor get what was rendered for one with cookies.
      await pages.handle(at("/blog"), render);
      expect(renders.at(-1)!.cookie).toBeNull();
    });

    it("a concurrent visitor's personal page (each gets their own)", async () => {
      let n = 0;
      const { render, renders } = site({
        "/contact": { content: () => `token ${++n}` },
      });
      const pages = cache(new Versions());
      const bodies = await Promise.all(
        Array.from({ length: 3 }, async () => (await pages.handle(at("/contact"), render)).text()),
      );
      expect(renders).toHaveLength(3);
      expect(new Set(bodies).size).toBe(3);
    });
  });

  it("a failed cached render still gets a real nonce, not the placeholder", async () => {
    const placeholder = createNonce();
    const render: RenderPage = async (_request, forCache) =>
      new Response(`<script nonce="${forCache?.nonce}">x</script>`, {
        status: 500,
        headers: {
          "Cache-Control": "no-store",
          [RENDERED_WITH_PLACEHOLDER]: "1",
          "Content-Security-Policy": contentSecurityPolicy({ nonce: forCache!.nonce }),
        },
      });
    const pages = new PageCache({ versions: new Versions(), placeholder, createNonce });
    const response = await pages.handle(at("/"), render);
    const html = await response.text();
    expect(response.status).toBe(500);
    expect(html).not.toContain(placeholder);
    expect(policyNonce(response)).toBe(scriptNonce(html));
    expect(pages.size).toBe(0);
  });

  it("stays within its memory bound", async () => {
    const big = "x".repeat(100_000);
    const routes: Record<string, Route> = {};
    for (let i = 0; i < 50; i++)
      routes[`/p${i}`] = { headers: publicPageHeaders(), content: () => big };
    const pages = new PageCache({
      versions: new Versions(),
      placeholder: createNonce(),
      createNonce,
      maxBytes: 1_000_000,
    });
    const bigSite = site(routes);
    for (let i = 0; i < 50; i++) await pages.handle(at(`/p${i}`), bigSite.render);
    expect(pages.size).toBeLessThanOrEqual(10);
    expect(pages.size).toBeGreaterThan(0);
  });
});

describe("a public page holding a form", () => {
  /** Tokens as FreshFormTokens hands them out: `held` per form, or none. */
  const tokens = (held: Record<string, string | null>) => ({
    current: (form: string) => held[form] ?? null,
  });
  const contact = {
    "/contact": { headers: publicPageHeaders(), content: () => "Write to us", form: "enquiry" },
  };
  const tokenIn = (html: string) =>
    [...html.matchAll(/(?:name="formToken" value=|"formToken":)"([^"]*)"/g)].map((m) => m[1]);

  it("is rendered once and gets the current token, in the form and its data, in every response", async () => {
    const { render, renders } = site(contact);
    const held: Record<string, string | null> = { enquiry: "enquiry.1.first" };
    const pages = new PageCache({
      versions: new Versions(),
      placeholder: createNonce(),
      createNonce,
      formTokens: tokens(held),
    });
    const first = await (await pages.handle(at("/contact"), render)).text();
    held.enquiry = "enquiry.2.second";
    const second = await (await pages.handle(at("/contact"), render)).text();
    expect(renders).toHaveLength(1);
    expect(tokenIn(first)).toEqual(["enquiry.1.first", "enquiry.1.first"]);
    expect(tokenIn(second)).toEqual(["enquiry.2.second", "enquiry.2.second"]);
    expect(second).not.toMatch(/form-token-placeholder/);
  });

  it("is rendered for the visitor, with a token of their own, while there is no token to give", async () => {
    const { render, renders } = site(contact);
    const pages = new PageCache({
      versions: new Versions(),
      placeholder: createNonce(),
      createNonce,
      formTokens: tokens({ enquiry: null }),
    });
    const first = await (await pages.handle(at("/contact"), render)).text();
    const second = await (await pages.handle(at("/contact"), render)).text();
    expect(tokenIn(first)).toEqual(["enquiry.rendered-1", "enquiry.rendered-1"]);
    expect(tokenIn(second)).toEqual(["enquiry.rendered-2", "enquiry.rendered-2"]);
    expect(`${first}${second}`).not.toMatch(/form-token-placeholder/);
    // The first render was for the cache (kept), the other two for each visitor.
    expect(renders.map((r) => r.renderNonce === undefined)).toEqual([false, true, true]);
  });

  it("never sends the placeholder when the page can't be kept", async () => {
    const routes = {
      "/contact": {
        headers: publicPageHeaders(),
        status: 503,
        content: () => "Busy",
        form: "enquiry",
      },
      "/flash": {
        headers: publicPageHeaders(),
        setCookie: "notice=1; Path=/",
        content: () => "Sent",
        form: "enquiry",
      },
    };
    const { render } = site(routes);
    const pages = new PageCache({
      versions: new Versions(),
      placeholder: createNonce(),
      createNonce,
      formTokens: tokens({ enquiry: "enquiry.1.first" }),
    });
    for (const path of ["/contact", "/flash"]) {
      const html = await (await pages.handle(at(path), render)).text();
      expect(html, path).not.toMatch(/form-token-placeholder/);
      expect(tokenIn(html)[0], path).toMatch(/^enquiry\.rendered-\d$/);
    }
    expect(pages.size).toBe(0);
  });

  it("is never kept by a cache that has no tokens to fill it with", async () => {
    const { render } = site(contact);
    const pages = cache(new Versions());
    const html = await (await pages.handle(at("/contact"), render)).text();
    expect(tokenIn(html)[0]).toBe("enquiry.rendered-1");
    expect(pages.size).toBe(0);
  });
});
