import { z } from "zod";
import { normaliseSiteUrl } from "../links/site-url";

const env = z
  .object({
    SITE_URL: z
      .url({ message: "SITE_URL must be a URL, e.g. https://westsidesportschiro.com.au" })
      .optional(),
  })
  .parse(process.env);

/**
 * Where the public site lives, for absolute links (feeds, sitemap, Open Graph): the
 * SITE_URL environment variable when set (staging, a preview host), else the clinic's own
 * website address from its settings.
 */
export function siteUrlFor(settings: { websiteUrl: string }): string {
  return normaliseSiteUrl(env.SITE_URL ?? settings.websiteUrl);
}
