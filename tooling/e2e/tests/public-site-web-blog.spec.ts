import { XMLParser } from "fast-xml-parser";
import { webUrl } from "../environment";
import { seriousAccessibilityViolations } from "./accessibility";
import { api, expect, test } from "./fixtures";

/** The blog, its topic pages, the RSS feed, the sitemap and robots.txt, against the seeded posts. */

const RFC_822 =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;

async function siteUrl(): Promise<string> {
  const settings = await api.settings.get.query();
  return (process.env.SITE_URL ?? settings.websiteUrl).replace(/\/+$/, "");
}

test.describe("blog", () => {
  test("a post has its byline, topics, section links and the author's other posts", async ({
    page,
  }) => {
    const { items } = await api.posts.list.query({ pageSize: 50 });
    // A post whose author wrote others, so "More from" has something to show.
    const post = items.find(
      (p) => p.author && items.some((o) => o.slug !== p.slug && o.author?.slug === p.author?.slug),
    );
    expect(post, "the seed has an author with two posts").toBeDefined();
    if (!post?.author) return;

    await page.goto(`/blog/${post.slug}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(post.title);
    await expect(page.locator("h1")).toHaveCount(1);
    const byline = page.locator(".post__byline");
    await expect(byline.getByRole("link", { name: post.author.name })).toHaveAttribute(
      "href",
      `/practitioners/${post.author.slug}`,
    );
    await expect(byline).toContainText(/\d+ min read/);
    await expect(byline.locator("time")).toHaveAttribute(
      "datetime",
      post.publishedAt.toISOString(),
    );

    // Every section heading has an id and links to itself.
    const anchors = page.locator(".prose :is(h2, h3) > a.heading-anchor");
    expect(await anchors.count()).toBeGreaterThan(0);
    const first = anchors.first();
    const id = await first.evaluate((a) => a.parentElement?.id ?? "");
    expect(id).toMatch(/^[a-z0-9-]+$/);
    await expect(first).toHaveAttribute("href", `#${id}`);
    await first.click();
    await expect(page).toHaveURL(new RegExp(`#${id}$`));

    const more = page.getByRole("region", { name: `More from ${post.author.name}` });
    const others = items.filter(
      (o) => o.slug !== post.slug && o.author?.slug === post.author?.slug,
    );
    for (const other of others.slice(0, 3)) {
      await expect(more.getByRole("link", { name: other.title })).toHaveAttribute(
        "href",
        `/blog/${other.slug}`,
      );
    }
    await expect(more.getByRole("link", { name: post.title, exact: true })).toHaveCount(0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });

  test("following a topic lists exactly the posts with that tag", async ({ page }) => {
    const post = await api.posts.bySlug.query({
      slug: "why-runners-benefit-from-spinal-adjustments",
    });
    const tag = post.tags[0]!;
    const tagged = await api.posts.list.query({ tag, pageSize: 50 });

    await page.goto(`/blog/${post.slug}`);
    await page
      .locator(".post__footer")
      .getByRole("link", { name: `#${tag}` })
      .click();
    await expect(page).toHaveURL(`/blog/tag/${tag}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Articles tagged “${tag}”`);
    const titles = page.locator(".post-card .card__title");
    await expect(titles).toHaveText(tagged.items.map((p) => p.title));
    await expect(
      page.getByRole("navigation", { name: "Topics" }).getByRole("link", { name: `#${tag}` }),
    ).toHaveAttribute("aria-current", "page");
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // Back to every article, and the old ?tag= links move to the topic page.
    await page.getByRole("link", { name: "All articles" }).click();
    await expect(page).toHaveURL("/blog");
    const moved = await page.request.get(`/blog?tag=${tag}`, { maxRedirects: 0 });
    expect(moved.status()).toBe(301);
    expect(moved.headers().location).toBe(`/blog/tag/${tag}`);
    expect((await page.request.get("/blog/tag/no-such-topic")).status()).toBe(404);
  });

  test("the blog lists the newest posts and links to every topic", async ({ page }) => {
    const newest = await api.posts.list.query({ page: 1, pageSize: 9 });
    await page.goto("/blog");
    await expect(page.locator(".post-card .card__title")).toHaveText(
      newest.items.map((p) => p.title),
    );
    const tags = new Set(newest.items.flatMap((p) => p.tags));
    const topics = page.getByRole("navigation", { name: "Topics" });
    for (const tag of tags) {
      await expect(topics.getByRole("link", { name: `#${tag}` })).toHaveAttribute(
        "href",
        `/blog/tag/${tag}`,
      );
    }
    await expect(page.locator('link[rel="alternate"][type="application/rss+xml"]')).toHaveAttribute(
      "href",
      "/blog/rss.xml",
    );
  });
});

test.describe("feeds", () => {
  test("the RSS feed is valid RSS 2.0 with absolute links and RFC 822 dates", async ({
    request,
  }) => {
    const base = await siteUrl();
    const response = await request.get("/blog/rss.xml");
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("application/rss+xml; charset=utf-8");
    expect(response.headers()["x-content-type-options"]).toBe("nosniff");

    const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === "item" });
    const { rss } = parser.parse(await response.text());
    expect(rss["@_version"]).toBe("2.0");
    expect(rss.channel.link).toBe(`${base}/blog`);
    expect(rss.channel["atom:link"]["@_href"]).toBe(`${base}/blog/rss.xml`);

    const posts = await api.posts.list.query({ page: 1, pageSize: 20 });
    expect(rss.channel.item.map((item: { title: string }) => item.title)).toEqual(
      posts.items.map((p) => p.title),
    );
    for (const [index, item] of (rss.channel.item as Record<string, unknown>[]).entries()) {
      const post = posts.items[index]!;
      expect(item.link).toBe(`${base}/blog/${post.slug}`);
      expect(item.pubDate).toMatch(RFC_822);
      expect(new Date(item.pubDate as string).getTime()).toBe(
        Math.floor(post.publishedAt.getTime() / 1000) * 1000,
      );
      expect(item.description).toBe(post.excerpt);
    }
  });

  test("the sitemap lists every public page and post, and each one answers", async ({
    request,
  }) => {
    const base = await siteUrl();
    const response = await request.get("/sitemap.xml");
    expect(response.status()).toBe(200);
    const { urlset } = new XMLParser({ isArray: (name) => name === "url" }).parse(
      await response.text(),
    );
    const locs: string[] = urlset.url.map((url: { loc: string }) => url.loc);
    for (const loc of locs) expect(loc.startsWith(`${base}/`)).toBe(true);
    const paths = locs.map((loc) => loc.slice(base.length));

    const [posts, practitioners, services] = await Promise.all([
      api.posts.list.query({ pageSize: 50 }),
      api.practitioners.list.query(),
      api.services.list.query(),
    ]);
    const expected = [
      "/",
      "/blog",
      "/practitioners",
      "/services",
      "/testimonials",
      "/contact",
      ...posts.items.map((p) => `/blog/${p.slug}`),
      ...posts.items.flatMap((p) => p.tags.map((tag) => `/blog/tag/${tag}`)),
      ...practitioners.map((p) => `/practitioners/${p.slug}`),
      ...services.map((s) => `/services/${s.slug}`),
    ];
    expect(paths).toEqual(expect.arrayContaining(expected));
    expect(new Set(paths).size).toBe(paths.length);
    expect(paths.some((path) => path.startsWith("/manage"))).toBe(false);

    // Every listed page is really there.
    for (const path of paths) {
      expect((await request.get(`${webUrl}${path}`)).status(), path).toBe(200);
    }
  });

  test("robots.txt keeps crawlers out of personal pages and points at the sitemap", async ({
    request,
  }) => {
    const response = await request.get("/robots.txt");
    expect(response.status()).toBe(200);
    const lines = (await response.text()).split("\n");
    expect(lines).toContain("Disallow: /manage");
    expect(lines).toContain("Disallow: /book/*/details");
    expect(lines).toContain(`Sitemap: ${await siteUrl()}/sitemap.xml`);
  });
});
