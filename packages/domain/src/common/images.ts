import { z } from "zod";
import { singleLineText } from "./storable-text.js";

/** Image types staff may upload (practitioner photos), with the file extension each is stored under. */
export const imageContentTypes = ["image/jpeg", "image/png", "image/webp"] as const;
export type ImageContentType = (typeof imageContentTypes)[number];

export const imageExtensions: Record<ImageContentType, string> = {
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/webp": "webp",
};

/** Largest image accepted (photos, covers), in bytes once decoded: a phone's photo fits. */
export const MAX_IMAGE_BYTES = 8 * 1024 * 1024;
/** @deprecated the same limit under its first name; photos and covers share it. */
export const MAX_PHOTO_BYTES = MAX_IMAGE_BYTES;
export const IMAGE_TOO_LARGE = "Images must be at most 8 MB";

// Base64 of MAX_IMAGE_BYTES, rounded up to whole 4-character groups.
const MAX_IMAGE_BASE64_LENGTH = Math.ceil(MAX_IMAGE_BYTES / 3) * 4;

export const photoUploadSchema = z.object({
  contentType: z.enum(imageContentTypes, { message: "Upload a JPEG, PNG or WebP image" }),
  dataBase64: z
    .string()
    .min(1, "Choose an image to upload")
    .max(MAX_IMAGE_BASE64_LENGTH, IMAGE_TOO_LARGE)
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, "The image didn't arrive intact; please try again")
    .refine((data) => data.length % 4 === 0, "The image didn't arrive intact; please try again"),
});
export type PhotoUpload = z.infer<typeof photoUploadSchema>;

/** Text that stands in for an image for people who can't see it: required with every upload. */
export const imageAltSchema = singleLineText()
  .trim()
  .min(1, "Describe the image for people who can't see it")
  .max(300, "Keep the description under 300 characters");

/** An upload with its alt text: what the admin sends for a photo or a cover. */
export const imageUploadSchema = photoUploadSchema.extend({ alt: imageAltSchema });
export type ImageUpload = z.infer<typeof imageUploadSchema>;

/** The widths every upload is resized to (never wider than the original). */
export const IMAGE_WIDTHS = [320, 640, 1280] as const;
/** The formats each width is stored in, most compact first (`<picture>` offers them in order). */
export const imageFormats = ["avif", "webp"] as const;
export type ImageFormat = (typeof imageFormats)[number];

/**
 * An uploaded image as stored: `key` names its files (`<key>-<width>.<format>`), `width` and
 * `height` are those of the largest variant (the image's shape, for layout before it loads).
 */
export const storedImageSchema = z.object({
  key: z.string().regex(/^[0-9a-f]{32}$/),
  width: z.number().int().min(1),
  height: z.number().int().min(1),
  widths: z.array(z.number().int().min(1)).min(1),
  formats: z.array(z.enum(imageFormats)).min(1),
});
export type StoredImage = z.infer<typeof storedImageSchema>;

/** A stored image with its alt text, as pages show it. */
export type ShownImage = StoredImage & { alt: string };

/** The file name of one variant of a stored image. */
export function imageVariantName(key: string, width: number, format: ImageFormat): string {
  return `${key}-${width}.${format}`;
}

/** Variant file names: a 32-hex key, a width, a format. Nothing else is ever served as one. */
export const IMAGE_VARIANT_NAME = /^([0-9a-f]{32})-(\d{1,4})\.(avif|webp)$/;

/**
 * What an `<img>`/`<picture>` needs for a stored image under `base` (`/uploads`): the largest
 * WebP as `src`, one `srcSet` per format, and the intrinsic size.
 */
export function imageSources(image: StoredImage, base = "/uploads") {
  const widths = [...image.widths].sort((a, b) => a - b);
  const largest = widths[widths.length - 1] ?? image.width;
  const url = (width: number, format: ImageFormat) =>
    `${base}/${imageVariantName(image.key, width, format)}`;
  const fallback: ImageFormat = image.formats.includes("webp") ? "webp" : image.formats[0]!;
  return {
    src: url(largest, fallback),
    width: image.width,
    height: image.height,
    sources: image.formats.map((format) => ({
      type: `image/${format}`,
      srcSet: widths.map((w) => `${url(w, format)} ${w}w`).join(", "),
    })),
  };
}

/**
 * The image type a file's first bytes announce (JPEG, PNG or WebP), or null
 * for anything else. Uploads are checked with this, not by their claimed type.
 */
export function imageTypeOf(bytes: Uint8Array): ImageContentType | null {
  const starts = (signature: number[], offset = 0) =>
    bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b);
  if (starts([0xff, 0xd8, 0xff])) return "image/jpeg";
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  // "RIFF", four bytes of size, then "WEBP".
  if (starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return "image/webp";
  return null;
}

/**
 * An image address staff may set (cover images, photos): an http(s) URL or a
 * file this platform serves under `/uploads/`. Anything else (e.g.
 * `javascript:` or `data:` URLs) is refused.
 */
export const imageUrlSchema = singleLineText()
  .trim()
  .max(500, "Image addresses must be at most 500 characters")
  .refine(
    (url) => /^\/uploads\/[A-Za-z0-9._-]+$/.test(url) || /^https?:\/\/[^\s/]+\S*$/i.test(url),
    "Use an address starting with https:// or an uploaded image",
  );
