import { buildRobotsTxt, FEED_CACHE_CONTROL } from "../formatting/feeds";
import { absoluteUrl } from "../links/site-url";
import { api } from "../server/api.server";
import { resourceHeaders } from "../server/security-headers.server";
import { siteUrlFor } from "../server/site-url.server";

export async function loader() {
  const settings = await api.settings.get.query();
  return new Response(buildRobotsTxt(absoluteUrl(siteUrlFor(settings), "/sitemap.xml")), {
    headers: resourceHeaders({
      "Content-Type": "text/plain; charset=utf-8",
      "Cache-Control": FEED_CACHE_CONTROL,
    }),
  });
}
