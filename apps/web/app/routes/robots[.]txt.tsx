import { api } from "../api.server";
import { buildRobotsTxt, FEED_CACHE_CONTROL } from "../feeds";
import { resourceHeaders } from "../security-headers";
import { absoluteUrl } from "../site-url";
import { siteUrlFor } from "../site-url.server";

export async function loader() {
  const settings = await api.settings.get.query();
  return new Response(buildRobotsTxt(absoluteUrl(siteUrlFor(settings), "/sitemap.xml")), {
    headers: resourceHeaders({
      "Content-Type": "text/plain; charset=utf-8",
      "Cache-Control": FEED_CACHE_CONTROL,
    }),
  });
}
