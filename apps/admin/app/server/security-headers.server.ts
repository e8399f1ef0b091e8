import { contentSecurityPolicy } from "@clinic/form-kit/security-headers";
import { env } from "./env.server";

/** The one site a post preview frames: YouTube's privacy-enhanced player, as on the site. */
const VIDEO_FRAME_ORIGIN = "https://www.youtube-nocookie.com";

/** The admin's page policy: the public site's, plus style attributes. */
export function adminContentSecurityPolicy(nonce: string): string {
  return contentSecurityPolicy({
    nonce,
    development: env.nodeEnv === "development",
    frameSrc: [VIDEO_FRAME_ORIGIN],
    // Uploaded photos and covers come from the admin's own `/uploads` route (decision 021).
    // The calendar places its blocks with `style` attributes.
    styleAttributes: true,
  });
}
