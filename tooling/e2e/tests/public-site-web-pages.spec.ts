import type { Page } from "@playwright/test";
import { seriousAccessibilityViolations } from "./accessibility";
import { api, expect, test } from "./fixtures";

/**
 * Every public page: accessible (axe), one h1, a working skip link, Open Graph and Twitter
 * meta, structured data, and security headers whose policy the page itself never breaks.
 */

/** Each public page, its path found from the seeded content where it has one. */
const PUBLIC_PAGES: { name: string; path: () => Promise<string> }[] = [
  { name: "home", path: async () => "/" },
  { name: "practitioners", path: async () => "/practitioners" },
  {
    name: "a practitioner",
    path: async () => `/practitioners/${(await api.practitioners.list.query())[0]!.slug}`,
  },
  { name: "services", path: async () => "/services" },
  {
    name: "a service",
    path: async () => `/services/${(await api.services.list.query())[0]!.slug}`,
  },
  { name: "blog", path: async () => "/blog" },
  {
    name: "a post",
    path: async () => `/blog/${(await api.posts.list.query({ pageSize: 1 })).items[0]!.slug}`,
  },
  {
    name: "a topic",
    path: async () =>
      `/blog/tag/${(await api.posts.list.query({ pageSize: 1 })).items[0]!.tags[0]!}`,
  },
  { name: "testimonials", path: async () => "/testimonials" },
  { name: "contact", path: async () => "/contact" },
  { name: "booking", path: async () => "/book" },
];

/** Collects the browser's reports of anything the Content-Security-Policy blocked. */
function cspViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

async function jsonLd(page: Page): Promise<Record<string, unknown>[]> {
  const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
  return blocks.map((text) => JSON.parse(text) as Record<string, unknown>);
}

test.describe("every public page", () => {
  for (const { name, path } of PUBLIC_PAGES) {
    test(`${name}: passes axe, has one h1, and breaks none of its own security policy`, async ({
      page,
    }) => {
      test.setTimeout(120_000);
      const violations = cspViolations(page);
      const url = await path();
      const response = await page.goto(url);
      expect(response?.status(), url).toBe(200);
      await expect(page.locator("h1"), url).toHaveCount(1);
      expect(await seriousAccessibilityViolations(page), url).toEqual([]);
      expect(violations, url).toEqual([]);
    });
  }

  test("carries security headers, and a fresh script nonce each time", async ({ page }) => {
    const first = await page.goto("/contact");
    const headers = first!.headers();
    const policy = headers["content-security-policy"] ?? "";
    expect(policy).toContain("default-src 'self'");
    expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    // Styles: the site's own, and the inlined stylesheet carrying this response's nonce.
    expect(policy).toMatch(/style-src 'self' 'nonce-[A-Za-z0-9+/=]+';/);
    expect(policy).toContain("frame-src https://www.youtube-nocookie.com");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).not.toContain("unsafe-inline");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["permissions-policy"]).toContain("camera=()");
    // The contact page is served from the site's page cache with a fresh nonce and form token
    // each time (decision 016): browsers and CDNs must ask again every time.
    expect(headers["cache-control"]).toBe("no-cache");

    // The page's scripts carry the header's nonce (browsers hide the attribute's value from
    // the DOM, so read it from the HTML), and the next response has another one.
    const nonce = policy.match(/'nonce-([^']+)'/)?.[1];
    expect(await first!.text()).toContain(`<script nonce="${nonce}"`);
    expect(await first!.text()).toContain(`<style nonce="${nonce}"`);
    const second = await page.request.get("/contact");
    expect(second.headers()["content-security-policy"]).not.toContain(`'nonce-${nonce}'`);

    // A public page comes from the site's page cache, still with a new nonce in every response,
    // the one its scripts carry; browsers and CDNs must ask again each time.
    const seen = new Set<string>();
    for (let i = 0; i < 3; i++) {
      const home = await page.request.get("/");
      expect(home.headers()["cache-control"]).toBe("no-cache");
      const homeNonce = home.headers()["content-security-policy"]?.match(/'nonce-([^']+)'/)?.[1];
      expect(homeNonce).toBeDefined();
      expect(await home.text()).toContain(`<script nonce="${homeNonce}"`);
      seen.add(homeNonce!);
    }
    expect(seen.size).toBe(3);

    for (const path of ["/blog/rss.xml", "/sitemap.xml", "/robots.txt"]) {
      const resource = await page.request.get(path);
      expect(resource.headers()["content-security-policy"], path).toContain("default-src 'none'");
      expect(resource.headers()["x-content-type-options"], path).toBe("nosniff");
    }
  });

  test("static assets are cached for good, error pages not at all", async ({ page, request }) => {
    await page.goto("/");
    // The stylesheet is inlined (with this response's nonce, which the CSP allows); the
    // scripts are fingerprinted files.
    const style = page.locator("head style[nonce]");
    await expect(style).toHaveCount(1);
    expect(
      await style.evaluate((element) => (element as HTMLStyleElement).sheet?.cssRules.length),
    ).toBeGreaterThan(50);
    const html = await (await request.get("/")).text();
    const script = /<link rel="modulepreload" href="([^"]+)"/.exec(html)?.[1];
    expect(script).toMatch(/^\/assets\//);
    const asset = await request.get(script!);
    expect(asset.headers()["cache-control"]).toContain("immutable");
    const missing = await request.get("/no-such-page-here");
    expect(missing.status()).toBe(404);
    expect(missing.headers()["cache-control"]).toBe("no-store");
  });

  test("the skip link is the first stop and moves focus to the content, visibly", async ({
    page,
  }) => {
    await page.goto("/testimonials");
    const skip = page.getByRole("link", { name: "Skip to main content" });
    // Once React has hydrated the link: a hash navigation in the middle of hydration once threw
    // React's error #345 in CI (a finding of its own, noted); this test is about the skip link.
    await page.waitForFunction(() => {
      const link = document.querySelector('a[href="#main"]');
      return link !== null && Object.keys(link).some((key) => key.startsWith("__reactProps"));
    });
    await page.keyboard.press("Tab");
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    const outline = await skip.evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline).not.toBe("none");
    await page.keyboard.press("Enter");
    await expect(page.locator("main#main")).toBeFocused();
  });
});

