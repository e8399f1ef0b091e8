import { buildRssFeed, FEED_CACHE_CONTROL } from "../formatting/feeds";
import { absoluteUrl } from "../links/site-url";
import { api } from "../server/api.server";
import { resourceHeaders } from "../server/security-headers.server";
import { siteUrlFor } from "../server/site-url.server";

const FEED_SIZE = 20;

/** The blog as RSS 2.0: the newest posts, with absolute links, for feed readers. */
export async function loader() {
  const [settings, posts] = await Promise.all([
    api.settings.get.query(),
    api.posts.list.query({ page: 1, pageSize: FEED_SIZE }),
  ]);
  const siteUrl = siteUrlFor(settings);
  const xml = buildRssFeed({
    title: `${settings.name} blog`,
    siteUrl: absoluteUrl(siteUrl, "/blog"),
    feedUrl: absoluteUrl(siteUrl, "/blog/rss.xml"),
    description: `Articles and videos on injury, recovery and performance from ${settings.name}.`,
    language: "en-AU",
    items: posts.items.map((post) => ({
      title: post.title,
      url: absoluteUrl(siteUrl, `/blog/${post.slug}`),
      description: post.excerpt,
      publishedAt: post.publishedAt,
      author: post.author?.name ?? null,
      categories: post.tags,
    })),
  });
  return new Response(xml, {
    headers: resourceHeaders({
      "Content-Type": "application/rss+xml; charset=utf-8",
      "Cache-Control": FEED_CACHE_CONTROL,
    }),
  });
}
