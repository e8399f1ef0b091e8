/** Text for XML content or a double-quoted attribute, with characters XML 1.0 forbids removed. */
export function escapeXml(text: string): string {
  return (
    text
      // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters removed
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "")
      .replaceAll("&", "&amp;")
      .replaceAll("<", "&lt;")
      .replaceAll(">", "&gt;")
      .replaceAll('"', "&quot;")
      .replaceAll("'", "&apos;")
  );
}

/** An RFC 822 date as RSS 2.0 wants it, in GMT: "Tue, 03 Mar 2026 01:02:03 GMT". */
export function rfc822Date(date: Date): string {
  return date.toUTCString();
}

export interface FeedItem {
  title: string;
  /** Absolute URL of the item's page; also its guid. */
  url: string;
  description: string;
  publishedAt: Date;
  author?: string | null;
  categories?: readonly string[];
}

export interface Feed {
  title: string;
  /** Absolute URL of the site page the feed mirrors (the blog). */
  siteUrl: string;
  /** Absolute URL of the feed itself. */
  feedUrl: string;
  description: string;
  language: string;
  items: readonly FeedItem[];
}

/** An RSS 2.0 document: absolute links, RFC 822 dates, every text escaped. */
export function buildRssFeed(feed: Feed): string {
  const newest = feed.items.reduce<Date | null>(
    (latest, item) => (latest && latest > item.publishedAt ? latest : item.publishedAt),
    null,
  );
  const items = feed.items.map((item) =>
    [
      "    <item>",
      `      <title>${escapeXml(item.title)}</title>`,
      `      <link>${escapeXml(item.url)}</link>`,
      `      <guid isPermaLink="true">${escapeXml(item.url)}</guid>`,
      `      <description>${escapeXml(item.description)}</description>`,
      `      <pubDate>${rfc822Date(item.publishedAt)}</pubDate>`,
      // RSS's <author> must be an email address; dc:creator carries a name.
      item.author ? `      <dc:creator>${escapeXml(item.author)}</dc:creator>` : null,
      ...(item.categories ?? []).map((tag) => `      <category>${escapeXml(tag)}</category>`),
      "    </item>",
    ]
      .filter((line) => line !== null)
      .join("\n"),
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    "  <channel>",
    `    <title>${escapeXml(feed.title)}</title>`,
    `    <link>${escapeXml(feed.siteUrl)}</link>`,
    `    <description>${escapeXml(feed.description)}</description>`,
    `    <language>${escapeXml(feed.language)}</language>`,
    `    <atom:link href="${escapeXml(feed.feedUrl)}" rel="self" type="application/rss+xml"/>`,
    newest ? `    <lastBuildDate>${rfc822Date(newest)}</lastBuildDate>` : null,
    ...items,
    "  </channel>",
    "</rss>",
    "",
  ]
    .filter((line) => line !== null)
    .join("\n");
}

export interface SitemapEntry {
  /** Absolute URL. */
  url: string;
  lastModified?: Date | null;
}

/** A sitemaps.org urlset; each URL once, in the order given. */
export function buildSitemap(entries: readonly SitemapEntry[]): string {
  const seen = new Set<string>();
  const urls: string[] = [];
  for (const entry of entries) {
    if (seen.has(entry.url)) continue;
    seen.add(entry.url);
    urls.push(
      [
        "  <url>",
        `    <loc>${escapeXml(entry.url)}</loc>`,
        entry.lastModified ? `    <lastmod>${entry.lastModified.toISOString()}</lastmod>` : null,
        "  </url>",
      ]
        .filter((line) => line !== null)
        .join("\n"),
    );
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...urls,
    "</urlset>",
    "",
  ].join("\n");
}

/**
 * robots.txt: everything public may be crawled except personal pages (a booking's manage
 * link, the details step of booking), and crawlers are pointed at the sitemap.
 */
export function buildRobotsTxt(sitemapUrl: string): string {
  return [
    "User-agent: *",
    "Disallow: /manage",
    "Disallow: /account",
    "Disallow: /book/*/details",
    "Allow: /",
    "",
    `Sitemap: ${sitemapUrl}`,
    "",
  ].join("\n");
}

/** Feeds and the sitemap change when a post is published: fresh enough at ten minutes. */
export const FEED_CACHE_CONTROL = "public, max-age=600, stale-while-revalidate=3600";