test.describe("meta and structured data", () => {
  test("a post has Open Graph, Twitter and BlogPosting data with absolute URLs", async ({
    page,
  }) => {
    const settings = await api.settings.get.query();
    const base = settings.websiteUrl.replace(/\/+$/, "");
    const slug = "why-runners-benefit-from-spinal-adjustments";
    const post = await api.posts.bySlug.query({ slug });
    await page.goto(`/blog/${slug}`);

    const meta = (selector: string) => page.locator(`meta[${selector}]`).getAttribute("content");
    expect(await meta('property="og:type"')).toBe("article");
    expect(await meta('property="og:url"')).toBe(`${base}/blog/${slug}`);
    expect(await meta('property="og:title"')).toBe(`${post.title} · ${settings.name}`);
    expect(await meta('property="og:description"')).toBe(post.excerpt);
    expect(await meta('name="twitter:card"')).toMatch(/^summary/);
    expect(await meta('name="twitter:title"')).toBe(`${post.title} · ${settings.name}`);
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute(
      "href",
      `${base}/blog/${slug}`,
    );

    const data = await jsonLd(page);
    const posting = data.find((item) => item["@type"] === "BlogPosting");
    expect(posting).toMatchObject({
      headline: post.title,
      url: `${base}/blog/${slug}`,
      datePublished: post.publishedAt.toISOString(),
      author: { "@type": "Person", name: post.author!.name },
    });
    const clinic = data.find((item) => item["@type"] === "Chiropractor");
    expect(clinic).toMatchObject({
      name: settings.name,
      address: { "@type": "PostalAddress", postalCode: settings.address.postcode },
    });
  });

  test("every page describes itself for social sites", async ({ page }) => {
    for (const path of ["/", "/contact", "/testimonials", "/blog"]) {
      await page.goto(path);
      for (const selector of [
        'property="og:title"',
        'property="og:description"',
        'property="og:type"',
        'property="og:url"',
        'name="twitter:card"',
      ]) {
        await expect(page.locator(`meta[${selector}]`), `${path} ${selector}`).toHaveCount(1);
      }
    }
  });

  test("the testimonials page marks up its reviews with their aggregate rating", async ({
    page,
  }) => {
    // Other tests approve and unpublish reviews meanwhile, and the site shows a change within
    // a second or so (its page cache, decision 016): compare once both have settled.
    await expect(async () => {
      await page.goto("/testimonials");
      const [summary, reviews] = await Promise.all([
        api.reviews.summary.query(),
        api.reviews.list.query({ limit: 100 }),
      ]);
      const data = await jsonLd(page);
      const rated = data.find((item) => "aggregateRating" in item);
      expect(rated?.aggregateRating).toMatchObject({
        "@type": "AggregateRating",
        ratingValue: summary.average,
        reviewCount: summary.count,
      });
      const listed = rated?.review as {
        author: { name: string };
        reviewRating: { ratingValue: number };
      }[];
      expect(listed.map((review) => review.author.name)).toEqual(reviews.map((r) => r.authorName));
      expect(listed.map((review) => review.reviewRating.ratingValue)).toEqual(
        reviews.map((r) => r.rating),
      );
    }).toPass({ timeout: 20_000 });
  });
});
