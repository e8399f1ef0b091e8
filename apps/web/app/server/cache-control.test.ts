import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  DOCUMENT_CACHE_CONTROL,
  dataCacheControl,
  documentCacheControl,
  PRIVATE_NO_STORE,
  PUBLIC_PAGE_CACHE_CONTROL,
  patientPageHeaders,
  privatePageHeaders,
  publicPageHeaders,
} from "./cache-control";

const get = new Request("http://site.test/blog");
const declared = () => new Headers(publicPageHeaders());

describe("the public declaration", () => {
  it("lets a CDN keep a page seconds, never a browser", () => {
    expect(PUBLIC_PAGE_CACHE_CONTROL).toBe(
      "public, max-age=0, s-maxage=2, stale-while-revalidate=3",
    );
  });
});

describe("documentCacheControl", () => {
  it("sends a public route's page as revalidate-every-time (its nonce is per response)", () => {
    expect(documentCacheControl(get, 200, declared())).toBe(DOCUMENT_CACHE_CONTROL);
    expect(DOCUMENT_CACHE_CONTROL).toBe("no-cache");
  });

  it("never lets a route that declared nothing be kept", () => {
    expect(documentCacheControl(get, 200, new Headers())).toBe("no-store");
    expect(documentCacheControl(get, 200, new Headers(privatePageHeaders()))).toBe("no-store");
  });

  it.each([404, 500, 503])("never caches a %i page", (status) => {
    expect(documentCacheControl(get, status, declared())).toBe("no-store");
  });

  it("never caches a POST's reply or a page setting a cookie", () => {
    const post = new Request("http://site.test/blog", { method: "POST" });
    expect(documentCacheControl(post, 200, declared())).toBe("no-store");
    const cookie = declared();
    cookie.append("Set-Cookie", "a=b");
    expect(documentCacheControl(get, 200, cookie)).toBe("no-store");
  });
});

describe("dataCacheControl", () => {
  it("keeps the declaration for a public route's data, and nothing else", () => {
    expect(dataCacheControl(get, 200, declared())).toBe(PUBLIC_PAGE_CACHE_CONTROL);
    expect(dataCacheControl(get, 200, new Headers())).toBe("no-store");
    expect(dataCacheControl(get, 404, declared())).toBe("no-store");
    const post = new Request("http://site.test/testimonials.data", { method: "POST" });
    expect(dataCacheControl(post, 200, declared())).toBe("no-store");
  });
});

describe("which routes declare themselves public", () => {
  const routesDir = join(import.meta.dirname, "../routes");
  const routeFiles = readdirSync(routesDir).map((name) => {
    const path = join(routesDir, name);
    return statSync(path).isDirectory() ? join(path, "route.tsx") : path;
  });
  const source = (file: string) => readFileSync(file, "utf8");
  const isPublic = (file: string) => /export const headers = publicPageHeaders;/.test(source(file));

  it("is exactly the pages that are the same for every visitor", () => {
    const names = routeFiles.filter(isPublic).map((file) => file.slice(routesDir.length + 1));
    expect(names.sort()).toEqual(
      [
        "_index.tsx",
        "contact.tsx",
        "testimonials/route.tsx",
        "blog.$slug.tsx",
        "blog._index.tsx",
        "blog.tag.$tag.tsx",
        "practitioners.$slug.tsx",
        "practitioners._index.tsx",
        "services.$slug.tsx",
        "services._index.tsx",
      ].sort(),
    );
  });

  it("holds no cookie or booking/manage page, and form tokens only as the cache fills them", () => {
    for (const file of routeFiles.filter(isPublic)) {
      const text = source(file);
      expect(text, file).not.toMatch(/cookie/i);
      expect(file, file).not.toMatch(/book|manage/);
      // A form's token comes through `formToken(form, context)`, which a render for the cache
      // turns into the placeholder the cache fills per response.
      for (const call of text.matchAll(/formToken\(([^)]*)\)/g)) {
        if (call[1] === "") continue;
        expect(call[1], file).toMatch(/^"(enquiry|review)", context$/);
      }
    }
  });
});

describe("a signed-in patient's pages (decision 031)", () => {
  const patient = () => new Headers(patientPageHeaders());

  it("go out as private, no-store: pages, data requests, redirects and errors alike", () => {
    expect(PRIVATE_NO_STORE).toBe("private, no-store");
    expect(documentCacheControl(get, 200, patient())).toBe("private, no-store");
    expect(dataCacheControl(get, 200, patient())).toBe("private, no-store");
    expect(documentCacheControl(get, 404, patient())).toBe("private, no-store");
    const post = new Request("http://site.test/account/sign-in", { method: "POST" });
    expect(documentCacheControl(post, 200, patient())).toBe("private, no-store");
    expect(patient().get("Referrer-Policy")).toBe("same-origin");
  });

  it("are every account route, and none is declared public", () => {
    const routesDir = join(import.meta.dirname, "../routes");
    const accountRoutes = readdirSync(routesDir).filter((name) => name.startsWith("account."));
    expect(accountRoutes.length).toBeGreaterThanOrEqual(5);
    for (const name of accountRoutes) {
      const text = readFileSync(join(routesDir, name), "utf8");
      expect(text, name).toMatch(/export const headers = patientPageHeaders;/);
      expect(text, name).not.toMatch(/publicPageHeaders/);
    }
  });
});
