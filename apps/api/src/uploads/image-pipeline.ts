import { randomBytes } from "node:crypto";
import {
  IMAGE_TOO_LARGE,
  IMAGE_WIDTHS,
  type ImageContentType,
  type ImageFormat,
  imageFormats,
  imageTypeOf,
  imageVariantName,
  MAX_IMAGE_BYTES,
  type PhotoUpload,
  type StoredImage,
} from "@clinic/domain";
import type { Sharp } from "sharp";
import { FieldError } from "../errors.js";
import type { ImageStore } from "./image-store.js";

/** The one image pipeline (decision 021): photos and covers go through it alike. */

// sharp (libvips) is ~20 MB resident once loaded: loaded with the first upload, not at start-up
// (issue 11's memory goal; uploads are rare).
let sharpLoaded: Promise<typeof import("sharp")> | undefined;
async function loadSharp() {
  sharpLoaded ??= import("sharp");
  return (await sharpLoaded).default;
}

// A 50-megapixel photo decodes to ~200 MB; anything larger is refused before decoding.
const MAX_INPUT_PIXELS = 50_000_000;

const encoders: Record<ImageFormat, (image: Sharp) => Sharp> = {
  // Effort 2 keeps an upload's encoding around a second on a small server.
  avif: (image) => image.avif({ quality: 55, effort: 2 }),
  webp: (image) => image.webp({ quality: 80 }),
};

export const variantContentTypes: Record<ImageFormat, string> = {
  avif: "image/avif",
  webp: "image/webp",
};

export interface ImageFile {
  name: string;
  bytes: Uint8Array;
  contentType: string;
}

/**
 * The upload's bytes and type, checked: at most MAX_IMAGE_BYTES, and the file's first bytes must
 * announce the type it claims (a field error on `dataBase64` otherwise).
 */
export function decodeUpload(upload: PhotoUpload): {
  bytes: Buffer;
  contentType: ImageContentType;
} {
  const bytes = Buffer.from(upload.dataBase64, "base64");
  if (bytes.length > MAX_IMAGE_BYTES) throw new FieldError("dataBase64", IMAGE_TOO_LARGE);
  const actual = imageTypeOf(bytes);
  if (actual !== upload.contentType) {
    const name = (type: ImageContentType) => type.slice("image/".length).toUpperCase();
    throw new FieldError(
      "dataBase64",
      actual
        ? `That file is a ${name(actual)} image, not ${name(upload.contentType)}`
        : "That file isn't a JPEG, PNG or WebP image",
    );
  }
  return { bytes, contentType: actual };
}

/** The widths an image `width` pixels wide is stored at: the standard ones below it, and its own (up to the largest). */
export function variantWidths(width: number): number[] {
  const largest = IMAGE_WIDTHS[IMAGE_WIDTHS.length - 1]!;
  return [...new Set([...IMAGE_WIDTHS.filter((w) => w < width), Math.min(width, largest)])];
}

/**
 * Checks an upload, then decodes it and writes its variants: each width of `variantWidths` in
 * every format, turned upright by its EXIF orientation and with its metadata (camera, place)
 * dropped. A file that can't be decoded is a field error, like a wrong type.
 */
export async function processImage(
  upload: PhotoUpload,
): Promise<{ image: StoredImage; files: ImageFile[] }> {
  const { bytes } = decodeUpload(upload);
  const sharp = await loadSharp();
  const open = () => sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: "error" });
  let width: number;
  let height: number;
  try {
    const meta = await open().metadata();
    if (!meta.width || !meta.height) throw new Error("no size");
    // Orientations 5–8 are quarter turns: the upright image is the other way round.
    const turned = (meta.orientation ?? 1) >= 5;
    width = turned ? meta.height : meta.width;
    height = turned ? meta.width : meta.height;
    if (width * height > MAX_INPUT_PIXELS) throw new Error("too many pixels");
  } catch {
    throw new FieldError(
      "dataBase64",
      "That image couldn't be read: it may be damaged or too large",
    );
  }
  const key = randomBytes(16).toString("hex");
  const widths = variantWidths(width);
  const largest = widths[widths.length - 1]!;
  let files: ImageFile[];
  try {
    // Decoded once, upright and at the largest width (JPEGs shrink while decoding); every
    // variant is made from these pixels, metadata-free, rather than from the upload again.
    const { data, info } = await open()
      .rotate()
      .resize({ width: largest })
      .raw()
      .toBuffer({ resolveWithObject: true });
    const pixels = () =>
      sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } });
    files = await Promise.all(
      widths.flatMap((w) =>
        imageFormats.map(async (format) => ({
          name: imageVariantName(key, w, format),
          bytes: new Uint8Array(
            await encoders[format](
              w === largest ? pixels() : pixels().resize({ width: w }),
            ).toBuffer(),
          ),
          contentType: variantContentTypes[format],
        })),
      ),
    );
  } catch {
    throw new FieldError(
      "dataBase64",
      "That image couldn't be read: it may be damaged or too large",
    );
  }
  return {
    image: {
      key,
      width: largest,
      height: Math.max(1, Math.round((height * largest) / width)),
      widths,
      formats: [...imageFormats],
    },
    files,
  };
}

/** Writes every file, or none: a failure part way removes what was written. */
export async function storeImageFiles(store: ImageStore, files: ImageFile[]): Promise<void> {
  try {
    for (const file of files) await store.put(file.name, file.bytes, file.contentType);
  } catch (error) {
    await removeImageFiles(store, files);
    throw error;
  }
}

/** Removes files of an image (best effort: an orphan costs space, never correctness). */
export async function removeImageFiles(
  store: ImageStore,
  files: readonly { name: string }[],
): Promise<void> {
  await Promise.all(files.map((file) => store.remove(file.name).catch(() => {})));
}

/** The file names of a stored image's variants. */
export function imageFileNames(image: StoredImage): { name: string }[] {
  return image.widths.flatMap((w) =>
    image.formats.map((format) => ({ name: imageVariantName(image.key, w, format) })),
  );
}

/**
 * Processes an upload and stores its files; then `link` records it (in a transaction). If that
 * fails, the files are removed again: the row still points at the old image.
 */
export async function uploadImage<T>(
  store: ImageStore,
  upload: PhotoUpload,
  link: (image: StoredImage) => Promise<T>,
): Promise<{ image: StoredImage; bytes: number; result: T }> {
  const { image, files } = await processImage(upload);
  await storeImageFiles(store, files);
  try {
    const result = await link(image);
    return { image, bytes: files.reduce((n, f) => n + f.bytes.byteLength, 0), result };
  } catch (error) {
    await removeImageFiles(store, files);
    throw error;
  }
}
