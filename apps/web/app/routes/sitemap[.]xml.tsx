import { buildSitemap, FEED_CACHE_CONTROL } from "../formatting/feeds";
import { blogListHref } from "../links/blog-links";
import { absoluteUrl } from "../links/site-url";
import { api } from "../server/api.server";
import { allVisiblePosts } from "../server/blog.server";
import { tagCounts } from "../server/blog-posts";
import { resourceHeaders } from "../server/security-headers.server";
import { siteUrlFor } from "../server/site-url.server";

// Pages that exist whatever the content. Booking steps past the first and manage links are
// personal (robots.txt keeps crawlers out of them), so they are not listed.
const FIXED_PATHS = [
  "/",
  "/practitioners",
  "/services",
  "/blog",
  "/testimonials",
  "/contact",
  "/book",
] as const;

/** Every public page: the fixed ones, each practitioner, service, post and topic. */
export async function loader() {
  const [settings, practitioners, services, posts] = await Promise.all([
    api.settings.get.query(),
    api.practitioners.list.query(),
    api.services.list.query(),
    allVisiblePosts(),
  ]);
  const siteUrl = siteUrlFor(settings);
  const entry = (path: string, lastModified?: Date) => ({
    url: absoluteUrl(siteUrl, path),
    lastModified,
  });
  const xml = buildSitemap([
    ...FIXED_PATHS.map((path) => entry(path, path === "/blog" ? posts[0]?.publishedAt : undefined)),
    ...practitioners.map((practitioner) => entry(`/practitioners/${practitioner.slug}`)),
    ...services.map((service) => entry(`/services/${service.slug}`)),
    ...posts.map((post) => entry(`/blog/${post.slug}`, post.publishedAt)),
    ...tagCounts(posts).map(({ tag }) => entry(blogListHref(1, tag))),
  ]);
  return new Response(xml, {
    headers: resourceHeaders({
      "Content-Type": "application/xml; charset=utf-8",
      "Cache-Control": FEED_CACHE_CONTROL,
    }),
  });
}
