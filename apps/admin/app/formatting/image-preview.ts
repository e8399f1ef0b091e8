import { imageSources, type StoredImage } from "@clinic/domain";
import type { ImagePreview } from "../components/image-upload-panel";

/**
 * How the admin previews an image: an uploaded one with its WebP sizes, an older upload as it
 * is; other addresses not at all (the admin's CSP, like the site's, loads only its own images).
 */
export function imagePreview(
  image: StoredImage | null,
  alt: string | null,
  url: string | null,
  fallbackAlt: string,
): ImagePreview | null {
  if (image) {
    const { src, width, height, sources } = imageSources(image);
    const webp = sources.find((s) => s.type === "image/webp");
    return { src, srcSet: webp?.srcSet, width, height, alt: alt ?? fallbackAlt };
  }
  if (url?.startsWith("/uploads/")) return { src: url, width: 128, height: 128, alt: fallbackAlt };
  return null;
}
