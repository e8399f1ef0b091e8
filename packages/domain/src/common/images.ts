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

/** Largest photo accepted, in bytes once decoded. */
export const MAX_PHOTO_BYTES = 2 * 1024 * 1024;

// Base64 of MAX_PHOTO_BYTES, rounded up to whole 4-character groups.
const MAX_PHOTO_BASE64_LENGTH = Math.ceil(MAX_PHOTO_BYTES / 3) * 4;

export const photoUploadSchema = z.object({
  contentType: z.enum(imageContentTypes, { message: "Upload a JPEG, PNG or WebP image" }),
  dataBase64: z
    .string()
    .min(1, "Choose a photo to upload")
    .max(MAX_PHOTO_BASE64_LENGTH, "Photos must be at most 2 MB")
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, "The photo didn't arrive intact; please try again")
    .refine((data) => data.length % 4 === 0, "The photo didn't arrive intact; please try again"),
});
export type PhotoUpload = z.infer<typeof photoUploadSchema>;

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
