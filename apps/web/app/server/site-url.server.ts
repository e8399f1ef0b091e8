import { normaliseSiteUrl } from "../links/site-url";
import { env } from "./env.server";

/**
 * Where the public site lives, for absolute links (feeds, sitemap, Open Graph): the
 * SITE_URL environment variable when set (staging, a preview host), else the clinic's own
 * website address from its settings.
 */
export function siteUrlFor(settings: { websiteUrl: string }): string {
  return normaliseSiteUrl(env.SITE_URL ?? settings.websiteUrl);
}
